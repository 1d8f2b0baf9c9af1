package io.rehearsal.cli.up;

import java.time.Duration;

/** A monotonic time source in nanoseconds; tests pass their own. */
@FunctionalInterface
interface Ticker {

  long nanos();

  static Ticker system() {
    return System::nanoTime;
  }

  default Duration since(long startNanos) {
    return Duration.ofNanos(nanos() - startNanos);
  }
}
