package io.rehearsal.gateway.decision;

import com.google.protobuf.Timestamp;
import java.time.Duration;
import java.time.Instant;

/** Wire times to {@code java.time} and back. */
final class Timestamps {

  private Timestamps() {}

  static Timestamp of(Instant instant) {
    return Timestamp.newBuilder()
        .setSeconds(instant.getEpochSecond())
        .setNanos(instant.getNano())
        .build();
  }

  static Instant instant(Timestamp t) {
    return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
  }

  static Duration duration(com.google.protobuf.Duration d) {
    return Duration.ofSeconds(d.getSeconds(), d.getNanos());
  }
}
