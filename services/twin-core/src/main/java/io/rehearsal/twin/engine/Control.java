package io.rehearsal.twin.engine;

import io.rehearsal.twin.random.RandomStream;
import io.rehearsal.twin.spec.Fault;
import io.rehearsal.twin.spec.FaultKind;
import io.rehearsal.twin.spec.Remediation;
import java.util.Arrays;

/**
 * The control plane of a run: replica lifecycle (start with startup latency, drain, stop, crash),
 * desired replica counts, rolling replacement, and the scenario's timed faults and remediations.
 * Action index a < 2F is fault a/2 starting (even) or ending (odd); a >= 2F is remediation a-2F.
 */
final class Control {
  static final int IMMUNE_LATENCY = 1;
  static final int IMMUNE_ERRORS = 2;
  static final int IMMUNE_WORKER_LOSS = 4;
  private final Sim sim;
  private final Model model;
  private final Replicas reps;
  private final Knobs knobs;
  private final Fault[] faults;
  private final boolean[] active;
  private final Remediation[] remediations;
  private final RandomStream[] startupStream;
  final int[] desired;
  final int[] immunityForNew;
  final int[][] readyPerBucket;
  final Rolling rolling;
  final FaultEffects effects;
  final double[] busyAtWarmup;
  final double[] readyAtWarmup;
  final double[] liveAtWarmup;

  Control(Sim sim) {
    this.sim = sim;
    this.model = sim.model;
    this.reps = sim.replicas;
    this.knobs = sim.knobs;
    faults = sim.scenario.faults().toArray(Fault[]::new);
    active = new boolean[faults.length];
    remediations = sim.scenario.remediations().toArray(Remediation[]::new);
    int s = model.services;
    startupStream = new RandomStream[s];
    for (int i = 0; i < s; i++) {
      startupStream[i] = sim.streams.stream("startup:" + model.serviceName[i]);
    }
    desired = model.initialReplicas.clone();
    immunityForNew = new int[s];
    readyPerBucket = new int[s][sim.config.buckets()];
    rolling = new Rolling(sim, this);
    effects = new FaultEffects(model, knobs);
    busyAtWarmup = new double[s];
    readyAtWarmup = new double[s];
    liveAtWarmup = new double[s];
  }

  void start() {
    for (int s = 0; s < model.services; s++) {
      for (int i = 0; i < desired[s]; i++) {
        int r = addReplica(s, 0);
        reps.setReady(r, 0);
      }
    }
    for (int f = 0; f < faults.length; f++) {
      sim.scheduleAt(faults[f].at(), Sim.PRIORITY_CONTROL, Sim.ACTION, 2 * f);
      if (Double.isFinite(faults[f].end())) {
        sim.scheduleAt(faults[f].end(), Sim.PRIORITY_CONTROL, Sim.ACTION, 2 * f + 1);
      }
    }
    for (int i = 0; i < remediations.length; i++) {
      sim.scheduleAt(
          remediations[i].effectiveAt(), Sim.PRIORITY_CONTROL, Sim.ACTION, 2 * faults.length + i);
    }
  }

  /** Creates a replica in STARTING state; the caller makes it ready. */
  int addReplica(int s, int immunity) {
    int ordinal = reps.ordinals[s];
    return reps.add(
        s, model.hostOfReplica(s, ordinal), model.regionOfReplica(s, ordinal), immunity, sim.now());
  }

  /** Starts a replica that becomes ready after a startup latency draw. */
  int launch(int s, int immunity) {
    int r = addReplica(s, immunity | immunityForNew[s]);
    double startup = model.startup[s].sample(startupStream[s]);
    sim.schedule(sim.now() + startup, Sim.REPLICA_READY, r, reps.gen[r], 0);
    return r;
  }

  void onReplicaReady(int r, int gen) {
    if (reps.gen[r] == gen && reps.state[r] == Replicas.STARTING) {
      reps.setReady(r, sim.now());
      rolling.onReady(r);
    }
  }

  /** Stops replica r now: queued and in-flight requests fail. */
  void kill(int r) {
    reps.stop(r, sim.now());
    int s = reps.service[r];
    for (int h = sim.flow.dequeue(r); h != Requests.NONE; h = sim.flow.dequeue(r)) {
      reps.integrate(s, sim.now());
      reps.servicePresent[s]--;
      sim.flow.complete(h, Status.ERROR);
    }
    Requests q = sim.requests;
    for (int h = 0; h < q.capacity(); h++) {
      if (q.active[h] && q.replica[h] == r && q.holdsWorker[h]) {
        if (reps.host[r] >= 0) {
          sim.cpu.remove(reps.host[r], h, sim.now());
        }
        sim.flow.complete(h, Status.ERROR);
      }
    }
  }

  void stopReplica(int r) {
    reps.stop(r, sim.now());
  }

  void drain(int r) {
    reps.drain(r, sim.now());
    if (reps.idle(r)) {
      stopReplica(r);
    }
  }

  /** Starting plus ready replicas (not draining) of a service. */
  int serving(int s) {
    int n = 0;
    for (int i = 0; i < reps.memberCount[s]; i++) {
      int state = reps.state[reps.members[s][i]];
      n += state == Replicas.STARTING || state == Replicas.READY ? 1 : 0;
    }
    return n;
  }

  void scaleTo(int s, int replicas) {
    desired[s] = replicas;
    reconcile(s);
  }

  /** Starts or drains replicas until serving == desired (draining the newest first). */
  void reconcile(int s) {
    for (int n = serving(s); n < desired[s]; n++) {
      launch(s, 0);
    }
    for (int n = serving(s); n > desired[s]; n--) {
      drain(newestServing(s));
    }
  }

  private int newestServing(int s) {
    int newest = -1;
    for (int i = 0; i < reps.memberCount[s]; i++) {
      int r = reps.members[s][i];
      int state = reps.state[r];
      if ((state == Replicas.STARTING || state == Replicas.READY) && r > newest) {
        newest = r;
      }
    }
    return newest;
  }

  void onAction(int a) {
    int f = a / 2;
    if (f < faults.length) {
      onFault(f, a % 2 == 0);
    } else {
      new Remediator(sim, this).apply(remediations[a - 2 * faults.length]);
    }
  }

  private void onFault(int f, boolean starting) {
    Fault fault = faults[f];
    active[f] = starting;
    if (fault.kind() == FaultKind.REPLICA_CRASH) {
      int s = model.index.service(fault.target());
      if (starting) {
        crash(s, (int) Math.round(fault.factor()));
      }
      if (!starting || fault.duration() == 0) {
        reconcile(s);
      }
    } else {
      effects.recompute(faults, active);
      if (fault.kind() == FaultKind.WORKER_LOSS && !starting) {
        sim.flow.fillWorkers(model.index.service(fault.target()));
      }
    }
  }

  private void crash(int s, int count) {
    int[] victims = Arrays.copyOf(reps.members[s], reps.memberCount[s]);
    int killed = 0;
    for (int i = 0; i < victims.length && killed < count; i++) {
      if (reps.state[victims[i]] == Replicas.READY) {
        kill(victims[i]);
        killed++;
      }
    }
  }

  /** Deactivates the active faults of a kind on a target and recomputes their effects. */
  void clearFaults(FaultKind kind, String target) {
    for (int f = 0; f < faults.length; f++) {
      if (faults[f].kind() == kind && faults[f].target().equals(target)) {
        active[f] = false;
      }
    }
    effects.recompute(faults, active);
  }

  /**
   * One-way delay between two replicas (0 for entry requests). Without delay faults the fault terms
   * are +0.0, and adding them gives {@code link + 0.0} (which turns only a -0.0 into +0.0).
   */
  double networkDelay(int from, int to) {
    if (from < 0 || to < 0) {
      return 0;
    }
    int ra = reps.region[from];
    int rb = reps.region[to];
    double link = model.linkLatency[ra * model.regions + rb];
    if (!knobs.delays) {
      return link + 0.0;
    }
    return link
        + knobs.regionDelay[ra][rb]
        + knobs.serviceDelay[reps.service[from]][reps.service[to]];
  }

  /** The largest rate multiplier any surge in the scenario can apply to a source. */
  double maxSurge(int source, String entry) {
    double factor = 1;
    for (Fault f : faults) {
      if (f.kind() == FaultKind.TRAFFIC_SURGE
          && FaultEffects.matches(f.target(), entry, source, model)) {
        factor *= Math.max(1, f.factor());
      }
    }
    return factor;
  }

  void sampleBucket(int b) {
    for (int s = 0; s < model.services; s++) {
      readyPerBucket[s][b] = reps.ready[s];
    }
  }

  void startMeasuring() {
    for (int s = 0; s < model.services; s++) {
      reps.integrate(s, sim.now());
      busyAtWarmup[s] = reps.busyIntegral[s];
      readyAtWarmup[s] = reps.readyIntegral[s];
      liveAtWarmup[s] = reps.liveIntegral[s];
    }
  }
}
