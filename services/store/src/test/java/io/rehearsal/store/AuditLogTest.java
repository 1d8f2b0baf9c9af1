package io.rehearsal.store;

import static io.rehearsal.store.StoreFixture.AUDIT_KEY;
import static io.rehearsal.store.StoreFixture.AUDIT_KEY_BYTES;
import static io.rehearsal.store.StoreFixture.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XAddArgs;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(StoreExtension.class)
class AuditLogTest {

  private static final byte[] STREAM = bytes("rehearsal:{audit}:stream");

  @TempDir Path dir;
  private StoreFixture fixture;
  private AuditLog audit;

  @BeforeEach
  void open(StoreFixture fixture) {
    this.fixture = fixture;
    audit = fixture.store.audit();
  }

  @Test
  void shouldChainEachEntryOntoThePreviousWhenAppending() throws Exception {
    AuditEntry first = audit.append("k1", bytes("submitted"));
    AuditEntry second = audit.append("k2", bytes("approved"));

    assertThat(first.prevHash()).isEqualTo(AuditLog.GENESIS_HASH);
    assertThat(first.hash()).isEqualTo(hmac(new byte[32], bytes("submitted")));
    assertThat(second.prevHash()).isEqualTo(first.hash());
    assertThat(second.hash())
        .isEqualTo(hmac(HexFormat.of().parseHex(first.hash()), bytes("approved")));
    assertThat(audit.head()).contains(second.hash());
    assertThat(audit.read("-", 10)).containsExactly(first, second);
  }

  @Test
  void shouldReturnExistingEntryAndAppendNothingWhenKeyIsResent() {
    AuditEntry first = audit.append("k1", bytes("submitted"));
    audit.append("k2", bytes("approved"));

    AuditEntry again = audit.append("k1", bytes("submitted"));

    assertThat(again).isEqualTo(first);
    assertThat(audit.size()).isEqualTo(2);
    assertThat(audit.verifyChain())
        .isEqualTo(new ChainVerification.Intact(2, audit.head().orElseThrow()));
  }

  @Test
  void shouldRejectWhenKeyIsReusedForOtherBytes() {
    AuditEntry first = audit.append("k1", bytes("submitted"));

    assertThatThrownBy(() -> audit.append("k1", bytes("something else")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("k1")
        .hasMessageContaining(first.id());
  }

  @Test
  void shouldFindEntryByKeyWhenAppended() {
    AuditEntry entry = audit.append("k1", bytes("x"));

    assertThat(audit.find("k1")).contains(entry);
    assertThat(audit.find("k2")).isEmpty();
    assertThat(Reads.await(audit.containsAsync("k1"))).isTrue();
    assertThat(Reads.await(audit.containsAsync("k2"))).isFalse();
  }

  @Test
  void shouldPageInOrderWhenReadingFromAnId() {
    List<AuditEntry> appended = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      appended.add(audit.append("k" + i, bytes("e" + i)));
    }

    List<AuditEntry> page1 = audit.read("-", 2);
    List<AuditEntry> page2 = audit.read("(" + page1.get(1).id(), 2);
    List<AuditEntry> fromThird = audit.read(appended.get(2).id(), 10);

    assertThat(page1).containsExactlyElementsOf(appended.subList(0, 2));
    assertThat(page2).containsExactlyElementsOf(appended.subList(2, 4));
    assertThat(fromThird).containsExactlyElementsOf(appended.subList(2, 5));
  }

  @Test
  void shouldReportIntactWhenLogIsEmptyOrUntouched() {
    assertThat(audit.verifyChain())
        .isEqualTo(new ChainVerification.Intact(0, AuditLog.GENESIS_HASH));
    for (int i = 0; i < 1_200; i++) {
      audit.append("k" + i, bytes("entry " + i));
    }

    ChainVerification result = audit.verifyChain();

    assertThat(result).isEqualTo(new ChainVerification.Intact(1_200, audit.head().orElseThrow()));
    assertThat(result.intact()).isTrue();
  }

  @Test
  void shouldReportEntryAfterGapWhenAnEntryIsDeleted() {
    audit.append("k1", bytes("a"));
    AuditEntry middle = audit.append("k2", bytes("b"));
    AuditEntry third = audit.append("k3", bytes("c"));
    fixture.raw().xdel(STREAM, middle.id());

    ChainVerification result = audit.verifyChain();

    assertThat(result).isInstanceOf(ChainVerification.Broken.class);
    assertThat(((ChainVerification.Broken) result).entryId()).isEqualTo(third.id());
    assertThat(((ChainVerification.Broken) result).reason()).contains(middle.hash());
  }

  @Test
  void shouldReportModifiedEntryWhenItsPayloadWasRewritten() {
    audit.append("k1", bytes("a"));
    AuditEntry victim = audit.append("k2", bytes("approved by alice"));
    audit.append("k3", bytes("c"));
    rewriteStream(victim.id(), bytes("approved by mallory"));

    ChainVerification result = audit.verifyChain();

    assertThat(result).isInstanceOf(ChainVerification.Broken.class);
    assertThat(((ChainVerification.Broken) result).entryId()).isEqualTo(victim.id());
    assertThat(((ChainVerification.Broken) result).reason())
        .contains("HMAC-SHA256(key " + AUDIT_KEY.fingerprint());
  }

  @Test
  void shouldReportForgedEntryWhenWrittenBehindTheLogsBack() throws Exception {
    AuditEntry last = audit.append("k1", bytes("a"));
    byte[] payload = bytes("forged");
    String hash = hmac(HexFormat.of().parseHex(last.hash()), payload);
    String forged = fixture.raw().xadd(STREAM, fields("k-forged", payload, last.hash(), hash));

    ChainVerification result = audit.verifyChain();

    assertThat(result).isInstanceOf(ChainVerification.Broken.class);
    assertThat(((ChainVerification.Broken) result).entryId()).isEqualTo(forged);
    assertThat(((ChainVerification.Broken) result).reason()).contains("beyond the head");
  }

  @Test
  void shouldKeepOneChainWhenAppendersRaceForTheHead() throws Exception {
    try (StoreFixture other =
        StoreFixture.open(dir.resolve("unused"), c -> c.withRedisUrl(fixture.store.uri()))) {
      AuditLog otherLog = other.store.audit();
      ExecutorService pool = Executors.newFixedThreadPool(4);
      try {
        List<Future<?>> appenders = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
          AuditLog log = t % 2 == 0 ? audit : otherLog;
          String thread = "t" + t;
          appenders.add(pool.submit(() -> appendMany(log, thread, 50)));
        }
        for (Future<?> appender : appenders) {
          appender.get();
        }
      } finally {
        pool.shutdownNow();
      }
    }

    assertThat(audit.size()).isEqualTo(200);
    assertThat(audit.verifyChain())
        .isEqualTo(new ChainVerification.Intact(200, audit.head().orElseThrow()));
  }

  @Test
  void shouldReportFirstForgedEntryWhenChainIsRewrittenWithoutTheKey() throws Exception {
    audit.append("k1", bytes("a"));
    AuditEntry victim = audit.append("k2", bytes("approved by alice"));
    audit.append("k3", bytes("c"));
    rewriteChainFrom(victim.id(), bytes("approved by mallory"));

    ChainVerification result = audit.verifyChain();

    assertThat(result).isInstanceOf(ChainVerification.Broken.class);
    assertThat(((ChainVerification.Broken) result).entryId()).isEqualTo(victim.id());
  }

  @Test
  void shouldRefuseToAppendAndWriteNothingWhenProcessHasAnotherKey() {
    audit.append("k1", bytes("a"));
    AuditKey other = AuditKey.of(bytes("another-key-another-key-another-key!"));
    try (StoreFixture wrong =
        StoreFixture.open(
            dir.resolve("unused"), c -> c.withRedisUrl(fixture.store.uri()).withAuditKey(other))) {

      assertThatThrownBy(() -> wrong.store.audit().append("k2", bytes("b")))
          .isInstanceOf(StoreIntegrityException.class)
          .hasMessageContaining(AUDIT_KEY.fingerprint())
          .hasMessageContaining(other.fingerprint());
      assertThat(wrong.store.audit().verifyChain())
          .isEqualTo(new ChainVerification.WrongKey(AUDIT_KEY.fingerprint(), other.fingerprint()));
    }
    assertThat(audit.size()).isEqualTo(1);
    assertThat(audit.verifyChain().intact()).isTrue();
  }

  @Test
  void shouldAppendEveryEntryWhenManyThreadsOfOneProcessAppendAtOnce() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(32);
    try {
      List<Future<?>> appenders = new ArrayList<>();
      for (int t = 0; t < 32; t++) {
        String thread = "p" + t;
        appenders.add(pool.submit(() -> appendMany(audit, thread, 25)));
      }
      for (Future<?> appender : appenders) {
        appender.get();
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(audit.size()).isEqualTo(800);
    assertThat(audit.verifyChain())
        .isEqualTo(new ChainVerification.Intact(800, audit.head().orElseThrow()));
  }

  private static void appendMany(AuditLog log, String thread, int count) {
    for (int i = 0; i < count; i++) {
      log.append(thread + "-" + i, bytes(thread + " entry " + i));
    }
  }

  /** Rebuilds the stream with the same ids and one payload replaced, keeping stored hashes. */
  private void rewriteStream(String victimId, byte[] newPayload) {
    List<StreamMessage<byte[], byte[]>> all = fixture.raw().xrange(STREAM, Range.create("-", "+"));
    fixture.raw().del(STREAM);
    for (StreamMessage<byte[], byte[]> message : all) {
      AuditEntry entry = AuditLog.parse(message);
      byte[] payload = message.getId().equals(victimId) ? newPayload : entry.payload();
      fixture
          .raw()
          .xadd(
              STREAM,
              new XAddArgs().id(message.getId()),
              fields(entry.key(), payload, entry.prevHash(), entry.hash()));
    }
  }

  /**
   * What someone with write access to Redis but without the key would do: replace one payload and
   * recompute every hash from there on with plain SHA-256, moving the head along.
   */
  private void rewriteChainFrom(String victimId, byte[] newPayload) throws Exception {
    List<StreamMessage<byte[], byte[]>> all = fixture.raw().xrange(STREAM, Range.create("-", "+"));
    fixture.raw().del(STREAM);
    String prev = AuditLog.GENESIS_HASH;
    boolean forging = false;
    for (StreamMessage<byte[], byte[]> message : all) {
      AuditEntry entry = AuditLog.parse(message);
      forging |= message.getId().equals(victimId);
      byte[] payload = message.getId().equals(victimId) ? newPayload : entry.payload();
      String hash = forging ? sha256(HexFormat.of().parseHex(prev), payload) : entry.hash();
      fixture
          .raw()
          .xadd(
              STREAM, new XAddArgs().id(message.getId()), fields(entry.key(), payload, prev, hash));
      prev = hash;
    }
    fixture.raw().hset(bytes("rehearsal:{audit}:head"), bytes("hash"), bytes(prev));
  }

  private static Map<byte[], byte[]> fields(String key, byte[] payload, String prev, String hash) {
    Map<byte[], byte[]> fields = new LinkedHashMap<>();
    fields.put(bytes("key"), bytes(key));
    fields.put(bytes("payload"), payload);
    fields.put(bytes("prev"), bytes(prev));
    fields.put(bytes("hash"), bytes(hash));
    return fields;
  }

  private static String hmac(byte[] first, byte[] second) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(AUDIT_KEY_BYTES, "HmacSHA256"));
    mac.update(first);
    mac.update(second);
    return HexFormat.of().formatHex(mac.doFinal());
  }

  private static String sha256(byte[] first, byte[] second) throws Exception {
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    digest.update(first);
    digest.update(second);
    return HexFormat.of().formatHex(digest.digest());
  }
}
