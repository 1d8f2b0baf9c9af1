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

class MlNabScoreCommandTest {

  @Test
  void shouldReproduceReferenceScoresWhenScoringNumentaResults() throws Exception {
    Path nab = MlRun.nab().orElse(null);
    assumeTrue(nab != null, "shared NAB data not found");
    MlRun run =
        new MlRun(
            "ml",
            "nab-score",
            "--results",
            nab.resolve("reference-results/numenta").toString(),
            "--labels",
            nab.resolve("labels/combined_windows.json").toString(),
            "--json");
    assertEquals(0, run.code, run.err.toString());
    JsonNode numenta =
        new ObjectMapper().readTree(run.out.toString()).path("detectors").path("numenta");
    assertEquals(73.56, numenta.path("standard").path("normalized").asDouble(), 0.1);
    assertEquals(68.36, numenta.path("reward_low_FP_rate").path("normalized").asDouble(), 0.1);
    assertEquals(77.04, numenta.path("reward_low_FN_rate").path("normalized").asDouble(), 0.1);
  }

  @Test
  void shouldNameFileAndLineWhenAResultRowIsBroken(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("det/cat/det_f.csv");
    Files.createDirectories(file.getParent());
    Files.writeString(file, "timestamp,value,anomaly_score,label\n2020-01-01 00:00:00,1,oops,0\n");
    Path labels = dir.resolve("labels.json");
    Files.writeString(labels, "{\"cat/f.csv\": []}");
    MlRun run =
        new MlRun(
            "ml",
            "nab-score",
            "--results",
            dir.resolve("det").toString(),
            "--labels",
            labels.toString());
    assertEquals(1, run.code);
    assertTrue(
        run.err.toString().contains("cat/f.csv:2: anomaly_score is not a number"),
        run.err.toString());
  }
}
