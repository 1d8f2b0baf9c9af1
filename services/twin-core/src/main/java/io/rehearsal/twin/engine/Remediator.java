package io.rehearsal.twin.engine;

import io.rehearsal.twin.spec.FaultKind;
import io.rehearsal.twin.spec.Remediation;
import io.rehearsal.twin.spec.SpecIndex;
import java.util.Map;

/** Applies one remediation to a running simulation, at its effective time. */
final class Remediator {
  private final Sim sim;
  private final Control control;
  private final Model model;
  private final Knobs knobs;

  Remediator(Sim sim, Control control) {
    this.sim = sim;
    this.control = control;
    this.model = sim.model;
    this.knobs = sim.knobs;
  }

  void apply(Remediation r) {
    switch (r.kind()) {
      case SCALE -> control.scaleTo(service(r), (int) Math.round(r.value()));
      case ROLLBACK -> rollback(service(r));
      case RESTART -> restart(service(r));
      case RATE_LIMIT -> rateLimit(service(r), r.value());
      case SHED_LOAD -> shed(r.target(), r.value());
      case CALL_POLICY -> callPolicy(r);
      case REROUTE -> reroute(r.weights());
      case FAILOVER -> failover(r.target());
      case AUTOSCALER -> sim.autoscaling.replace(service(r), r.autoscaler());
      case CACHE -> knobs.hitRatio[model.index.target(r.target()).index()] = r.value();
    }
  }

  private int service(Remediation r) {
    return model.index.service(r.target());
  }

  private void rollback(int s) {
    int mask = Control.IMMUNE_LATENCY | Control.IMMUNE_ERRORS | Control.IMMUNE_WORKER_LOSS;
    control.immunityForNew[s] |= mask;
    control.rolling.start(s, mask);
  }

  private void restart(int s) {
    control.reconcile(s);
    control.rolling.start(s, Control.IMMUNE_LATENCY | Control.IMMUNE_WORKER_LOSS);
  }

  private void rateLimit(int s, double rate) {
    knobs.serviceRate[s] = rate;
    knobs.serviceTokens[s] = Math.max(1, rate);
    knobs.serviceLastRefill[s] = sim.now();
  }

  private void shed(String target, double fraction) {
    int t = model.spec.traffic().size();
    for (int i = 0; i < knobs.shed.length; i++) {
      String entry = i < t ? model.spec.traffic().get(i).endpoint() : "*";
      if (FaultEffects.matches(target, entry, i, model)) {
        knobs.shed[i] = fraction;
      }
    }
  }

  private void callPolicy(Remediation r) {
    int from = model.index.endpoint(r.target());
    for (int c = 0; c < model.calls.count; c++) {
      if (model.calls.from[c] == from && model.calls.spec[c].to().equals(r.to())) {
        if (r.value() != null) {
          knobs.timeout[c] = r.value();
        }
        if (r.retry() != null) {
          knobs.setRetry(c, r.retry());
        }
        if (r.breaker() != null) {
          sim.breakers.configure(c, r.breaker());
        }
      }
    }
  }

  private void reroute(Map<String, Double> weights) {
    weights.forEach((region, w) -> knobs.regionWeight[model.index.region(region)] = w);
  }

  private void failover(String target) {
    int region = model.index.region(target);
    if (region >= 0) {
      knobs.regionWeight[region] = 0;
      return;
    }
    SpecIndex.Target db = model.index.target(target);
    knobs.dbDownUntil[db.index()] = sim.now() + Knobs.database(model, db.index()).replicationLag();
    control.clearFaults(FaultKind.DEPENDENCY_SLOWDOWN, target);
    control.clearFaults(FaultKind.DEPENDENCY_DELAY, target);
    control.clearFaults(FaultKind.DEPENDENCY_OUTAGE, target);
  }
}
