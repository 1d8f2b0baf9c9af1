package io.rehearsal.ml.nab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.rehearsal.ml.detect.DetectorConfig;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NabRunnerTest {

  private static final Optional<Path> NAB = NabData.root();
  private static final String EXCHANGE = "realAdExchange/exchange-2_cpc_results.csv";

  @Test
  void shouldScoreEachRowFromTheRowsUpToItWhenTheFileIsCutShort() {
    assumeTrue(NAB.isPresent(), "shared NAB data not found");
    NabSeries series = file(EXCHANGE);
    NabRunner runner = new NabRunner("rehearsal", DetectorConfig.defaults());
    double[] whole = runner.run(series).scores();
    int cut = 400; // the file's minimum lies after row 400: a runner told it would differ
    String[] timestamps = new String[cut];
    for (int i = 0; i < cut; i++) {
      timestamps[i] = series.timestamp(i);
    }
    NabSeries head =
        new NabSeries(
            series.name(),
            timestamps,
            Arrays.copyOf(series.epochSeconds(), cut),
            Arrays.copyOf(series.values(), cut),
            null);
    assertThat(runner.run(head).scores()).containsExactly(Arrays.copyOf(whole, cut));
    assertThat(Arrays.stream(whole, 150, cut).max().orElseThrow()).isPositive();
  }

  @Test
  void shouldScoreAboveCadOseAloneWhenTheCombinationRunsOnTheAdExchangeFiles() {
    assumeTrue(NAB.isPresent(), "shared NAB data not found");
    List<NabSeries> files =
        corpus().stream().filter(s -> s.category().equals("realAdExchange")).toList();
    NabScore cad = score("contextOSE", files);
    NabScore combined = score("rehearsal", files);
    assertThat(files).hasSize(6);
    // Measured 25.20 (streaming CAD OSE alone) and 71.45 (combination) on these 6 files, no
    // look-ahead, with the range re-quantised on new extremes and no margin (NAB's quantisation;
    // 23.15 and 78.96 before, with a 10 % margin and clamping: the whole split gained 68.33 ->
    // 72.68, these files lost); 3 points of tolerance.
    assertThat(cad.normalized()).isGreaterThan(22.2);
    assertThat(combined.normalized()).isGreaterThan(68.4).isGreaterThan(cad.normalized());
    assertThat(combined.detectedWindows()).isGreaterThan(cad.detectedWindows());
  }

  private static NabScore score(String detector, List<NabSeries> files) {
    List<NabSeries> results = new NabRunner(detector, DetectorConfig.defaults()).run(files);
    return NabScorer.of(results, labels()).score(CostProfile.STANDARD);
  }

  private static NabSeries file(String name) {
    return corpus().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
  }

  private static List<NabSeries> corpus() {
    return NabFiles.readCorpus(NAB.orElseThrow().resolve("data"));
  }

  private static NabLabels labels() {
    return NabFiles.readLabels(NAB.orElseThrow().resolve("labels/combined_windows.json"));
  }
}
