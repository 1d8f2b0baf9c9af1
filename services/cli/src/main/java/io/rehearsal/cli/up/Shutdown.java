package io.rehearsal.cli.up;

import java.io.PrintWriter;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * What must be stopped when {@code rehearsal up} ends, stopped once, newest first (services before
 * the Redis they use). Runs from the JVM shutdown hook on Ctrl-C or SIGTERM, or directly on
 * failure; whichever comes first does the work.
 */
final class Shutdown {

  private final Deque<AutoCloseable> resources = new ArrayDeque<>();
  private final PrintWriter err;
  private boolean started;

  Shutdown(PrintWriter err) {
    this.err = err;
  }

  /** Registers {@code resource}; if stopping has already begun it is closed at once. */
  void register(AutoCloseable resource) {
    synchronized (this) {
      if (!started) {
        resources.push(resource);
        return;
      }
    }
    closeQuietly(resource);
  }

  synchronized boolean isStarted() {
    return started;
  }

  /** Closes everything registered, newest first; later calls return at once. */
  void run() {
    synchronized (this) {
      if (started) {
        return;
      }
      started = true;
    }
    for (AutoCloseable resource : resources) {
      closeQuietly(resource);
    }
  }

  /** One failing resource must not keep the others running. */
  private void closeQuietly(AutoCloseable resource) {
    try {
      resource.close();
    } catch (Exception e) {
      err.println("rehearsal up: error while stopping: " + e);
      err.flush();
    }
  }
}
