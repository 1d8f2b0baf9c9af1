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

class PrerankEvalCommandTest {

  /**
   * The ten recorded incidents, each left out in turn: the arm the pre-ranker puts first did better
   * than doing nothing in 6 of 10, the arm a person listed first in 5 (measured 2026-12-07, seed
   * 42; see ml-models/README.md).
   */
  @Test
  void shouldPickABetterArmThanTheRecordedOrderWhenLeavingEachIncidentOut() throws Exception {
    Path shop = RcaEvalCommandTest.shop();
    assumeTrue(shop != null, "reference-shop recordings not found");
    MlRun run =
        new MlRun(
            "ml", "prerank-eval", "--decisions", shop.resolve("decisions").toString(), "--json");
    assertEquals(0, run.code, run.err.toString());
    JsonNode result = new ObjectMapper().readTree(run.out.toString());
    assertEquals(10, result.path("incidents").asInt());
    assertEquals(30, result.path("arms").asInt());
    assertEquals(0.6, result.path("top1_better_prerank").asDouble(), 1e-9, run.out.toString());
    assertEquals(0.5, result.path("top1_better_recorded_order").asDouble(), 1e-9);
    assertTrue(run.err.toString().isEmpty(), run.err.toString());
  }

  @Test
  void shouldNameTheFolderWhenItHoldsNoDecisions(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("empty"));
    MlRun run = new MlRun("ml", "prerank-eval", "--decisions", dir.toString());
    assertEquals(1, run.code);
    assertTrue(run.err.toString().contains(dir.toString()), run.err.toString());
  }
}
