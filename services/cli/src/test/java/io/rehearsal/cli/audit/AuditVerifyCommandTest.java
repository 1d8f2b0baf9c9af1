package io.rehearsal.cli.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.rehearsal.cli.Main;
import io.rehearsal.store.AuditEntry;
import io.rehearsal.store.AuditKey;
import io.rehearsal.store.RedisStore;
import io.rehearsal.store.StoreConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class AuditVerifyCommandTest {

  @TempDir Path dir;
  private RedisStore store;
  private final List<AuditEntry> entries = new ArrayList<>();

  @BeforeEach
  void writeALog() {
    store = RedisStore.connect(StoreConfig.defaults().withDataDir(dir));
    for (int i = 0; i < 5; i++) {
      entries.add(store.audit().append("decision:dec-" + i + ":1", ("entry " + i).getBytes()));
    }
  }

  @AfterEach
  void close() {
    if (store != null) {
      store.close();
    }
  }

  @Test
  void shouldSayIntactWithCountAndHeadWhenNothingWasTouched() {
    Run run = verify("--redis-url", store.uri(), "--key-file", keyFile().toString());

    assertThat(run.code).as(run.err).isZero();
    assertThat(run.out)
        .contains("audit chain intact: 5 entries, head " + entries.get(4).hash())
        .contains("(key " + AuditKey.load(keyFile()).fingerprint() + ")");
  }

  @Test
  void shouldNameTheFirstBadEntryAndExitOneWhenAnEntryWasDeleted() {
    try (RedisClient client = RedisClient.create(store.uri());
        StatefulRedisConnection<String, String> raw = client.connect()) {
      raw.sync().xdel("rehearsal:{audit}:stream", entries.get(2).id());
    }

    Run run = verify("--redis-url", store.uri(), "--key-file", keyFile().toString());

    assertThat(run.code).isEqualTo(AuditVerifyCommand.BROKEN);
    assertThat(run.out)
        .contains("audit chain BROKEN at entry " + entries.get(3).id())
        .contains("(decision:dec-3:1)")
        .contains(entries.get(2).hash());
  }

  @Test
  void shouldSayTheKeyIsNotTheLogsWhenVerifiedWithAnotherKey() throws Exception {
    Path other = dir.resolve("other.key");
    Files.writeString(other, AuditKey.generate(new SecureRandom()).toBase64());

    Run run = verify("--redis-url", store.uri(), "--key-file", other.toString());

    assertThat(run.code).isEqualTo(AuditVerifyCommand.BROKEN);
    assertThat(run.out)
        .contains("cannot verify: the log is chained with key " + store.audit().keyFingerprint());
  }

  @Test
  void shouldExitTwoNamingTheFileWhenThereIsNoKey() {
    Path missing = dir.resolve("nowhere/audit.key");

    Run run = verify("--redis-url", store.uri(), "--key-file", missing.toString());

    assertThat(run.code).isEqualTo(AuditVerifyCommand.USAGE);
    assertThat(run.err).contains("no audit key: " + missing);
    assertThat(Files.exists(missing)).isFalse();
  }

  @Test
  void shouldPrintEntriesHeadAndFingerprintWhenAskedForJson() throws Exception {
    Run run = verify("--redis-url", store.uri(), "--key-file", keyFile().toString(), "--json");

    JsonNode json = new ObjectMapper().readTree(run.out);
    assertThat(json.get("intact").asBoolean()).isTrue();
    assertThat(json.get("entries").asLong()).isEqualTo(5);
    assertThat(json.get("head").asText()).isEqualTo(store.audit().head().orElseThrow());
  }

  @Test
  void shouldUseTheDataDirsRedisAndKeyWhenGivenNoUrl() {
    store.close();
    store = null;

    Run run = verify("--data-dir", dir.toString());

    assertThat(run.code).as(run.err).isZero();
    assertThat(run.out).contains("audit chain intact: 5 entries");
  }

  private Path keyFile() {
    return dir.resolve("audit.key");
  }

  private static Run verify(String... options) {
    String[] args = new String[options.length + 2];
    args[0] = "audit";
    args[1] = "verify";
    System.arraycopy(options, 0, args, 2, options.length);
    return new Run(args);
  }

  private static final class Run {
    final String out;
    final String err;
    final int code;

    Run(String... args) {
      StringWriter outText = new StringWriter();
      StringWriter errText = new StringWriter();
      CommandLine line = Main.commandLine();
      line.setOut(new PrintWriter(outText, true));
      line.setErr(new PrintWriter(errText, true));
      code = line.execute(args);
      out = outText.toString();
      err = errText.toString();
    }
  }
}
