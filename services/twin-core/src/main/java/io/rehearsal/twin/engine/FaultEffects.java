package io.rehearsal.twin.engine;

import io.rehearsal.twin.spec.Fault;
import io.rehearsal.twin.spec.SpecIndex;

/**
 * Recomputes the fault-driven knobs from the set of active faults (so overlapping faults compose).
 */
final class FaultEffects {
  private final Model model;
  private final Knobs knobs;

  FaultEffects(Model model, Knobs knobs) {
    this.model = model;
    this.knobs = knobs;
  }

  void recompute(Fault[] faults, boolean[] active) {
    knobs.clearFaultEffects();
    for (int f = 0; f < faults.length; f++) {
      if (active[f]) {
        apply(faults[f]);
      }
    }
    knobs.noteDelays();
  }

  private void apply(Fault fault) {
    double k = fault.factor();
    switch (fault.kind()) {
      case LATENCY -> knobs.latencyFactor[model.index.service(fault.target())] *= k;
      case SERVICE_DELAY -> knobs.selfDelay[model.index.service(fault.target())] += k;
      case WORKER_LOSS -> {
        int s = model.index.service(fault.target());
        knobs.workers[s] = Math.min(knobs.workers[s], Math.max(1, (int) Math.round(k)));
      }
      case ERROR_RATE -> knobs.errorAdd[model.index.service(fault.target())] += k;
      case DEPENDENCY_SLOWDOWN -> slowdown(fault.target(), k);
      case DEPENDENCY_DELAY -> addDelay(fault.target(), k);
      case DEPENDENCY_OUTAGE -> outage(fault.target());
      case TRAFFIC_SURGE -> surge(fault.target(), k);
      case NETWORK_DELAY -> delay(fault.target(), fault.to(), k);
      default -> {}
    }
  }

  private void slowdown(String target, double k) {
    SpecIndex.Target t = model.index.target(target);
    if (t.kind() == SpecIndex.TargetKind.DATABASE) {
      knobs.dbFactor[t.index()] *= k;
    } else {
      knobs.depFactor[t.index()] *= k;
    }
  }

  private void addDelay(String target, double seconds) {
    SpecIndex.Target t = model.index.target(target);
    if (t.kind() == SpecIndex.TargetKind.DATABASE) {
      knobs.dbDelay[t.index()] += seconds;
    } else {
      knobs.depDelay[t.index()] += seconds;
    }
  }

  private void outage(String target) {
    SpecIndex.Target t = model.index.target(target);
    if (t.kind() == SpecIndex.TargetKind.DATABASE) {
      knobs.dbOutage[t.index()] = true;
    } else {
      knobs.depOutage[t.index()] = true;
    }
  }

  private void surge(String target, double k) {
    for (int i = 0; i < knobs.surge.length; i++) {
      if (matches(target, entryName(i), i, model)) {
        knobs.surge[i] *= k;
      }
    }
  }

  private String entryName(int source) {
    int t = model.spec.traffic().size();
    return source < t ? model.spec.traffic().get(source).endpoint() : "*";
  }

  /** Whether a fault or remediation target ({@code *} or an entry endpoint) covers a source. */
  static boolean matches(String target, String entry, int source, Model model) {
    return "*".equals(target) || target.equals(entry);
  }

  private void delay(String from, String to, double seconds) {
    int a = model.index.service(from);
    int b = model.index.service(to);
    if (a >= 0 && b >= 0) {
      knobs.serviceDelay[a][b] += seconds;
      knobs.serviceDelay[b][a] += a == b ? 0 : seconds;
      return;
    }
    int ra = model.index.region(from);
    int rb = model.index.region(to);
    if (ra >= 0 && rb >= 0) {
      knobs.regionDelay[ra][rb] += seconds;
      knobs.regionDelay[rb][ra] += ra == rb ? 0 : seconds;
    }
  }
}
