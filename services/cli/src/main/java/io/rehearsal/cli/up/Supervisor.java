package io.rehearsal.cli.up;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * Owns the service processes of one {@code rehearsal up}: starts them, reports the first that
 * exits, and stops them all (with their descendants) exactly once.
 */
final class Supervisor implements AutoCloseable {

  private final List<ServiceProcess> services = new ArrayList<>();
  private final Ticker ticker;
  private final Duration stopGrace;
  private final PrintWriter out;
  private boolean closed;

  Supervisor(Ticker ticker, Duration stopGrace, PrintWriter out) {
    this.ticker = ticker;
    this.stopGrace = stopGrace;
    this.out = out;
  }

  /** Starts a service, unless stopping has begun (a Ctrl-C during start-up). */
  synchronized ServiceProcess start(ServiceLaunch launch) throws IOException {
    if (closed) {
      throw new IllegalStateException("stopping: " + launch.service().id() + " not started");
    }
    ServiceProcess service = ServiceProcess.start(launch, ticker);
    services.add(service);
    return service;
  }

  synchronized List<ServiceProcess> services() {
    return List.copyOf(services);
  }

  /** Blocks until one of the started services exits, and returns it. */
  ServiceProcess awaitAnyExit() {
    CompletableFuture<?>[] exits =
        services().stream().map(ServiceProcess::onExit).toArray(CompletableFuture[]::new);
    return (ServiceProcess) CompletableFuture.anyOf(exits).join();
  }

  /** SIGTERM to every service, SIGKILL after the grace period, descendants included. */
  @Override
  public void close() {
    List<ServiceProcess> toStop;
    synchronized (this) {
      closed = true;
      toStop = List.copyOf(services);
    }
    if (toStop.isEmpty()) {
      return;
    }
    say("stopping " + names(toStop) + "...");
    long start = ticker.nanos();
    List<ProcessTree> trees =
        toStop.stream()
            .map(s -> ProcessTree.capture(s.process().toHandle()))
            .collect(Collectors.toList());
    ProcessTree.stopAll(trees, stopGrace, ticker);
    reportStopped(toStop, trees, ticker.since(start));
  }

  private void reportStopped(List<ServiceProcess> stopped, List<ProcessTree> trees, Duration took) {
    for (int i = 0; i < stopped.size(); i++) {
      ServiceProcess service = stopped.get(i);
      boolean left = ProcessTree.isRunning(trees.get(i).root());
      say(
          (left ? "could not stop " : "stopped ")
              + service.name()
              + " (pid "
              + service.pid()
              + ")");
    }
    say("services stopped in " + ReadyTable.seconds(took));
  }

  private static String names(List<ServiceProcess> services) {
    return services.stream().map(ServiceProcess::name).collect(Collectors.joining(", "));
  }

  private void say(String line) {
    out.println(line);
    out.flush();
  }
}
