package io.rehearsal.cli.demo;

import java.io.PrintWriter;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * What a demo run started, stopped once in reverse order: at the end of a {@code --once} run, or
 * from the shutdown hook on Ctrl-C or SIGTERM.
 */
final class Resources implements AutoCloseable {

  private final Deque<AutoCloseable> started = new ArrayDeque<>();
  private final PrintWriter err;
  private volatile boolean signalled;
  private boolean closed;

  Resources(PrintWriter err) {
    this.err = err;
  }

  /** Registers {@code resource}; if stopping has begun, stops it at once. */
  <T extends AutoCloseable> T add(T resource) {
    boolean stopNow;
    synchronized (this) {
      stopNow = closed;
      if (!stopNow) {
        started.push(resource);
      }
    }
    if (stopNow) {
      closeQuietly(resource);
      throw new IllegalStateException("stopping");
    }
    return resource;
  }

  /** Whether Ctrl-C or SIGTERM started the stop. */
  boolean signalled() {
    return signalled;
  }

  /** The shutdown hook: marks the stop as signalled, then stops everything. */
  void stopOnSignal() {
    signalled = true;
    close();
  }

  @Override
  public void close() {
    while (true) {
      AutoCloseable next;
      synchronized (this) {
        closed = true;
        next = started.poll();
      }
      if (next == null) {
        return;
      }
      closeQuietly(next);
    }
  }

  private void closeQuietly(AutoCloseable resource) {
    try {
      resource.close();
    } catch (Exception e) {
      err.println("rehearsal demo: while stopping: " + e.getMessage());
      err.flush();
    }
  }
}
