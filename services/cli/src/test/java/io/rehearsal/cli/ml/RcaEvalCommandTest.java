package io.rehearsal.cli.ml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RcaEvalCommandTest {

  /** The reference shop's recordings, found from the module directory upwards. */
  static Path shop() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("ml-models/data/reference-shop");
      if (Files.isRegularFile(candidate.resolve("incidents.json"))) {
        return candidate;
      }
    }
    return null;
  }

  /**
   * Five recordings, one per kind of root cause the telemetry must tell apart (a service's own
   * latency, its own failures, a lost replica, a slow external dependency, lost workers): all five
   * are right first, as on the full set (see docs/ml-models.md). Telemetry only.
   */
  @Test
  void shouldNameTheLabelledServiceAndKindFirstWhenRankingASubset() throws Exception {
    Path shop = shop();
    assumeTrue(shop != null, "reference-shop recordings not found");
    MlRun run =
        new MlRun(
            "ml",
            "rca-eval",
            "--data",
            shop.toString(),
            "--only",
            "incident-latency-inventory,incident-error-payment,incident-kill-replica,"
                + "incident-slow-dependency-150,incident-fewer-workers",
            "--no-fit",
            "--json");
    assertEquals(0, run.code, run.err.toString());
    JsonNode result = new ObjectMapper().readTree(run.out.toString());
    assertEquals(5, result.path("incidents").asInt(), run.out.toString());
    assertEquals(0, result.path("undetected").asInt(), run.out.toString());
    assertTrue(result.path("top1_after_fit").isNull(), run.out.toString());
    assertEquals(1.0, result.path("top1_accuracy").asDouble(), run.out.toString());
    assertEquals(1.0, result.path("top3_accuracy").asDouble(), run.out.toString());
    JsonNode replica = result.path("recordings").path("incident-kill-replica").path("suspects");
    assertEquals("LOST_REPLICA", replica.path(0).path("kind").asText());
    assertTrue(
        replica.path(0).path("why").path(0).asText().contains("catalog-2"), replica.toString());
    JsonNode gateway =
        result.path("recordings").path("incident-slow-dependency-150").path("suspects");
    assertEquals("payment-gateway", gateway.path(0).path("target").asText());
    assertTrue(gateway.path(0).path("dependency").asBoolean());
  }

  /**
   * After the sandbox's fit, on three incidents calibrated from the baseline: a cart slowdown and a
   * slower payment gateway, where the fit itself puts the labelled suspect first (it explains
   * clearly more of the symptoms than the callers' latency), and lost frontend workers, the only
   * suspect, which the twin expresses as capacity loss.
   */
  @Test
  void shouldKeepTheLabelledSuspectFirstWhenReRankingByTheFaultFit() throws Exception {
    Path shop = shop();
    assumeTrue(shop != null, "reference-shop recordings not found");
    MlRun run =
        new MlRun(
            "ml",
            "rca-eval",
            "--data",
            shop.toString(),
            "--only",
            "incident-latency-cart,incident-slow-dependency-150,incident-fewer-workers",
            "--json");
    assertEquals(0, run.code, run.err.toString());
    JsonNode result = new ObjectMapper().readTree(run.out.toString());
    assertEquals(1.0, result.path("top1_after_fit").asDouble(), run.out.toString());
    assertEquals(1.0, result.path("top3_after_fit").asDouble(), run.out.toString());
    assertEquals(2, result.path("first_decided_by_fit").asInt(), run.out.toString());
    JsonNode cart = result.path("recordings").path("incident-latency-cart").path("after_fit");
    assertEquals("cart", cart.path(0).path("target").asText(), cart.toString());
    assertTrue(
        cart.path(0).path("goodness_of_fit").asDouble()
            > cart.path(1).path("goodness_of_fit").asDouble() + 0.05,
        cart.toString());
    JsonNode gateway =
        result.path("recordings").path("incident-slow-dependency-150").path("after_fit");
    assertTrue(
        gateway.path(0).path("fitted").asText().startsWith("DEPENDENCY_"), gateway.toString());
    JsonNode workers = result.path("recordings").path("incident-fewer-workers").path("after_fit");
    assertTrue(
        workers.path(0).path("fitted").asText().matches("(WORKER_LOSS|REPLICA_CRASH) frontend .*"),
        workers.toString());
  }

  @Test
  void shouldNameTheFileWhenTheLabelsAreMissing(@TempDir Path dir) {
    MlRun run = new MlRun("ml", "rca-eval", "--data", dir.toString(), "--json");
    assertEquals(1, run.code);
    assertTrue(run.err.toString().contains("incidents.json"), run.err.toString());
  }

  @Test
  void shouldNameTheLabelWhenItLacksItsService(@TempDir Path dir) throws Exception {
    Files.writeString(
        dir.resolve("incidents.json"), "[{\"recording\":\"x.otlp.jsonl.gz\",\"kind\":\"error\"}]");
    MlRun run = new MlRun("ml", "rca-eval", "--data", dir.toString());
    assertEquals(1, run.code);
    assertTrue(run.err.toString().contains("incidents.json: [0]"), run.err.toString());
  }
}
