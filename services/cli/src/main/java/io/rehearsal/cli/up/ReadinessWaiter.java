package io.rehearsal.cli.up;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Polls every service's readiness endpoint until all answer 200. Stops early when a service process
 * exits; gives up when the timeout passes.
 */
final class ReadinessWaiter {

  private final HealthProbe probe;
  private final Ticker ticker;
  private final Duration pollInterval;

  ReadinessWaiter(HealthProbe probe, Ticker ticker, Duration pollInterval) {
    this.probe = probe;
    this.ticker = ticker;
    this.pollInterval = pollInterval;
  }

  Readiness await(List<ServiceProcess> services, Duration timeout) throws InterruptedException {
    long deadline = ticker.nanos() + timeout.toNanos();
    Map<ServiceProcess, Duration> ready = new LinkedHashMap<>();
    Map<ServiceProcess, String> lastAnswer = new LinkedHashMap<>();
    while (true) {
      for (ServiceProcess service : pending(services, ready)) {
        if (!service.isAlive()) {
          return died(service);
        }
        HealthProbe.Result result = probe.probe(service.readinessUri());
        if (result.ready()) {
          ready.put(service, ticker.since(service.startNanos()));
        }
        lastAnswer.put(service, result.detail());
      }
      if (ready.size() == services.size()) {
        return inOrder(services, ready);
      }
      if (ticker.nanos() >= deadline) {
        return timedOut(pending(services, ready), lastAnswer, timeout);
      }
      TimeUnit.NANOSECONDS.sleep(pollInterval.toNanos());
    }
  }

  private static List<ServiceProcess> pending(
      List<ServiceProcess> services, Map<ServiceProcess, Duration> ready) {
    return services.stream().filter(s -> !ready.containsKey(s)).collect(Collectors.toList());
  }

  private static Readiness died(ServiceProcess service) {
    String reason = "exited with code " + service.process().exitValue() + " before it was ready";
    return new Readiness.NotReady(
        service.name() + " " + reason, List.of(new Readiness.Problem(service, reason)));
  }

  private static Readiness inOrder(
      List<ServiceProcess> services, Map<ServiceProcess, Duration> ready) {
    List<Readiness.ReadyService> result = new ArrayList<>();
    services.forEach(s -> result.add(new Readiness.ReadyService(s, ready.get(s))));
    return new Readiness.Ready(result);
  }

  private static Readiness timedOut(
      List<ServiceProcess> pending, Map<ServiceProcess, String> lastAnswer, Duration timeout) {
    List<Readiness.Problem> problems = new ArrayList<>();
    for (ServiceProcess service : pending) {
      problems.add(
          new Readiness.Problem(service, "last readiness answer: " + lastAnswer.get(service)));
    }
    String names = pending.stream().map(ServiceProcess::name).collect(Collectors.joining(", "));
    return new Readiness.NotReady(
        "not ready after " + timeout.toSeconds() + " s: " + names, problems);
  }
}
