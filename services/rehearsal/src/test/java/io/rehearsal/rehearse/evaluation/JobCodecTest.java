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
              new ReplicationOutcome(
                  Double.NaN,
                  -0.0,
                  1,
                  2,
                  3,
                  4,
                  false,
                  List.of(),
                  new ReplicationSeries(
                      5, 10, new double[] {0.2, Double.NaN}, new double[] {0.01, 0}))));

  @Test
  void shouldRoundTripBitForBitWhenEncodingAResult() {
    byte[] bytes = JobCodec.encode(RESULT);
    assertThat(JobCodec.decodeResult(bytes)).isEqualTo(RESULT);
    assertThat(JobCodec.encode(JobCodec.decodeResult(bytes))).isEqualTo(bytes);
    // header, then per outcome 6 doubles, a boolean and an SLO count, then the SLO doubles, then
    // the series: start, width, a bucket count and two doubles per bucket
    assertThat(bytes).hasSize(14 + 2 * (6 * 8 + 1 + 4) + 2 * 8 + 2 * (2 * 8 + 4) + 2 * 2 * 8);
  }

  @Test
  void shouldRejectASeriesWhenItsBucketCountIsOutOfRange() {
    byte[] bytes = JobCodec.encode(RESULT);
    // the last outcome's bucket count sits before its 2 x 2 doubles
    int count = bytes.length - 4 * 8 - 4;
    bytes[count] = 0x7f;
    assertThatThrownBy(() -> JobCodec.decodeResult(bytes))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bucket count must be in [0, 120]");
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
        .hasMessage("expected tag J version 3, but was 82 3");
  }
}
