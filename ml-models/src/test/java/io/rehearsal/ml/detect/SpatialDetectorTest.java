package io.rehearsal.ml.detect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SpatialDetectorTest {

  @Test
  void shouldScoreOneWhenAValueLeavesTheRangeSeenByMoreThanFivePercent() {
    SpatialDetector d = new SpatialDetector();
    d.update(0, 0.0);
    d.update(1, 10.0);
    assertThat(d.update(2, 10.4)).isZero(); // within 5 % of the range (0.5)
    assertThat(d.update(3, 11.2)).isEqualTo(1.0); // range now 10.4: margin 0.52
    assertThat(d.update(4, -0.7)).isEqualTo(1.0);
    assertThat(d.update(5, 5.0)).isZero();
  }

  @Test
  void shouldScoreZeroWhenTheRangeIsStillFlat() {
    SpatialDetector d = new SpatialDetector();
    assertThat(d.update(0, 3.0)).isZero();
    assertThat(d.update(1, 3.0)).isZero();
    assertThat(d.update(2, 300.0)).isZero(); // no range yet to compare with
    assertThat(d.update(3, Double.NaN)).isZero();
  }
}
