package io.rehearsal.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import io.rehearsal.rehearse.evaluation.BucketMean;
import io.rehearsal.report.RehearsalReport;
import io.rehearsal.report.SampleReports;
import org.junit.jupiter.api.Test;

class PlotTest {
  private final RehearsalReport report = SampleReports.rehearsal();
  private final Plot p99 =
      Plot.of("p99", "p99_s", "p99 ms", 1000, BucketMean::p99, report.timeline(), report.series());

  @Test
  void shouldDrawLowerPointsForLowerValuesWhenScalingTheAxis() {
    Plot.Line fastest = p99.lines().get(4);
    String[] points = fastest.points().split(" ");
    double yEarly = Double.parseDouble(points[0].split(",")[1]); // bucket 1: 125 ms
    double yPeak = Double.parseDouble(points[1].split(",")[1]); // bucket 2: 500 ms

    assertThat(yPeak).isLessThan(yEarly); // SVG y grows downwards
    assertThat(fastest.values()).startsWith("null,0.125,0.5,");
  }

  @Test
  void shouldRoundTheAxisUpToANiceNumberWhenTheMaximumIsOdd() {
    assertThat(p99.yTicks())
        .extracting(Plot.YTick::label)
        .containsExactly("0", "200", "400", "600", "800");
    assertThat(p99.yTicks().get(4).y()).isEqualTo("14.0");
  }

  @Test
  void shouldMarkTheOnsetAndTheDecisionWhenLayingOutTheTimeline() {
    assertThat(p99.markers()).extracting(Plot.Marker::name).containsExactly("onset", "decision");
    assertThat(p99.xTicks()).extracting(Plot.XTick::label).contains("-20", "0", "100");
  }

  @Test
  void shouldPickOneTwoOrFiveTimesAPowerOfTenWhenRoundingASteps() {
    assertThat(Plot.niceStep(0.3)).isEqualTo(0.5);
    assertThat(Plot.niceStep(13)).isEqualTo(20);
    assertThat(Plot.niceStep(100)).isEqualTo(100);
  }

  @Test
  void shouldCycleThroughThePaletteWhenThereAreManyArms() {
    assertThat(Plot.colour(0)).isEqualTo("#222222");
    assertThat(Plot.colour(Plot.COLOURS.length + 1)).isEqualTo(Plot.colour(1));
  }
}
