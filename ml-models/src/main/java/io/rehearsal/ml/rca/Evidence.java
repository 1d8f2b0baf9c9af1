package io.rehearsal.ml.rca;

import static io.rehearsal.ml.rca.Finding.saturate;

import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Classifies each node's changes between the windows into findings (one label and one reason per
 * metric, as a canary judge does), and how anomalous each node looks from outside.
 */
final class Evidence {
  private final RcaConfig config;
  final Map<String, NodeEvidence> nodes = new TreeMap<>();
  private final Set<String> called = new HashSet<>();

  private Evidence(RcaConfig config) {
    this.config = config;
  }

  static Evidence of(RcaInput input, RcaConfig config) {
    Evidence e = new Evidence(config);
    input.calls().forEach(c -> e.called.add(c.callee()));
    input.endpoints().forEach(e::endpoint);
    input.calls().forEach(e::call);
    input.services().forEach(e::service);
    return e;
  }

  NodeEvidence node(String name, boolean dependency) {
    return nodes.computeIfAbsent(name, k -> new NodeEvidence(k, dependency));
  }

  private boolean enough(Stats before, Stats during) {
    return before.requests() >= config.minRequests() && during.requests() >= config.minRequests();
  }

  private void endpoint(EndpointStats ep) {
    NodeEvidence node = node(ep.service(), false);
    Stats b = ep.before();
    Stats d = ep.during();
    String where = ep.service() + ' ' + ep.endpoint();
    if (b.requests() >= config.minRequests() && !called.contains(ep.service())) {
      surge(node, ep, where);
    }
    if (!enough(b, d)) {
      return;
    }
    double selfRise = d.selfMeanMs() - b.selfMeanMs();
    if (selfRise >= config.latencyMinMs()
        && d.selfMeanMs() >= config.latencyFactor() * b.selfMeanMs()) {
      double x = selfRise / (b.selfMeanMs() + config.latencyMinMs());
      node.add(
          new Finding(
              FaultKind.LATENCY,
              saturate(x),
              ep.endpoint(),
              f(
                  "%s self time %.1f ms vs %.1f ms before (%.1fx), p99 %.0f vs %.0f ms",
                  where,
                  d.selfMeanMs(),
                  b.selfMeanMs(),
                  d.selfMeanMs() / Math.max(b.selfMeanMs(), 0.1),
                  d.p99Ms(),
                  b.p99Ms())));
    }
    double ownRise = d.ownErrorRate() - b.ownErrorRate();
    if (ownRise >= config.errorRateMin()) {
      node.add(
          new Finding(
              FaultKind.ERRORS,
              saturate(ownRise / config.errorRateMin()),
              ep.endpoint(),
              f(
                  "%s fails %.1f%% of requests itself (calls it made succeeded), %.1f%% before",
                  where, 100 * d.ownErrorRate(), 100 * b.ownErrorRate())));
    }
    seen(node, where, b, d);
  }

  private void surge(NodeEvidence node, EndpointStats ep, String where) {
    double ratio = ep.during().ratePerSecond() / Math.max(ep.before().ratePerSecond(), 1e-9);
    if (ratio >= config.surgeFactor()) {
      node.add(
          new Finding(
              FaultKind.LOAD_SURGE,
              saturate((ratio - 1) / (config.surgeFactor() - 1)),
              ep.endpoint(),
              f(
                  "entry %s receives %.1f req/s vs %.1f before (%.1fx)",
                  where, ep.during().ratePerSecond(), ep.before().ratePerSecond(), ratio)));
    }
  }

  /** How anomalous an endpoint looks whatever the cause: latency, failures, rate. */
  private void seen(NodeEvidence node, String where, Stats b, Stats d) {
    double latency = d.meanMs() / Math.max(b.meanMs(), 0.1) - 1;
    double tail = (d.p99Ms() / Math.max(b.p99Ms(), 0.1) - 1) / 2;
    double errors = (d.errorRate() - b.errorRate()) / config.errorRateMin();
    double x = Math.max(Math.max(latency, tail), errors);
    if (x > 0.3) {
      node.seen(
          saturate(x),
          f(
              "%s mean %.0f ms vs %.0f, p99 %.0f vs %.0f ms, errors %.1f%% vs %.1f%%",
              where,
              d.meanMs(),
              b.meanMs(),
              d.p99Ms(),
              b.p99Ms(),
              100 * d.errorRate(),
              100 * b.errorRate()));
    }
  }

  private void call(CallStats c) {
    Stats b = c.before();
    Stats d = c.during();
    NodeEvidence callee = node(c.callee(), c.dependency());
    node(c.caller(), false);
    String edge = c.caller() + " -> " + c.callee();
    if (d.requests() >= config.minRequests()) {
      double refused = d.ownErrorRate() - b.ownErrorRate();
      if (!c.dependency() && refused >= config.errorRateMin() / 3) {
        callee.add(
            new Finding(
                FaultKind.LOST_REPLICA,
                saturate(3 * refused / config.errorRateMin()),
                "",
                f(
                    "%s: %.1f%% of calls failed with no %s replica answering (%.1f%% before)",
                    edge, 100 * d.ownErrorRate(), c.callee(), 100 * b.ownErrorRate())));
      }
    }
    if (!c.dependency() || !enough(b, d)) {
      return;
    }
    double rise = d.meanMs() - b.meanMs();
    if (rise >= config.dependencyMinMs() && d.meanMs() >= config.dependencyFactor() * b.meanMs()) {
      callee.add(
          new Finding(
              FaultKind.DEPENDENCY_LATENCY,
              saturate(rise / (b.meanMs() + config.dependencyMinMs())),
              "",
              f(
                  "%s calls take %.0f ms vs %.0f ms before (%.1fx), p99 %.0f vs %.0f ms",
                  edge,
                  d.meanMs(),
                  b.meanMs(),
                  d.meanMs() / Math.max(b.meanMs(), 0.1),
                  d.p99Ms(),
                  b.p99Ms())));
    }
    double throttled = d.throttledRate() - b.throttledRate();
    if (throttled >= config.errorRateMin()) {
      callee.add(
          new Finding(
              FaultKind.DEPENDENCY_RATE_LIMIT,
              saturate(throttled / config.errorRateMin()),
              "",
              f(
                  "%s: %.1f%% of calls rejected with 429 (%.1f%% before)",
                  edge, 100 * d.throttledRate(), 100 * b.throttledRate())));
    }
    double errors = d.errorRate() - d.throttledRate() - (b.errorRate() - b.throttledRate());
    if (errors >= config.errorRateMin()) {
      callee.add(
          new Finding(
              FaultKind.DEPENDENCY_ERRORS,
              saturate(errors / config.errorRateMin()),
              "",
              f(
                  "%s: %.1f%% of calls fail (%.1f%% before)",
                  edge, 100 * d.errorRate(), 100 * b.errorRate())));
    }
  }

  private void service(ServiceState s) {
    NodeEvidence node = node(s.service(), false);
    if (s.instancesBefore() > 0 && s.instancesLate() < s.instancesBefore()) {
      node.add(
          new Finding(
              FaultKind.LOST_REPLICA,
              saturate(3.0 * (s.instancesBefore() - s.instancesLate())),
              "",
              f(
                  "%s: %d instance(s) report now, %d before",
                  s.service(), s.instancesLate(), s.instancesBefore())));
    }
    if (s.silentSeconds() >= config.silenceSeconds()) {
      node.add(
          new Finding(
              FaultKind.LOST_REPLICA,
              saturate(3.0 * s.silentSeconds() / config.silenceSeconds()),
              "",
              f(
                  "%s: instance %s stopped reporting for %d s while the others went on",
                  s.service(), s.silentInstance(), s.silentSeconds())));
    }
    if (s.workersDuring() < config.workersDrop() * s.workersBefore()) {
      node.add(
          new Finding(
              FaultKind.SATURATION,
              saturate(
                  3 * (1 - s.workersDuring() / s.workersBefore()) / (1 - config.workersDrop())),
              "",
              f(
                  "%s: %.1f workers per instance vs %.1f before",
                  s.service(), s.workersDuring(), s.workersBefore())));
    }
    double queued = s.queueDuring() - (Double.isNaN(s.queueBefore()) ? 0 : s.queueBefore());
    if (queued >= config.queueMin()) {
      node.add(
          new Finding(
              FaultKind.SATURATION,
              saturate(queued / config.queueMin()),
              "",
              f(
                  "%s: %.1f requests queued per instance vs %.1f before",
                  s.service(), s.queueDuring(), s.queueBefore())));
    }
  }

  static String f(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}
