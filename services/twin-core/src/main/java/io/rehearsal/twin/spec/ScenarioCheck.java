package io.rehearsal.twin.spec;

import java.util.List;

/** Checks a scenario's targets against a twin spec's names. */
public final class ScenarioCheck {
  private final SpecIndex index;

  private ScenarioCheck(SpecIndex index) {
    this.index = index;
  }

  /**
   * Validates faults and remediations against the index of a spec.
   *
   * @throws InvalidSpecException naming the bad path and value
   */
  public static void check(SpecIndex index, List<Fault> faults, List<Remediation> remediations) {
    ScenarioCheck check = new ScenarioCheck(index);
    for (int i = 0; i < faults.size(); i++) {
      check.fault("faults[" + i + "]", faults.get(i));
    }
    for (int i = 0; i < remediations.size(); i++) {
      check.remediation("remediations[" + i + "]", remediations.get(i));
    }
  }

  private void fault(String path, Fault fault) {
    switch (fault.kind()) {
      case REPLICA_CRASH, WORKER_LOSS, LATENCY, SERVICE_DELAY, ERROR_RATE ->
          service(path + ".target", fault.target());
      case DEPENDENCY_SLOWDOWN, DEPENDENCY_DELAY, DEPENDENCY_OUTAGE ->
          dependencyOrDatabase(path + ".target", fault.target());
      case TRAFFIC_SURGE -> entry(path + ".target", fault.target());
      case NETWORK_DELAY -> {
        serviceOrRegion(path + ".target", fault.target());
        serviceOrRegion(path + ".to", fault.to());
        if ((index.service(fault.target()) < 0) != (index.service(fault.to()) < 0)) {
          throw SpecValidator.fail(
              path + ".to",
              "must be a "
                  + (index.service(fault.target()) < 0 ? "region" : "service")
                  + " like target, but was '"
                  + fault.to()
                  + "'");
        }
      }
    }
  }

  private void remediation(String path, Remediation r) {
    switch (r.kind()) {
      case SCALE, ROLLBACK, RESTART, RATE_LIMIT, AUTOSCALER ->
          service(path + ".target", r.target());
      case SHED_LOAD -> entry(path + ".target", r.target());
      case CALL_POLICY -> {
        endpoint(path + ".target", r.target());
        if (index.target(r.to()) == null) {
          throw SpecValidator.fail(path + ".to", "unknown call target '" + r.to() + "'");
        }
      }
      case REROUTE -> r.weights().keySet().forEach(k -> region(path + ".weights", k));
      case FAILOVER -> {
        if (index.region(r.target()) < 0) {
          backend(path + ".target", r.target(), SpecIndex.TargetKind.DATABASE);
        }
      }
      case CACHE -> backend(path + ".target", r.target(), SpecIndex.TargetKind.CACHE);
    }
  }

  private void dependencyOrDatabase(String path, String name) {
    SpecIndex.Target target = index.target(name);
    if (target == null
        || (target.kind() != SpecIndex.TargetKind.DEPENDENCY
            && target.kind() != SpecIndex.TargetKind.DATABASE)) {
      throw SpecValidator.fail(path, "unknown dependency or database '" + name + "'");
    }
  }

  private void service(String path, String name) {
    if (index.service(name) < 0) {
      throw SpecValidator.fail(path, "unknown service '" + name + "'");
    }
  }

  private void region(String path, String name) {
    if (index.region(name) < 0) {
      throw SpecValidator.fail(path, "unknown region '" + name + "'");
    }
  }

  private void endpoint(String path, String name) {
    if (index.endpoint(name) < 0) {
      throw SpecValidator.fail(path, "unknown endpoint '" + name + "'");
    }
  }

  private void entry(String path, String name) {
    if (!"*".equals(name)) {
      endpoint(path, name);
    }
  }

  private void serviceOrRegion(String path, String name) {
    if (index.service(name) < 0 && index.region(name) < 0) {
      throw SpecValidator.fail(path, "unknown service or region '" + name + "'");
    }
  }

  private void backend(String path, String name, SpecIndex.TargetKind kind) {
    SpecIndex.Target target = index.target(name);
    if (target == null || target.kind() != kind) {
      throw SpecValidator.fail(
          path, "unknown " + kind.name().toLowerCase(java.util.Locale.ROOT) + " '" + name + "'");
    }
  }
}
