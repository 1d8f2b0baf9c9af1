package io.rehearsal.cli.ml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MlNabCommandTest {

  @Test
  void shouldWriteOneResultFilePerSeriesWhenRunOnANabFolder(@TempDir Path dir) throws Exception {
    Path data = dir.resolve("data");
    writeSeries(data.resolve("catA/one.csv"), 600, 450);
    writeSeries(data.resolve("catB/two.csv"), 500, -1);
    Path labels = dir.resolve("windows.json");
    Files.writeString(
        labels,
        "{\"catA/one.csv\": [[\"2020-01-19 10:00:00.000000\", \"2020-01-20 04:00:00.000000\"]],"
            + " \"catB/two.csv\": []}");
    Path out = dir.resolve("results");
    MlRun run =
        new MlRun(
            "ml",
            "nab",
            "--data",
            data.toString(),
            "--out",
            out.toString(),
            "--labels",
            labels.toString(),
            "--json");
    assertEquals(0, run.code, run.err.toString());
    JsonNode summary = new ObjectMapper().readTree(run.out.toString());
    assertEquals(1100, summary.path("points").asLong());
    assertTrue(summary.path("points_per_second_per_core").asLong() > 0);
    assertEquals(1, summary.path("scores").path("standard").path("windows").asInt());
    List<String> rows = Files.readAllLines(out.resolve("rehearsal/catA/rehearsal_one.csv"));
    assertEquals(601, rows.size());
    assertEquals("timestamp,value,anomaly_score,label", rows.get(0));
    assertTrue(rows.get(451).endsWith(",1"), rows.get(451));
    assertTrue(Files.exists(out.resolve("rehearsal/catB/rehearsal_two.csv")));
  }

  @Test
  void shouldWriteTheSameResultsAfterWarmUpPassesAndSayHowManyWhenAsked(@TempDir Path dir)
      throws Exception {
    Path data = dir.resolve("data");
    writeSeries(data.resolve("c/s.csv"), 400, 300);
    MlRun cold = nab(data, dir.resolve("cold"), "--json");
    MlRun warm = nab(data, dir.resolve("warm"), "--json", "--warmup-passes", "2");
    assertEquals(0, warm.code, warm.err.toString());
    assertEquals(0, new ObjectMapper().readTree(cold.out.toString()).path("warmup_passes").asInt());
    JsonNode summary = new ObjectMapper().readTree(warm.out.toString());
    assertEquals(2, summary.path("warmup_passes").asInt());
    assertEquals(400, summary.path("points").asLong()); // the measured pass only
    assertEquals(
        Files.readAllLines(dir.resolve("cold/rehearsal/c/rehearsal_s.csv")),
        Files.readAllLines(dir.resolve("warm/rehearsal/c/rehearsal_s.csv")));
    MlRun negative = nab(data, dir.resolve("neg"), "--warmup-passes", "-1");
    assertEquals(2, negative.code);
    assertTrue(negative.err.toString().contains("--warmup-passes must be 0 or more"));
  }

  private static MlRun nab(Path data, Path out, String... extra) {
    String[] base = {"ml", "nab", "--data", data.toString(), "--out", out.toString()};
    return new MlRun(
        java.util.stream.Stream.concat(
                java.util.Arrays.stream(base), java.util.Arrays.stream(extra))
            .toArray(String[]::new));
  }

  @Test
  void shouldRefuseWhenTheDetectorIsUnknown(@TempDir Path dir) throws Exception {
    writeSeries(dir.resolve("data/c/s.csv"), 10, -1);
    MlRun run =
        new MlRun(
            "ml",
            "nab",
            "--data",
            dir.resolve("data").toString(),
            "--out",
            dir.resolve("out").toString(),
            "--detector",
            "nope");
    assertEquals(1, run.code);
    assertTrue(run.err.toString().contains("unknown detector 'nope'"), run.err.toString());
  }

  /** Hourly sine with a spike of 10 at row {@code spikeAt} (none when negative). */
  private static void writeSeries(Path file, int rows, int spikeAt) throws Exception {
    Files.createDirectories(file.getParent());
    StringBuilder csv = new StringBuilder("timestamp,value\n");
    for (int i = 0; i < rows; i++) {
      double v = Math.sin(2 * Math.PI * i / 24) + (i == spikeAt ? 10 : 0);
      csv.append(String.format("2020-01-%02d %02d:00:00,%.4f%n", 1 + i / 24, i % 24, v));
    }
    Files.writeString(file, csv.toString());
  }
}
