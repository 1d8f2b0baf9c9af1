package io.rehearsal.rehearse.fitting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SymptomPointTest {
  @Test
  void shouldAverageLatenciesOnlyWhereDefinedWhenSomeBucketHadNoSuccess() {
    SymptomPoint mean =
        SymptomPoint.mean(
            List.of(
                new SymptomPoint(0.1, 0.3, 0, 10), new SymptomPoint(Double.NaN, Double.NaN, 1, 2)));
    assertThat(mean.p50()).isEqualTo(0.1);
    assertThat(mean.p99()).isEqualTo(0.3);
    assertThat(mean.errorRate()).isEqualTo(0.5);
    assertThat(mean.throughput()).isEqualTo(6.0);
  }

  @Test
  void shouldRejectAnEmptySeriesWhenAveraging() {
    assertThatThrownBy(() -> SymptomPoint.mean(List.of())).hasMessageContaining("empty");
  }

  @Test
  void shouldNameTheBadValueWhenTheErrorRateIsAboveOne() {
    assertThatThrownBy(() -> new SymptomPoint(0.1, 0.2, 1.5, 1)).hasMessageContaining("1.5");
  }
}
