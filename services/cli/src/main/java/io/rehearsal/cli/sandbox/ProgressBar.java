package io.rehearsal.cli.sandbox;

import io.rehearsal.rehearse.evaluation.EvaluationListener;
import io.rehearsal.rehearse.evaluation.Job;
import io.rehearsal.twin.run.RunResult;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A one-line progress display on stderr, redrawn in place ({@code \r}) every 200 ms and as runs
 * finish: first the phase ({@code fitting the fault hypothesis 3.1 s}), then the evaluation's runs
 * against those issued so far ({@code [#######.........] 40/90 runs, stage 2 12.4 s}); the total
 * grows as the ranking-and-selection procedure issues stages. Disabled, it prints nothing.
 */
final class ProgressBar implements AutoCloseable {
  private static final int WIDTH = 24;
  private final PrintWriter err;
  private final long start = System.nanoTime();
  private final AtomicInteger done = new AtomicInteger();
  private final AtomicInteger issued = new AtomicInteger();
  private final AtomicInteger stage = new AtomicInteger();
  private final ScheduledExecutorService ticker;
  private volatile String phase = "";
  private int drawn;

  private ProgressBar(PrintWriter err, boolean enabled) {
    this.err = err;
    this.ticker = enabled ? Executors.newSingleThreadScheduledExecutor(ProgressBar::daemon) : null;
    if (ticker != null) {
      ticker.scheduleAtFixedRate(this::draw, 200, 200, TimeUnit.MILLISECONDS);
    }
  }

  /** A display on {@code err}; {@code enabled} false makes it silent. */
  static ProgressBar start(PrintWriter err, boolean enabled) {
    return new ProgressBar(err, enabled);
  }

  /** Whether the display is wanted: asked for, or stderr is an interactive terminal. */
  static boolean wanted(boolean asked) {
    return asked || System.console() != null;
  }

  /** Shows a phase without a known length. */
  void phase(String name) {
    phase = name;
    redraw();
  }

  /**
   * A listener that counts the evaluation's runs on this display and passes everything on to {@code
   * next}.
   */
  EvaluationListener counting(EvaluationListener next) {
    return new EvaluationListener() {
      @Override
      public void stageStarted(int n, List<Job> jobs) {
        stage.set(n);
        issued.addAndGet(jobs.stream().mapToInt(Job::size).sum());
        phase = "evaluating";
        next.stageStarted(n, jobs);
        redraw();
      }

      @Override
      public void replicationFinished(int arm, int replication, RunResult run) {
        next.replicationFinished(arm, replication, run);
        done.incrementAndGet();
        redraw();
      }
    };
  }

  /** Runs finished so far. */
  int done() {
    return done.get();
  }

  /** Clears the line. */
  @Override
  public void close() {
    if (ticker == null) {
      return;
    }
    ticker.shutdownNow();
    try {
      ticker.awaitTermination(1, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    synchronized (this) {
      err.print("\r" + " ".repeat(drawn) + "\r");
      err.flush();
    }
  }

  private void redraw() {
    if (ticker != null) {
      draw();
    }
  }

  private synchronized void draw() {
    double seconds = (System.nanoTime() - start) / 1e9;
    String text = issued.get() == 0 ? phaseLine(seconds) : barLine(seconds);
    err.print("\r" + text + " ".repeat(Math.max(0, drawn - text.length())));
    err.flush();
    drawn = Math.max(drawn, text.length());
  }

  private String phaseLine(double seconds) {
    return String.format(Locale.ROOT, "%s %.1f s", phase, seconds);
  }

  private String barLine(double seconds) {
    int n = done.get();
    int total = issued.get();
    int filled = (int) ((long) WIDTH * Math.min(n, total) / total);
    return String.format(
        Locale.ROOT,
        "[%s%s] %d/%d runs, stage %d %.1f s",
        "#".repeat(filled),
        ".".repeat(WIDTH - filled),
        n,
        total,
        stage.get(),
        seconds);
  }

  private static Thread daemon(Runnable r) {
    Thread t = new Thread(r, "rehearsal-sandbox-progress");
    t.setDaemon(true);
    return t;
  }
}
