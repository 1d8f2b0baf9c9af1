package io.rehearsal.cli.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.rehearsal.cli.CommandFailure;
import io.rehearsal.cli.StoreConnection;
import io.rehearsal.store.AuditEntry;
import io.rehearsal.store.AuditKey;
import io.rehearsal.store.ChainVerification;
import io.rehearsal.store.EmbeddedRedis;
import io.rehearsal.store.RedisStore;
import io.rehearsal.store.StoreConfig;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code rehearsal audit verify}: walks the audit stream with the writers' key and names the first
 * entry where the chain does not hold. Reads only: never creates a key, never appends.
 */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description = "Verify the audit chain (HMAC-SHA256 keyed) and name the first bad entry.",
    footer = {
      "",
      "The key comes from --key-file, else REHEARSAL_REDIS_AUDIT_KEY (base64), else the file",
      "audit.key in --data-dir, where the embedded Redis and the services keep it.",
      "Exit codes: 0 the chain is intact, 1 it is broken or the key is not the log's,",
      "2 usage error (including no key found, or Redis not reachable)."
    })
public final class AuditVerifyCommand implements Callable<Integer> {

  static final int BROKEN = 1;
  static final int USAGE = 2;

  @Spec CommandSpec spec;

  @Option(
      names = "--redis-url",
      paramLabel = "URL",
      description =
          "The Redis holding the log (default: REHEARSAL_REDIS_URL, else the embedded"
              + " Redis's data in --data-dir, which must not be in use).")
  String redisUrl;

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      description = "The embedded Redis's data directory (default: ${DEFAULT-VALUE}).")
  Path dataDir = EmbeddedRedis.defaultDataDir();

  @Option(names = "--key-file", paramLabel = "FILE", description = "The audit key (base64).")
  Path keyFile;

  @Option(
      names = "--key-prefix",
      paramLabel = "PREFIX",
      description = "Prefix of the deployment's keys (default: ${DEFAULT-VALUE}).")
  String keyPrefix = StoreConfig.defaults().keyPrefix();

  @Option(names = "--json", description = "Print the result as JSON.")
  boolean json;

  Map<String, String> environment = System.getenv();

  @Override
  public Integer call() throws Exception {
    StoreConfig config;
    try {
      config = storeConfig();
    } catch (CommandFailure e) {
      spec.commandLine().getErr().println("rehearsal audit verify: " + e.getMessage());
      return USAGE;
    }
    try (RedisStore store = StoreConnection.open(config)) {
      ChainVerification result = store.audit().verifyChain();
      print(result, store, config.auditKey().orElseThrow());
      return result.intact() ? 0 : BROKEN;
    }
  }

  private StoreConfig storeConfig() {
    return StoreConnection.config(redisUrl, environment, dataDir, keyPrefix).withAuditKey(key());
  }

  private AuditKey key() {
    String fromEnvironment = environment.get(StoreConfig.AUDIT_KEY_ENV);
    if (keyFile == null && fromEnvironment != null && !fromEnvironment.isBlank()) {
      return parse(() -> AuditKey.fromBase64(fromEnvironment), StoreConfig.AUDIT_KEY_ENV);
    }
    Path file = keyFile != null ? keyFile : dataDir.resolve("audit.key");
    if (!Files.isRegularFile(file)) {
      throw new CommandFailure(
          "no audit key: "
              + file
              + " does not exist; give --key-file or "
              + StoreConfig.AUDIT_KEY_ENV
              + " (the key the gateway writes with)");
    }
    return parse(() -> AuditKey.load(file), file.toString());
  }

  private static AuditKey parse(java.util.function.Supplier<AuditKey> read, String source) {
    try {
      return read.get();
    } catch (IllegalArgumentException | UncheckedIOException e) {
      throw new CommandFailure("cannot read the audit key from " + source + ": " + e.getMessage());
    }
  }

  private void print(ChainVerification result, RedisStore store, AuditKey key) throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    Map<String, Object> fields = fields(result, store, key);
    if (json) {
      out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(fields));
    } else {
      out.println(text(result, fields));
    }
    out.flush();
  }

  private static Map<String, Object> fields(
      ChainVerification result, RedisStore store, AuditKey key) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("intact", result.intact());
    fields.put("key_fingerprint", key.fingerprint());
    if (result instanceof ChainVerification.Intact intact) {
      fields.put("entries", intact.entries());
      fields.put("head", intact.headHash());
    } else if (result instanceof ChainVerification.Broken broken) {
      fields.put("entry_id", broken.entryId());
      fields.put("entry_key", entryKey(store, broken.entryId()).orElse(null));
      fields.put("reason", broken.reason());
    } else if (result instanceof ChainVerification.WrongKey wrong) {
      fields.put("log_key_fingerprint", wrong.logKey());
    }
    return fields;
  }

  private static String text(ChainVerification result, Map<String, Object> f) {
    if (result instanceof ChainVerification.Intact intact) {
      return String.format(
          "audit chain intact: %,d entries, head %s (key %s)",
          intact.entries(), intact.headHash(), f.get("key_fingerprint"));
    }
    if (result instanceof ChainVerification.Broken broken) {
      return "audit chain BROKEN at entry "
          + broken.entryId()
          + (f.get("entry_key") == null ? "" : " (" + f.get("entry_key") + ")")
          + ": "
          + broken.reason();
    }
    ChainVerification.WrongKey wrong = (ChainVerification.WrongKey) result;
    return "cannot verify: the log is chained with key "
        + wrong.logKey()
        + " but the key given is "
        + wrong.givenKey()
        + "; use the key the gateway writes with";
  }

  private static Optional<String> entryKey(RedisStore store, String id) {
    try {
      List<AuditEntry> found = store.audit().read(id, 1);
      return found.isEmpty() || !found.get(0).id().equals(id)
          ? Optional.empty()
          : Optional.of(found.get(0).key());
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }
}
