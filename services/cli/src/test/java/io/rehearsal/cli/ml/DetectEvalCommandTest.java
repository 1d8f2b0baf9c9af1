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

class DetectEvalCommandTest {

  /** The reference shop's recordings, found from the module directory upwards. */
  private static Path shop() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("ml-models/data/reference-shop");
      if (Files.isRegularFile(candidate.resolve("incidents.json"))) {
        return candidate;
      }
    }
    return null;
  }

  /**
   * Three kinds of symptom (errors, latency, a surge) and the frontend left with one worker, whose
   * spans show no latency, error or throughput change: it opens on the requests that stopped
   * overlapping. Steady load and twice that load open nothing.
   */
  @Test
  void shouldOpenEveryLabelledIncidentAndNoneOnNormalLoadWhenReplayingASubset() throws Exception {
    Path shop = shop();
    assumeTrue(shop != null, "reference-shop recordings not found");
    MlRun run =
        new MlRun(
            "ml",
            "detect-eval",
            "--data",
            shop.toString(),
            "--only",
            "incident-error-payment,incident-latency-checkout,incident-surge,incident-fewer-workers",
            "--normal",
            "baseline,load2x",
            "--json");
    assertEquals(0, run.code, run.err.toString());
    JsonNode result = new ObjectMapper().readTree(run.out.toString());
    assertEquals(4, result.path("detected").asInt(), run.out.toString());
    assertEquals(0, result.path("missed").asInt());
    assertEquals(0, result.path("false_incidents").asInt(), run.out.toString());
    assertTrue(result.path("median_delay_s").asDouble() <= 30, run.out.toString());
    JsonNode workers = result.path("recordings").path("incident-fewer-workers");
    assertEquals(1, workers.path("detected").asInt(), workers.toString());
    assertTrue(
        workers
            .path("incidents")
            .path(0)
            .path("symptoms")
            .toString()
            .contains("frontend * CONCURRENCY"),
        workers.toString());
    assertEquals(0, result.path("recordings").path("load2x").path("incidents").size());
  }

  @Test
  void shouldNameTheFileWhenTheLabelsAreMissing(@TempDir Path dir) {
    MlRun run = new MlRun("ml", "detect-eval", "--data", dir.toString(), "--json");
    assertEquals(1, run.code);
    assertTrue(run.err.toString().contains("incidents.json"), run.err.toString());
  }

  @Test
  void shouldExplainTheFormatWhenAnSloIsMalformed(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("incidents.json"), "[]");
    MlRun run = new MlRun("ml", "detect-eval", "--data", dir.toString(), "--slo", "frontend=1");
    assertEquals(1, run.code);
    assertTrue(run.err.toString().contains("SERVICE/ENDPOINT=MS@PCT:AVAIL"), run.err.toString());
  }
}
