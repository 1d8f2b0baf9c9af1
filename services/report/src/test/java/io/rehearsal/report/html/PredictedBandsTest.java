package io.rehearsal.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import io.rehearsal.rehearse.evaluation.BucketBand;
import io.rehearsal.rehearse.evaluation.EvaluationPlan;
import io.rehearsal.rehearse.evaluation.EvaluationResult;
import io.rehearsal.rehearse.evaluation.PredictedSeries;
import io.rehearsal.report.RehearsalReport;
import io.rehearsal.report.SampleReports;
import io.rehearsal.twin.spec.SloSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PredictedBandsTest {
  private final RehearsalReport report = SampleReports.rehearsal();
  private final List<Plot> plots = PredictedBands.of(report);
  private final Plot p99 = plots.get(0);
  private final Plot errors = plots.get(1);

  @Test
  void shouldDrawDoNothingAndTheBestCandidatesByRankWhenTheEvaluationKeptSeries() {
    List<String> expected = new ArrayList<>();
    expected.add(EvaluationPlan.DO_NOTHING);
    report.ranking().stream()
        .filter(a -> !a.doNothing())
        .limit(PredictedBands.TOP)
        .forEach(a -> expected.add(a.name()));

    assertThat(plots).extracting(Plot::metric).containsExactly("p99_s", "error_rate");
    for (Plot plot : plots) {
      assertThat(plot.css()).isEqualTo("plot predicted");
      assertThat(plot.lines()).isEmpty();
      assertThat(plot.bands()).extracting(Plot.Band::arm).containsExactlyElementsOf(expected);
      assertThat(plot.bands().get(0).css()).isEqualTo("median baseline");
      assertThat(plot.bands().get(1).css()).isEqualTo("median");
    }
  }

  @Test
  void shouldPlotTheModelsPercentilesWhenComparingValuesByArm() {
    for (Plot.Band band : p99.bands()) {
      BucketBand model = report.predicted().arm(band.arm()).p99();
      int shown = band.times().split(",").length;
      int skipped = model.size() - shown;
      assertThat(band.p50()).isEqualTo(joined(model.p50().subList(skipped, model.size())));
      assertThat(band.p10()).isEqualTo(joined(model.p10().subList(skipped, model.size())));
      assertThat(band.p90()).isEqualTo(joined(model.p90().subList(skipped, model.size())));
      long finite =
          model.p50().subList(skipped, model.size()).stream().filter(Double::isFinite).count();
      assertThat(points(band.median()).length).isEqualTo((int) finite);
      assertThat(points(band.area()).length).isEqualTo(2 * (int) finite);
    }
  }

  @Test
  void shouldDrawACandidateFromTheBucketBeforeItActsWhenItActsLate() {
    Plot.Band nothing = band(p99, EvaluationPlan.DO_NOTHING);
    Plot.Band late = band(p99, "scale api to 6");
    double decision = report.timeline().decision() - report.timeline().onset();
    double width = report.predicted().width();
    double firstEnd = Math.ceil((SampleReports.LATE_ACTS_AFTER - width) / width + 1e-9) * width;

    assertThat(nothing.times().split(",")).hasSize(report.predicted().arms().get(0).p99().size());
    assertThat(Double.parseDouble(nothing.times().split(",")[0])).isEqualTo(decision + width);
    assertThat(Double.parseDouble(late.times().split(",")[0])).isEqualTo(decision + firstEnd);
    assertThat(late.label()).contains("acts at " + PredictedBands.number(decision + 25) + " s");
  }

  @Test
  void shouldSplitTheBandWhenABucketHasNoValue() {
    Plot.Band late = band(p99, "scale api to 6");

    assertThat(late.p50()).contains("null");
    assertThat(late.area().split("Z")).hasSize(2);
    assertThat(late.area()).startsWith("M").endsWith("Z");
    assertThat(band(p99, "rollback api").area().split("Z")).hasSize(1);
  }

  @Test
  void shouldDrawTheHigherPercentileHigherWhenLayingOutABand() {
    for (Plot plot : plots) {
      for (Plot.Band band : plot.bands()) {
        double[][] area = points(band.area().split("Z")[0]);
        double[][] median = points(band.median());
        int n = area.length / 2;
        for (int i = 0; i < n; i++) {
          double p90 = area[i][1];
          double p10 = area[2 * n - 1 - i][1];
          assertThat(area[i][0]).isEqualTo(median[i][0]);
          assertThat(p90).isLessThanOrEqualTo(median[i][1]); // SVG y grows downwards
          assertThat(median[i][1]).isLessThanOrEqualTo(p10);
        }
      }
    }
    // do nothing's p90 (700 ms) is above rollback's last p90 (325 ms): drawn higher, smaller y
    double[][] nothing = points(band(p99, EvaluationPlan.DO_NOTHING).area());
    double[][] rollback = points(band(p99, "rollback api").area());
    assertThat(nothing[8][1]).isLessThan(rollback[8][1]);
    assertThat(nothing[8][0]).isEqualTo(rollback[8][0]).isEqualTo(Plot.W - Plot.RIGHT);
  }

  @Test
  void shouldPlaceValuesOnTheAxisScaleWhenMappingToPixels() {
    double top = Double.parseDouble(p99.yTicks().get(4).label());
    double nothingP50Ms = 1000 * report.predicted().arms().get(0).p99().p50().get(0);
    double expected = Plot.TOP + (Plot.H - Plot.TOP - Plot.BOTTOM) * (1 - nothingP50Ms / top);

    assertThat(points(band(p99, EvaluationPlan.DO_NOTHING).median())[0][1])
        .isCloseTo(expected, org.assertj.core.data.Offset.offset(0.05));
    assertThat(top).isGreaterThanOrEqualTo(700); // the highest p90 fits
  }

  @Test
  void shouldDrawTheSloThresholdsWhenTheTwinHasThem() {
    SloSpec slo = report.plan().spec().slos().get(0);
    double top = Double.parseDouble(p99.yTicks().get(4).label());
    double y = Plot.TOP + (Plot.H - Plot.TOP - Plot.BOTTOM) * (1 - 1000 * slo.latency() / top);

    assertThat(p99.thresholds()).hasSize(1);
    assertThat(p99.thresholds().get(0).label()).isEqualTo("SLO p99 ≤ 300 ms (api/GET /)");
    assertThat(Double.parseDouble(p99.thresholds().get(0).y())).isCloseTo(y, within());
    assertThat(errors.thresholds())
        .extracting(Plot.Threshold::label)
        .containsExactly("SLO errors ≤ 1 % (api/GET /)");
    assertThat(p99.note()).contains("SLO");
  }

  @Test
  void shouldGroupEndpointsAndSkipOtherPercentilesWhenListingSlos() {
    List<SloSpec> slos =
        List.of(
            new SloSpec("a/GET /", 99, 0.3, 0.999),
            new SloSpec("b/GET /", 99, 0.3, 0.99),
            new SloSpec("c/GET /", 95, 0.1, 0.99));

    assertThat(PredictedBands.latencySlos(slos).values())
        .containsExactly("SLO p99 ≤ 300 ms (a/GET /, b/GET /)");
    assertThat(PredictedBands.errorSlos(slos).values())
        .containsExactly("SLO errors ≤ 0.1 % (a/GET /)", "SLO errors ≤ 1 % (b/GET /, c/GET /)");
  }

  @Test
  void shouldDrawNoBandsWhenTheEvaluationKeptNoSeries() {
    assertThat(PredictedBands.of(withoutSeries(report))).isEmpty();
  }

  /** {@code r} as if its evaluation had kept no predicted series. */
  static RehearsalReport withoutSeries(RehearsalReport r) {
    EvaluationResult x = r.result();
    EvaluationResult bare =
        new EvaluationResult(
            x.seed(),
            x.baseline(),
            x.baselineScore(),
            x.baselineReplications(),
            x.candidates(),
            x.ranking(),
            x.doNothingRank(),
            x.stages(),
            x.totalReplications(),
            x.probabilityOfCorrectSelection(),
            x.recommendation(),
            PredictedSeries.NONE);
    return new RehearsalReport(
        r.twin(),
        r.incident(),
        r.fittedEndpoints(),
        r.hypotheses(),
        r.timeline(),
        r.plan(),
        bare,
        r.series(),
        r.candidates());
  }

  private static Plot.Band band(Plot plot, String arm) {
    return plot.bands().stream().filter(b -> b.arm().equals(arm)).findFirst().orElseThrow();
  }

  private static String joined(List<Double> values) {
    return String.join(
        ",", values.stream().map(v -> Double.isFinite(v) ? Double.toString(v) : "null").toList());
  }

  /** The {@code x,y} pairs of a polyline or a path (its M, L and Z dropped). */
  private static double[][] points(String svg) {
    return Arrays.stream(svg.replaceAll("[MLZ]", " ").trim().split("\\s+"))
        .map(p -> Arrays.stream(p.split(",")).mapToDouble(Double::parseDouble).toArray())
        .toArray(double[][]::new);
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(0.05);
  }
}
