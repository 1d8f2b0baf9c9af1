package io.rehearsal.cli.twin;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A one-line progress bar on stderr, redrawn in place ({@code \r}) as runs finish and every 200 ms
 * for the elapsed time: {@code [#######.............] 3/10 runs 12.4 s}. Disabled, it prints
 * nothing. Meant for terminals; the caller decides when it is one.
 */
final class Progress implements AutoCloseable {
  private static final int WIDTH = 24;
  private final PrintWriter err;
  private final String unit;
  private final int total;
  private final AtomicInteger done = new AtomicInteger();
  private final long start = System.nanoTime();
  private final ScheduledExecutorService ticker;

  private Progress(PrintWriter err, String unit, int total, boolean enabled) {
    this.err = err;
    this.unit = unit;
    this.total = total;
    this.ticker = enabled ? Executors.newSingleThreadScheduledExecutor(Progress::daemon) : null;
    if (ticker != null) {
      ticker.scheduleAtFixedRate(this::draw, 0, 200, TimeUnit.MILLISECONDS);
    }
  }

  /** A bar over {@code total} items named {@code unit}; {@code enabled} false makes it silent. */
  static Progress start(PrintWriter err, String unit, int total, boolean enabled) {
    return new Progress(err, unit, total, enabled);
  }

  /** Whether a progress bar is wanted: asked for, or the output is an interactive terminal. */
  static boolean wanted(boolean asked) {
    return asked || System.console() != null;
  }

  /** One more item is done. */
  void step() {
    done.incrementAndGet();
    if (ticker != null) {
      draw();
    }
  }

  /** Clears the line. */
  @Override
  public void close() {
    if (ticker != null) {
      ticker.shutdownNow();
      try {
        ticker.awaitTermination(1, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      synchronized (this) {
        err.print("\r" + " ".repeat(WIDTH + 40) + "\r");
        err.flush();
      }
    }
  }

  private synchronized void draw() {
    int n = done.get();
    int filled = total == 0 ? WIDTH : (int) ((long) WIDTH * n / total);
    double seconds = (System.nanoTime() - start) / 1e9;
    err.print(
        String.format(
            Locale.ROOT,
            "\r[%s%s] %d/%d %s %.1f s",
            "#".repeat(filled),
            ".".repeat(WIDTH - filled),
            n,
            total,
            unit,
            seconds));
    err.flush();
  }

  private static Thread daemon(Runnable r) {
    Thread t = new Thread(r, "rehearsal-progress");
    t.setDaemon(true);
    return t;
  }
}
