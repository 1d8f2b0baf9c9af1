package io.rehearsal.twin.engine;

import io.rehearsal.twin.random.RandomStream;

/**
 * The life of a request at a service: admission to a replica (worker or FIFO queue, else
 * rejection), self time (CPU demand on the host, then non-CPU wait), call groups in order, then the
 * answer to its caller. Handles are read afresh after every call that may allocate.
 */
final class Flow {
  private final Sim sim;
  private final Model model;
  private final Requests q;
  private final Replicas reps;
  private final Knobs knobs;
  private final Recorder recorder;
  private final RandomStream[] selfStream;
  private final RandomStream[] errorStream;
  private final RandomStream[] injectedErrorStream;

  Flow(Sim sim) {
    this.sim = sim;
    this.model = sim.model;
    this.q = sim.requests;
    this.reps = sim.replicas;
    this.knobs = sim.knobs;
    this.recorder = sim.recorder;
    int n = model.endpoints.count;
    selfStream = new RandomStream[n];
    errorStream = new RandomStream[n];
    injectedErrorStream = new RandomStream[n];
    for (int e = 0; e < n; e++) {
      selfStream[e] = sim.streams.stream("self:" + model.endpoints.name[e]);
      errorStream[e] = sim.streams.stream("error:" + model.endpoints.name[e]);
      injectedErrorStream[e] = sim.streams.stream("injected-error:" + model.endpoints.name[e]);
    }
  }

  /** A new request at endpoint {@code e}, answering call slot {@code slot} (or none). */
  int create(int e, int slot, int token) {
    int h = q.allocate();
    q.endpoint[h] = e;
    q.parentSlot[h] = slot;
    q.parentToken[h] = token;
    q.arrival[h] = sim.now();
    q.startedAt[h] = sim.now();
    return h;
  }

  /** An entry request from outside (open-loop traffic or a session step). */
  void arriveRoot(int e, int region, int session) {
    int h = create(e, Requests.NONE, 0);
    q.session[h] = session;
    recorder.rootArrived(sim.now());
    int r = reps.pick(model.endpoints.service[e], region);
    if (r < 0) {
      complete(h, Status.REJECTED);
    } else {
      arriveAt(h, r);
    }
  }

  /**
   * An entry request turned away by load shedding before any service saw it: it counts where it
   * arrived, as a rejection (the user got an error), and takes no replica's time.
   */
  void shedRoot(int e) {
    int h = create(e, Requests.NONE, 0);
    q.session[h] = Requests.NONE;
    recorder.rootArrived(sim.now());
    complete(h, Status.REJECTED);
  }

  void onChildArrive(int h, int gen, int r) {
    if (q.gen[h] != gen) {
      return;
    }
    q.arrival[h] = sim.now();
    q.startedAt[h] = sim.now();
    if (reps.state[r] == Replicas.READY) {
      arriveAt(h, r);
    } else {
      complete(h, Status.REJECTED);
    }
  }

  /**
   * Admission at replica {@code r}: the service's rate limit, then a worker, the queue or
   * rejection.
   */
  void arriveAt(int h, int r) {
    int s = reps.service[r];
    reps.arrivals[s]++;
    q.replica[h] = r;
    if (knobs.serviceRate[s] > 0 && !takeServiceToken(s)) {
      complete(h, Status.REJECTED);
    } else if (reps.busy[r] < workers(s, r)) {
      reps.integrateLoad(s, sim.now());
      reps.servicePresent[s]++;
      start(h, r);
    } else if (reps.queueLength[r] < model.queueLimit[s]) {
      enqueue(h, r);
    } else {
      complete(h, Status.REJECTED);
    }
  }

  private boolean takeServiceToken(int s) {
    double rate = knobs.serviceRate[s];
    return Knobs.take(
        knobs.serviceTokens, knobs.serviceLastRefill, s, rate, Math.max(1, rate), sim.now());
  }

  private void enqueue(int h, int r) {
    int s = reps.service[r];
    reps.integrateLoad(s, sim.now());
    reps.servicePresent[s]++;
    q.nextInQueue[h] = Requests.NONE;
    if (reps.queueTail[r] == Requests.NONE) {
      reps.queueHead[r] = h;
    } else {
      q.nextInQueue[reps.queueTail[r]] = h;
    }
    reps.queueTail[r] = h;
    reps.queueLength[r]++;
  }

  int dequeue(int r) {
    int h = reps.queueHead[r];
    if (h != Requests.NONE) {
      reps.queueHead[r] = q.nextInQueue[h];
      if (reps.queueHead[r] == Requests.NONE) {
        reps.queueTail[r] = Requests.NONE;
      }
      reps.queueLength[r]--;
    }
    return h;
  }

  /** Gives {@code h} a worker; callers have brought the service's integrals up to now. */
  private void start(int h, int r) {
    int s = reps.service[r];
    int e = q.endpoint[h];
    reps.busy[r]++;
    reps.serviceBusy[s]++;
    q.holdsWorker[h] = true;
    q.startedAt[h] = sim.now();
    recorder.started(e, sim.now() - q.arrival[h]);
    double injected = errorAdd(r);
    if (injected > 0 && injectedErrorStream[e].nextDouble() < injected) {
      // aborted at once: no self time, no calls; as an event, so that draining a long queue of
      // aborts does not nest one call stack per request
      q.failure[h] = Status.ERROR;
      sim.schedule(sim.now(), Sim.SELF_DONE, h, q.gen[h], q.cpuEpoch[h]);
      return;
    }
    double self = model.endpoints.self[e].sample(selfStream[e]) * latencyFactor(s, r);
    double cpuPart = self * model.endpoints.cpuFraction[e];
    double delay = selfDelay(s, r); // a wait: it holds the worker, not the CPU
    int host = reps.host[r];
    if (host >= 0 && cpuPart > 0) {
      q.waitAfterCpu[h] = self - cpuPart + delay;
      sim.cpu.add(host, h, cpuPart, sim.now());
    } else {
      sim.schedule(sim.now() + self + delay, Sim.SELF_DONE, h, q.gen[h], q.cpuEpoch[h]);
    }
  }

  /** Workers replica {@code r} of service {@code s} has now (fewer under a worker-loss fault). */
  private int workers(int s, int r) {
    return (reps.immune[r] & Control.IMMUNE_WORKER_LOSS) != 0 ? model.workers[s] : knobs.workers[s];
  }

  /** Starts queued requests on every replica of {@code s} that has free workers again. */
  void fillWorkers(int s) {
    for (int i = 0; i < reps.memberCount[s]; i++) {
      int r = reps.members[s][i];
      int state = reps.state[r];
      while ((state == Replicas.READY || state == Replicas.DRAINING)
          && reps.busy[r] < workers(s, r)
          && reps.queueLength[r] > 0) {
        start(dequeue(r), r);
        state = reps.state[r];
      }
    }
  }

  private double latencyFactor(int s, int r) {
    return (reps.immune[r] & Control.IMMUNE_LATENCY) != 0 ? 1 : knobs.latencyFactor[s];
  }

  private double selfDelay(int s, int r) {
    return (reps.immune[r] & Control.IMMUNE_LATENCY) != 0 ? 0 : knobs.selfDelay[s];
  }

  void afterCpu(int h) {
    double wait = q.waitAfterCpu[h];
    if (wait > 0) {
      sim.schedule(sim.now() + wait, Sim.SELF_DONE, h, q.gen[h], q.cpuEpoch[h]);
    } else {
      selfDone(h);
    }
  }

  /**
   * The self time of {@code h} ended, unless the event is stale (request or CPU epoch moved on).
   */
  void onSelfDone(int h, int gen, int cpuEpoch) {
    if (q.gen[h] == gen && q.cpuEpoch[h] == cpuEpoch) {
      if (q.cpuIndex[h] >= 0) {
        sim.cpu.leave(reps.host[q.replica[h]], h);
      }
      selfDone(h);
    }
  }

  private void selfDone(int h) {
    if (!model.endpoints.blocking[q.endpoint[h]]) {
      releaseWorker(h);
    }
    q.group[h] = 0;
    nextGroup(h);
  }

  /** Runs the next call group with calls, or finishes the request. */
  void nextGroup(int h) {
    int[] bounds = model.calls.groups[q.endpoint[h]];
    while (q.failure[h] == Status.OK && q.group[h] < bounds.length - 1) {
      int g = q.group[h]++;
      if (sim.calls.issueGroup(h, bounds[g], bounds[g + 1])) {
        return;
      }
    }
    finish(h);
  }

  private void finish(int h) {
    int status = q.failure[h];
    int e = q.endpoint[h];
    double p = model.endpoints.errorProbability[e];
    // no draw when the endpoint never fails: a uniform is never below 0, and the stream serves
    // nothing else, so skipping it changes no outcome
    if (p > 0 && errorStream[e].nextDouble() < p && status == Status.OK) {
      status = Status.ERROR;
    }
    complete(h, status);
  }

  private double errorAdd(int r) {
    return (reps.immune[r] & Control.IMMUNE_ERRORS) != 0 ? 0 : knobs.errorAdd[reps.service[r]];
  }

  /** Ends a request with {@code status}: frees its worker, records it, answers its caller. */
  void complete(int h, int status) {
    if (q.holdsWorker[h]) {
      releaseWorker(h);
    }
    int e = q.endpoint[h];
    double latency = sim.now() - q.arrival[h];
    recorder.completed(e, status, latency, sim.now() - q.startedAt[h], sim.now());
    int slot = q.parentSlot[h];
    if (slot != Requests.NONE) {
      answer(h, slot, status);
    } else {
      recorder.rootCompleted(latency, sim.now());
      if (q.session[h] != Requests.NONE) {
        sim.traffic.onSessionStep(q.session[h], status);
      }
    }
    q.release(h);
  }

  private void answer(int h, int slot, int status) {
    int token = q.parentToken[h];
    double delay = sim.control.networkDelay(q.callerReplica[h], q.replica[h]);
    if (delay > 0) {
      sim.schedule(sim.now() + delay, Sim.RESPONSE, slot, token, status);
    } else {
      sim.calls.resolve(slot, token, status);
    }
  }

  private void releaseWorker(int h) {
    int r = q.replica[h];
    int s = reps.service[r];
    q.holdsWorker[h] = false;
    reps.integrateLoad(s, sim.now());
    reps.busy[r]--;
    reps.serviceBusy[s]--;
    reps.servicePresent[s]--;
    int state = reps.state[r];
    if ((state == Replicas.READY || state == Replicas.DRAINING) && reps.busy[r] < workers(s, r)) {
      int next = dequeue(r);
      if (next != Requests.NONE) {
        start(next, r);
      } else if (state == Replicas.DRAINING && reps.idle(r)) {
        sim.control.stopReplica(r);
      }
    }
  }
}
