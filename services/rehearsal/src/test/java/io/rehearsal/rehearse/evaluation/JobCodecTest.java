package io.rehearsal.rehearse.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class JobCodecTest {
  private static final JobResult RESULT =
      new JobResult(
          new Job(2, 5, 7),
          List.of(
              new ReplicationOutcome(
                  0.1 + 0.2, 0.7, Double.MIN_VALUE, 0, 1e300, -0.0, true, List.of(0.25, 1.0)),
              new ReplicationOutcome(Double.NaN, -0.0, 1, 2, 3, 4, false, List.of())));

  @Test
  void shouldRoundTripBitForBitWhenEncodingAResult() {
    byte[] bytes = JobCodec.encode(RESULT);
    assertThat(JobCodec.decodeResult(bytes)).isEqualTo(RESULT);
    assertThat(JobCodec.encode(JobCodec.decodeResult(bytes))).isEqualTo(bytes);
    // header, then per outcome 6 doubles, a boolean and an SLO count, then the SLO doubles
    assertThat(bytes).hasSize(14 + 2 * (6 * 8 + 1 + 4) + 2 * 8);
  }

  @Test
  void shouldRoundTripWhenEncodingAJob() {
    assertThat(JobCodec.decodeJob(JobCodec.encode(new Job(3, 0, 10)))).isEqualTo(new Job(3, 0, 10));
  }

  @Test
  void shouldRejectBytesWhenTheyAreTruncatedOrOfTheWrongKind() {
    byte[] bytes = JobCodec.encode(RESULT);
    assertThatThrownBy(() -> JobCodec.decodeResult(Arrays.copyOf(bytes, 20)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("truncated");
    assertThatThrownBy(() -> JobCodec.decodeJob(bytes))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("expected tag J version 2, but was 82 2");
  }
}
