package io.rehearsal.sandbox.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import io.rehearsal.proto.v1.TwinFidelity;
import io.rehearsal.store.TwinFidelityRecord;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class TwinFidelityMapperTest {

  @Test
  void shouldCopyTheMapesStalenessAndStoredTimeWhenAllAreKnown() {
    TwinFidelity f =
        TwinFidelityMapper.toProto(
            Optional.of(new TwinFidelityRecord(0.1, 0.7, 0.02, 0.3, 5L)),
            true,
            OptionalLong.of(1_790_000_000_123L));

    assertThat(f.getLatencyP50Mape()).isEqualTo(0.1);
    assertThat(f.getLatencyP99Mape()).isEqualTo(0.7);
    assertThat(f.getThroughputMape()).isEqualTo(0.02);
    assertThat(f.getStale()).isTrue();
    assertThat(f.getCalibratedAt().getSeconds()).isEqualTo(1_790_000_000L);
    assertThat(f.getCalibratedAt().getNanos()).isEqualTo(123_000_000);
  }

  @Test
  void shouldLeaveFieldsUnsetWhenNothingIsKnown() {
    TwinFidelity f = TwinFidelityMapper.toProto(Optional.empty(), false, OptionalLong.empty());

    assertThat(f).isEqualTo(TwinFidelity.getDefaultInstance());
    assertThat(f.hasCalibratedAt()).isFalse();
  }

  @Test
  void shouldLeaveAMeasureAtZeroWhenItWasNotMeasured() {
    TwinFidelity f =
        TwinFidelityMapper.toProto(
            Optional.of(new TwinFidelityRecord(0.1, 0.2, Double.NaN, 0, 5L)),
            false,
            OptionalLong.empty());

    assertThat(f.getThroughputMape()).isZero();
    assertThat(f.getLatencyP99Mape()).isEqualTo(0.2);
  }
}
