package io.rehearsal.cli.up;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

/**
 * A started service process: what to poll for readiness, where its log is, when it started.
 *
 * @param name the name printed to the user
 * @param process the running process
 * @param readinessUri the health endpoint answering 200 once ready
 * @param logFile the file receiving its output
 * @param startNanos {@link Ticker} time just before the process was started
 */
record ServiceProcess(
    String name, Process process, URI readinessUri, Path logFile, long startNanos) {

  /** Starts {@code launch}; the log file is truncated first so its tail belongs to this run. */
  static ServiceProcess start(ServiceLaunch launch, Ticker ticker) throws IOException {
    long start = ticker.nanos();
    Process process = launch.processBuilder().start();
    return new ServiceProcess(
        launch.service().id(), process, launch.ports().readinessUri(), launch.logFile(), start);
  }

  long pid() {
    return process.pid();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  CompletableFuture<ServiceProcess> onExit() {
    return process.onExit().thenApply(exited -> this);
  }
}
