package io.rehearsal.ml.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CadOseTest {

  private static final int[] CYCLE = {0, 2, 5, 7, 5, 2};

  @Test
  void shouldScoreZeroWhenARepeatedCycleIsPredicted() {
    CadOse cad = new CadOse(10);
    learnCycles(cad, 30);
    for (int i = 0; i < CYCLE.length; i++) {
      assertThat(cad.score(CYCLE[i])).as("step %d of the cycle", i).isZero();
    }
  }

  @Test
  void shouldScoreHighWhenALevelBreaksALongRepeatedCycle() {
    CadOse cad = new CadOse(10);
    learnCycles(cad, 30);
    double news = cad.score(3); // never seen after 0
    assertThat(news).isGreaterThanOrEqualTo(CadOse.BASE_THRESHOLD);
  }

  @Test
  void shouldStayQuietForTheRestPeriodWhenAScoreReachedTheBaseThreshold() {
    CadOse cad = new CadOse(20);
    learnCycles(cad, 30);
    assertThat(cad.score(3)).isGreaterThanOrEqualTo(CadOse.BASE_THRESHOLD);
    for (int i = 0; i < 19; i++) {
      assertThat(cad.score(i % 2 == 0 ? 6 : 1)).as("rest step %d", i).isZero();
    }
  }

  @Test
  void shouldRefuseANegativeRestPeriod() {
    assertThatThrownBy(() -> new CadOse(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("restPeriod must not be negative, but was -1");
  }

  /**
   * Fed as NAB's harness feeds it (levels over the whole file's range, a rest of a fifth of the
   * probation; knowledge our detectors may not have), CAD OSE gives NAB's published scores.
   */
  @Test
  void shouldGiveNabsContextOseScoresRowForRowWhenQuantisedOverTheWholeFile() throws IOException {
    Optional<Path> file = nabFile("realAdExchange/exchange-2_cpc_results.csv");
    assumeTrue(file.isPresent(), "shared NAB data not found");
    double[] values =
        Files.readAllLines(file.get()).stream()
            .skip(1)
            .mapToDouble(l -> Double.parseDouble(l.substring(l.indexOf(',') + 1)))
            .toArray();
    double min = java.util.Arrays.stream(values).min().orElseThrow();
    double step = (java.util.Arrays.stream(values).max().orElseThrow() - min) / 7;
    double probation = Math.min(Math.floor(0.15 * values.length), 750);
    CadOse cad = new CadOse((int) (probation / 5));
    Map<Integer, Double> reference = reference();
    for (int row = 0; row < 288; row++) {
      assertThat(cad.score((int) ((values[row] - min) / step)))
          .as("row %d", row)
          .isCloseTo(reference.getOrDefault(row, 0.0), within(1e-11));
    }
  }

  private static Optional<Path> nabFile(String name) {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      for (Path candidate :
          List.of(
              dir.resolve("shared/data/nab/data"), dir.resolveSibling("shared/data/nab/data"))) {
        if (Files.isRegularFile(candidate.resolve(name))) {
          return Optional.of(candidate.resolve(name));
        }
      }
    }
    return Optional.empty();
  }

  /** Row -> score of the reference rows that are not 0. */
  private static Map<Integer, Double> reference() throws IOException {
    Map<Integer, Double> rows = new HashMap<>();
    try (InputStream in =
            CadOseTest.class.getResourceAsStream(
                "/io/rehearsal/ml/nab/contextOSE_exchange-2_cpc_results-head.csv");
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (!line.startsWith("#") && !line.startsWith("row")) {
          String[] f = line.split(",");
          rows.put(Integer.parseInt(f[0]), Double.parseDouble(f[1]));
        }
      }
    }
    assertThat(rows).hasSize(41);
    return rows;
  }

  private static void learnCycles(CadOse cad, int cycles) {
    for (int c = 0; c < cycles; c++) {
      for (int level : CYCLE) {
        cad.score(level);
      }
    }
  }
}
