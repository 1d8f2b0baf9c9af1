package io.rehearsal.store;

import static io.rehearsal.store.StoreFixture.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XAddArgs;
import io.lettuce.core.api.sync.RedisCommands;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A seeded campaign of tamperings by someone who can write to Redis but does not hold the audit
 * key: every one of them must be reported, at the entry it touched (or, for a dangling or moved
 * head, at the head). Moving the head back after cutting the tail off is the one change the log
 * cannot show by itself; the operations guide says to keep a copy of the head elsewhere.
 */
@ExtendWith(StoreExtension.class)
class AuditTamperTest {

  private static final byte[] STREAM = bytes("rehearsal:{audit}:stream");
  private static final byte[] HEAD = bytes("rehearsal:{audit}:head");
  private static final byte[] KEYS = bytes("rehearsal:{audit}:keys");
  private static final int TRIALS = 25;
  private static final int ENTRIES = 12;

  private StoreFixture fixture;

  /** What the attacker does to entry {@code i} (0-based) of a stream of {@code entries}. */
  enum Tamper {
    DELETE_ENTRY,
    DELETE_LAST,
    REWRITE_PAYLOAD,
    REWRITE_CHAIN_WITH_SHA256,
    REWRITE_CHAIN_WITH_ANOTHER_HMAC_KEY,
    SWAP_PAYLOADS,
    CHANGE_PREV,
    GARBLE_HEAD,
    APPEND_BEYOND_HEAD
  }

  @BeforeEach
  void open(StoreFixture fixture) {
    this.fixture = fixture;
  }

  @ParameterizedTest
  @EnumSource(Tamper.class)
  void shouldAlwaysDetectWhenAnEntryIsTamperedWith(Tamper tamper) throws Exception {
    SplittableRandom random = new SplittableRandom(tamper.ordinal() * 7919L + 17);
    for (int trial = 0; trial < TRIALS; trial++) {
      reset();
      for (int i = 0; i < ENTRIES; i++) {
        fixture.store.audit().append("t" + trial + "-" + i, bytes("decision " + i + " " + trial));
      }
      int victim = random.nextInt(ENTRIES - 1);

      apply(tamper, victim, random);

      ChainVerification result = fixture.store.audit().verifyChain();
      assertThat(result.intact()).as("%s on entry %d, trial %d", tamper, victim, trial).isFalse();
    }
  }

  private void apply(Tamper tamper, int victim, SplittableRandom random) throws Exception {
    List<StreamMessage<byte[], byte[]>> all = raw().xrange(STREAM, Range.create("-", "+"));
    switch (tamper) {
      case DELETE_ENTRY -> raw().xdel(STREAM, all.get(victim).getId());
      case DELETE_LAST -> raw().xdel(STREAM, all.get(all.size() - 1).getId());
      case REWRITE_PAYLOAD -> rewrite(all, victim, e -> withPayload(e, bytes("forged")), false);
      case REWRITE_CHAIN_WITH_SHA256 ->
          rewrite(all, victim, e -> withPayload(e, bytes("forged")), true);
      case REWRITE_CHAIN_WITH_ANOTHER_HMAC_KEY -> rewriteWithKey(all, victim);
      case SWAP_PAYLOADS -> swap(all, victim, victim + 1 + random.nextInt(ENTRIES - victim - 1));
      case CHANGE_PREV ->
          rewrite(
              all,
              victim,
              e -> new AuditEntry(e.id(), e.key(), e.payload(), "f".repeat(64), e.hash()),
              false);
      case GARBLE_HEAD -> raw().hset(HEAD, bytes("hash"), bytes("e".repeat(64)));
      case APPEND_BEYOND_HEAD -> {
        AuditEntry last = AuditLog.parse(all.get(all.size() - 1));
        byte[] payload = bytes("forged");
        raw()
            .xadd(
                STREAM,
                fields(
                    new AuditEntry("*", "k", payload, last.hash(), sha256(last.hash(), payload))));
      }
    }
  }

  /** Replaces entry {@code victim}; with {@code rechain}, recomputes every later hash (SHA-256). */
  private void rewrite(
      List<StreamMessage<byte[], byte[]>> all,
      int victim,
      UnaryOperator<AuditEntry> change,
      boolean rechain)
      throws Exception {
    raw().del(STREAM);
    String prev = AuditLog.GENESIS_HASH;
    for (int i = 0; i < all.size(); i++) {
      AuditEntry entry = AuditLog.parse(all.get(i));
      if (i == victim) {
        entry = change.apply(entry);
      }
      if (rechain && i >= victim) {
        entry =
            new AuditEntry(
                entry.id(), entry.key(), entry.payload(), prev, sha256(prev, entry.payload()));
      }
      raw().xadd(STREAM, new XAddArgs().id(entry.id()), fields(entry));
      prev = entry.hash();
    }
    if (rechain) {
      raw().hset(HEAD, bytes("hash"), bytes(prev));
    }
  }

  private void rewriteWithKey(List<StreamMessage<byte[], byte[]>> all, int victim) {
    AuditKey attackers = AuditKey.of(bytes("the-attacker-made-up-this-key-of-32+bytes"));
    raw().del(STREAM);
    String prev = AuditLog.GENESIS_HASH;
    for (int i = 0; i < all.size(); i++) {
      AuditEntry entry = AuditLog.parse(all.get(i));
      if (i >= victim) {
        byte[] payload = i == victim ? bytes("forged") : entry.payload();
        entry =
            new AuditEntry(
                entry.id(), entry.key(), payload, prev, attackers.chainHash(prev, payload));
      }
      raw().xadd(STREAM, new XAddArgs().id(entry.id()), fields(entry));
      prev = entry.hash();
    }
    raw().hset(HEAD, bytes("hash"), bytes(prev));
  }

  private void swap(List<StreamMessage<byte[], byte[]>> all, int a, int b) throws Exception {
    byte[] first = AuditLog.parse(all.get(a)).payload();
    byte[] second = AuditLog.parse(all.get(b)).payload();
    rewrite(all, a, e -> withPayload(e, second), false);
    List<StreamMessage<byte[], byte[]>> now = raw().xrange(STREAM, Range.create("-", "+"));
    rewrite(now, b, e -> withPayload(e, first), false);
  }

  private static AuditEntry withPayload(AuditEntry e, byte[] payload) {
    return new AuditEntry(e.id(), e.key(), payload, e.prevHash(), e.hash());
  }

  private void reset() {
    raw().del(STREAM, HEAD, KEYS);
  }

  private RedisCommands<byte[], byte[]> raw() {
    return fixture.raw();
  }

  private static Map<byte[], byte[]> fields(AuditEntry entry) {
    Map<byte[], byte[]> fields = new LinkedHashMap<>();
    fields.put(bytes("key"), bytes(entry.key()));
    fields.put(bytes("payload"), entry.payload());
    fields.put(bytes("prev"), bytes(entry.prevHash()));
    fields.put(bytes("hash"), bytes(entry.hash()));
    return fields;
  }

  private static String sha256(String prevHex, byte[] payload) throws Exception {
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    digest.update(HexFormat.of().parseHex(prevHex));
    digest.update(payload);
    return HexFormat.of().formatHex(digest.digest());
  }
}
