package io.rehearsal.twin.engine;

import io.rehearsal.twin.random.RandomStream;

/**
 * Outgoing calls through a request's slots: issue (breaker check, timeout), resolution (breaker
 * outcome, retry with backoff and jitter, or a final verdict), and the parent's group bookkeeping.
 * A group's pending count starts at one as a guard so that calls answered synchronously cannot
 * finish the group while it is still being issued.
 */
final class CallFlow {
  private final Sim sim;
  private final Model model;
  private final Model.Calls calls;
  private final Requests q;
  private final Knobs knobs;
  private final RandomStream[] callStream;
  private final boolean[] certain;
  private final RandomStream[] jitterStream;

  CallFlow(Sim sim) {
    this.sim = sim;
    this.model = sim.model;
    this.calls = sim.model.calls;
    this.q = sim.requests;
    this.knobs = sim.knobs;
    callStream = new RandomStream[calls.count];
    jitterStream = new RandomStream[calls.count];
    certain = new boolean[calls.count];
    for (int c = 0; c < calls.count; c++) {
      callStream[c] = sim.streams.stream("call:" + calls.name[c] + "#" + c);
      jitterStream[c] = sim.streams.stream("jitter:" + calls.name[c] + "#" + c);
      certain[c] = calls.probability[c] >= 1;
    }
  }

  /**
   * Issues the calls [from, to) of request {@code h}; true if some are still outstanding. A call
   * with probability one is made without a draw: a uniform in [0, 1) is always below one, and the
   * call's stream serves nothing else, so skipping it changes no outcome.
   */
  boolean issueGroup(int h, int from, int to) {
    q.pending[h] = 1;
    q.slotsUsed[h] = Math.max(q.slotsUsed[h], to - from);
    for (int c = from; c < to; c++) {
      if (certain[c] || callStream[c].nextDouble() < calls.probability[c]) {
        int slot = h * Requests.SLOTS + (c - from);
        q.slotCall[slot] = c;
        q.slotAttempt[slot] = 0;
        q.pending[h]++;
        attempt(slot);
      }
    }
    return --q.pending[h] > 0;
  }

  private void attempt(int slot) {
    int c = q.slotCall[slot];
    int token = ++q.slotToken[slot];
    if (!sim.breakers.allow(c, sim.now())) {
      conclude(slot, Status.ERROR);
      return;
    }
    double timeout = knobs.timeout[c];
    if (timeout > 0) {
      scheduleTimeout(c, slot, token, sim.now() + timeout);
    }
    switch (calls.kind[c]) {
      case Model.ENDPOINT -> callEndpoint(slot, token, calls.target[c]);
      case Model.DEPENDENCY -> sim.backends.callDependency(slot, token, calls.target[c], timeout);
      case Model.CACHE -> sim.backends.callCache(slot, token, calls.target[c]);
      default -> sim.backends.callDatabase(slot, token, calls.target[c]);
    }
  }

  private void callEndpoint(int slot, int token, int e) {
    int callerReplica = q.replica[slot / Requests.SLOTS];
    int child = sim.flow.create(e, slot, token);
    q.callerReplica[child] = callerReplica;
    int region = callerReplica >= 0 ? sim.replicas.region[callerReplica] : -1;
    int r = sim.replicas.pick(model.endpoints.service[e], region);
    if (r < 0) {
      sim.flow.complete(child, Status.REJECTED);
      return;
    }
    double delay = sim.control.networkDelay(callerReplica, r);
    if (delay > 0) {
      q.replica[child] = r;
      sim.schedule(sim.now() + delay, Sim.CHILD_ARRIVE, child, q.gen[child], r);
    } else {
      sim.flow.arriveAt(child, r);
    }
  }

  private void scheduleTimeout(int c, int slot, int token, double at) {
    long order = sim.events.nextOrder(Sim.PRIORITY_NORMAL);
    if (!sim.timeouts.add(c, slot, token, at, order)) {
      sim.events.pushOrdered(at, order, Sim.CALL_TIMEOUT, slot, token, 0);
    }
  }

  /** The head of call {@code c}'s timeout ring is due. */
  void onTimeoutTimer(int c) {
    int slot = sim.timeouts.headSlot(c);
    int token = sim.timeouts.headToken(c);
    sim.timeouts.advance(c, q.slotToken);
    onTimeout(slot, token);
  }

  void onTimeout(int slot, int token) {
    if (q.slotToken[slot] == token) {
      int c = q.slotCall[slot];
      if (calls.kind[c] == Model.ENDPOINT) {
        sim.recorder.callerTimeout(calls.target[c]);
      }
      resolve(slot, token, Status.TIMEOUT);
    }
  }

  /** An attempt's answer (or timeout); ignored unless {@code token} is the slot's current one. */
  void resolve(int slot, int token, int status) {
    if (q.slotToken[slot] != token) {
      return;
    }
    int c = q.slotCall[slot];
    sim.breakers.record(c, status == Status.OK, sim.now());
    int next = ++q.slotToken[slot];
    if (status != Status.OK && q.slotAttempt[slot] < knobs.maxRetries[c]) {
      int attempt = ++q.slotAttempt[slot];
      sim.schedule(sim.now() + backoff(c, attempt), Sim.RETRY, slot, next, 0);
      return;
    }
    conclude(slot, status);
  }

  private double backoff(int c, int attempt) {
    double base = knobs.backoff[c] * StrictMath.pow(knobs.multiplier[c], attempt - 1);
    double capped = Math.min(knobs.maxBackoff[c], base);
    return capped * (1 - knobs.jitter[c] * jitterStream[c].nextDouble());
  }

  void onRetry(int slot, int token) {
    if (q.slotToken[slot] == token) {
      attempt(slot);
    }
  }

  private void conclude(int slot, int status) {
    int h = slot / Requests.SLOTS;
    int c = q.slotCall[slot];
    if (status != Status.OK && !calls.optional[c] && q.failure[h] == Status.OK) {
      q.failure[h] = status == Status.TIMEOUT ? Status.TIMEOUT : Status.ERROR;
    }
    if (--q.pending[h] == 0) {
      sim.flow.nextGroup(h);
    }
  }
}
