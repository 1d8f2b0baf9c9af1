package io.rehearsal.rehearse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TimelineTest {

  @Test
  void shouldRoundTheWarmupUpToWholeBucketsAndMeasureAfterTheDecisionWhenReplayed() {
    Timeline t = Timeline.afterObservation(55, 120, 300, 10);
    assertThat(t.onset()).isEqualTo(60);
    assertThat(t.decision()).isEqualTo(180);
    assertThat(t.measuredFrom()).isEqualTo(180);
    assertThat(t.end()).isEqualTo(480);
    assertThat(t.horizon()).isEqualTo(300);
  }

  @Test
  void shouldMeasureFromTheOnsetAndNarrowTheBucketWhenForkedAtTheOnset() {
    Timeline t = Timeline.fromOnset(60, 30, 5, 10);
    assertThat(t.onset()).isEqualTo(60);
    assertThat(t.decision()).isEqualTo(90);
    assertThat(t.measuredFrom()).isEqualTo(60);
    assertThat(t.end()).isEqualTo(65);
    assertThat(t.bucket()).isEqualTo(5);
  }

  @Test
  void shouldRejectADecisionBeforeTheOnsetWhenBuilt() {
    assertThatThrownBy(() -> new Timeline(60, 50, 60, 100, 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("onset=60.0 decision=50.0");
  }
}
