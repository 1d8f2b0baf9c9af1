package io.rehearsal.cli.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.InvalidProtocolBufferException;
import io.rehearsal.cli.CommandFailure;
import io.rehearsal.cli.StoreConnection;
import io.rehearsal.proto.v1.ShadowLedgerEntry;
import io.rehearsal.store.EmbeddedRedis;
import io.rehearsal.store.RedisStore;
import io.rehearsal.store.StoreConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code rehearsal gateway ledger}: the shadow-mode ledger, newest first — what would have run had
 * the environment or target not been in shadow mode, and whether the incident recovered anyway.
 * Reads only (the same records the gateway's ListShadowLedger RPC serves).
 */
@Command(
    name = "ledger",
    mixinStandardHelpOptions = true,
    description =
        "List what shadow mode kept from running, and whether incidents recovered anyway.",
    footer = {"", "Exit codes: 0 listed (possibly nothing), 2 usage error or Redis not reachable."})
public final class GatewayLedgerCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--redis-url",
      paramLabel = "URL",
      description =
          "The gateway's Redis (default: REHEARSAL_REDIS_URL, else the embedded Redis's data in"
              + " --data-dir, which must not be in use).")
  String redisUrl;

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      description = "The embedded Redis's data directory (default: ${DEFAULT-VALUE}).")
  Path dataDir = EmbeddedRedis.defaultDataDir();

  @Option(
      names = "--key-prefix",
      paramLabel = "PREFIX",
      description = "Prefix of the deployment's keys (default: ${DEFAULT-VALUE}).")
  String keyPrefix = StoreConfig.defaults().keyPrefix();

  @Option(
      names = "--limit",
      paramLabel = "N",
      description = "At most N entries, newest first (default: ${DEFAULT-VALUE}).")
  int limit = 100;

  @Option(names = "--json", description = "Print the entries as JSON.")
  boolean json;

  Map<String, String> environment = System.getenv();

  @Override
  public Integer call() throws Exception {
    if (limit < 1) {
      spec.commandLine()
          .getErr()
          .println("rehearsal gateway ledger: --limit must be >= 1, but was " + limit);
      return 2;
    }
    StoreConfig config = storeConfig();
    List<ShadowLedgerEntry> entries;
    try (RedisStore store = StoreConnection.open(config)) {
      entries = parse(store.journal().ledger("shadow").newest(limit));
    } catch (CommandFailure e) {
      spec.commandLine().getErr().println("rehearsal gateway ledger: " + e.getMessage());
      return 2;
    }
    print(entries);
    return 0;
  }

  private StoreConfig storeConfig() {
    return StoreConnection.config(redisUrl, environment, dataDir, keyPrefix);
  }

  private static List<ShadowLedgerEntry> parse(List<byte[]> stored) {
    List<ShadowLedgerEntry> entries = new ArrayList<>();
    for (byte[] bytes : stored) {
      try {
        entries.add(ShadowLedgerEntry.parseFrom(bytes));
      } catch (InvalidProtocolBufferException e) {
        throw new CommandFailure("a shadow ledger entry is not readable: " + e.getMessage(), e);
      }
    }
    return entries;
  }

  private void print(List<ShadowLedgerEntry> entries) throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    List<Map<String, Object>> rows = entries.stream().map(GatewayLedgerCommand::row).toList();
    if (json) {
      out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(rows));
    } else if (rows.isEmpty()) {
      out.println("The shadow ledger is empty: nothing was kept from running.");
    } else {
      for (Map<String, Object> r : rows) {
        out.printf(
            "%s  %s  %-24s %-18s hook=%s  recovered_anyway=%s%n  %s%n",
            r.get("time"),
            r.get("decision_id"),
            r.get("environment"),
            r.get("remediation_id"),
            r.get("hook"),
            r.get("recovered_anyway"),
            r.get("reason"));
      }
    }
    out.flush();
  }

  private static Map<String, Object> row(ShadowLedgerEntry e) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put(
        "time", Instant.ofEpochSecond(e.getTime().getSeconds(), e.getTime().getNanos()).toString());
    row.put("decision_id", e.getDecisionId());
    row.put("environment", e.getEnvironment().name());
    row.put("incident_id", e.getIncidentId());
    row.put("remediation_id", e.getRemediation().getId());
    row.put("summary", e.getRemediation().getSummary());
    row.put("hook", e.getHook());
    row.put("reason", e.getReason());
    row.put("recovered_anyway", e.hasOutcome() ? (Object) e.getRecoveredAnyway() : "not reported");
    return row;
  }
}
