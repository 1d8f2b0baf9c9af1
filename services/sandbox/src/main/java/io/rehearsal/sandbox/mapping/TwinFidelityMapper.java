package io.rehearsal.sandbox.mapping;

import com.google.protobuf.Timestamp;
import io.rehearsal.proto.v1.TwinFidelity;
import io.rehearsal.store.TwinFidelityRecord;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What the store knows about a twin snapshot's fidelity to the contract's {@link TwinFidelity}: the
 * MAPEs of the latest drift measurement (0 when there is none, or when a measure was not measured),
 * whether the snapshot is stale, and when it was first stored as its calibration time (unset when
 * the store does not know).
 */
public final class TwinFidelityMapper {

  private TwinFidelityMapper() {}

  /** The fidelity of a snapshot from its latest measurement, staleness and first-stored time. */
  public static TwinFidelity toProto(
      Optional<TwinFidelityRecord> latest, boolean stale, OptionalLong storedAtMillis) {
    TwinFidelity.Builder b = TwinFidelity.newBuilder().setStale(stale);
    latest.ifPresent(
        r ->
            b.setLatencyP50Mape(measured(r.p50Mape()))
                .setLatencyP99Mape(measured(r.p99Mape()))
                .setThroughputMape(measured(r.throughputMape())));
    storedAtMillis.ifPresent(ms -> b.setCalibratedAt(timestamp(ms)));
    return b.build();
  }

  /** NaN (not measured) is left as the field's default, 0. */
  private static double measured(double value) {
    return Double.isNaN(value) ? 0 : value;
  }

  private static Timestamp timestamp(long epochMillis) {
    return Timestamp.newBuilder()
        .setSeconds(Math.floorDiv(epochMillis, 1000L))
        .setNanos((int) Math.floorMod(epochMillis, 1000L) * 1_000_000)
        .build();
  }
}
