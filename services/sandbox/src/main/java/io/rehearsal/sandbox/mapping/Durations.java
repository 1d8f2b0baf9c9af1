package io.rehearsal.sandbox.mapping;

import com.google.protobuf.Duration;
import com.google.protobuf.Timestamp;

/** Protobuf time values to and from seconds (and {@link java.time.Instant}s). */
public final class Durations {

  private Durations() {}

  /** Seconds of a duration. */
  public static double seconds(Duration d) {
    return d.getSeconds() + d.getNanos() / 1e9;
  }

  /** Seconds since the epoch of a timestamp. */
  public static double seconds(Timestamp t) {
    return t.getSeconds() + t.getNanos() / 1e9;
  }

  /** A duration of {@code seconds} (>= 0), to the nanosecond. */
  public static Duration duration(double seconds) {
    long whole = (long) Math.floor(seconds);
    int nanos = (int) Math.round((seconds - whole) * 1e9);
    if (nanos >= 1_000_000_000) {
      whole++;
      nanos -= 1_000_000_000;
    }
    return Duration.newBuilder().setSeconds(whole).setNanos(nanos).build();
  }

  /** {@code t} plus {@code seconds}. */
  public static Timestamp plus(Timestamp t, double seconds) {
    long nanos = t.getNanos() + Math.round(seconds * 1e9);
    return Timestamp.newBuilder()
        .setSeconds(t.getSeconds() + Math.floorDiv(nanos, 1_000_000_000L))
        .setNanos((int) Math.floorMod(nanos, 1_000_000_000L))
        .build();
  }

  /** The timestamp of an instant. */
  public static Timestamp timestamp(java.time.Instant i) {
    return Timestamp.newBuilder().setSeconds(i.getEpochSecond()).setNanos(i.getNano()).build();
  }
}
