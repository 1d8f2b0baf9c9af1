package io.rehearsal.cli.demo;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/** Prints each step of the demo with the time since its start: {@code t+12.3s message}. */
final class Timeline {

  private final PrintWriter out;
  private final LongSupplier nanos;
  private final long start;

  Timeline(PrintWriter out, LongSupplier nanos) {
    this.out = out;
    this.nanos = nanos;
    this.start = nanos.getAsLong();
  }

  /** Seconds since the start. */
  double seconds() {
    return (nanos.getAsLong() - start) / 1e9;
  }

  /** One step, stamped; printed at once (other threads print too). */
  synchronized void say(String message) {
    out.println(stamp() + message);
    out.flush();
  }

  /** Lines printed as they are (a table), after a stamped heading. */
  synchronized void block(String heading, Iterable<String> lines) {
    out.println(stamp() + heading);
    lines.forEach(out::println);
    out.flush();
  }

  String stamp() {
    return String.format(Locale.ROOT, "t+%5.1fs  ", seconds());
  }
}
