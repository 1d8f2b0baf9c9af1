package io.rehearsal.cli.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.Timestamp;
import io.rehearsal.cli.Main;
import io.rehearsal.proto.v1.Environment;
import io.rehearsal.proto.v1.ExecutionReport;
import io.rehearsal.proto.v1.ExecutionResult;
import io.rehearsal.proto.v1.Remediation;
import io.rehearsal.proto.v1.ShadowLedgerEntry;
import io.rehearsal.store.DecisionJournal;
import io.rehearsal.store.RedisStore;
import io.rehearsal.store.StoreConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code rehearsal gateway ledger} against a real redis-server holding two ledger entries. */
class GatewayLedgerCommandTest {

  @TempDir Path dir;
  private RedisStore store;

  @BeforeEach
  void writeALedger() {
    store = RedisStore.connect(StoreConfig.defaults().withDataDir(dir));
    try (DecisionJournal journal =
        DecisionJournal.connect(store.uri(), "rehearsal:", Duration.ofSeconds(5))) {
      journal.ledger("shadow").put("dec-old", entry("dec-old", false).toByteArray(), 1_000);
      journal.ledger("shadow").put("dec-new", entry("dec-new", true).toByteArray(), 2_000);
    }
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void shouldListNewestFirstWithRecoveryWhenAsked() {
    Run run = new Run("gateway", "ledger", "--redis-url", store.uri());

    assertThat(run.code).as(run.err).isZero();
    assertThat(run.out.indexOf("dec-new")).isLessThan(run.out.indexOf("dec-old")).isNotNegative();
    assertThat(run.out).contains("recovered_anyway=true").contains("recovered_anyway=not reported");
  }

  @Test
  void shouldPrintJsonWhenAskedForIt() throws Exception {
    Run run = new Run("gateway", "ledger", "--redis-url", store.uri(), "--json", "--limit", "1");

    JsonNode rows = new ObjectMapper().readTree(run.out);
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).get("decision_id").asText()).isEqualTo("dec-new");
    assertThat(rows.get(0).get("environment").asText()).isEqualTo("ENVIRONMENT_PRODUCTION");
    assertThat(rows.get(0).get("recovered_anyway").asBoolean()).isTrue();
  }

  @Test
  void shouldExitTwoNamingTheOptionWhenTheLimitIsNotPositive() {
    Run run = new Run("gateway", "ledger", "--redis-url", store.uri(), "--limit", "0");

    assertThat(run.code).isEqualTo(2);
    assertThat(run.err).contains("--limit must be >= 1");
  }

  private static ShadowLedgerEntry entry(String id, boolean reported) {
    ShadowLedgerEntry.Builder e =
        ShadowLedgerEntry.newBuilder()
            .setDecisionId(id)
            .setRemediation(Remediation.newBuilder().setId("scale-checkout"))
            .setEnvironment(Environment.ENVIRONMENT_PRODUCTION)
            .setHook("argo")
            .setReason("shadow mode: environment ENVIRONMENT_PRODUCTION is in shadow mode")
            .setTime(Timestamp.newBuilder().setSeconds(1_800_000_000L));
    if (reported) {
      e.setOutcome(
              ExecutionReport.newBuilder().setResult(ExecutionResult.EXECUTION_RESULT_SUCCEEDED))
          .setRecoveredAnyway(true);
    }
    return e.build();
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
