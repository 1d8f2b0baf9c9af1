package io.rehearsal.twin.engine;

import io.rehearsal.twin.spec.BreakerSpec;

/** One count-based circuit breaker per call, shared by all replicas of the caller. */
final class Breakers {
  private final BreakerSpec[] spec;
  private final BreakerState[] state;
  private final boolean[][] window;
  private final int[] position;
  private final int[] filled;
  private final int[] failures;
  private final double[] openUntil;
  private final int[] trialsLeft;
  private final int[] trialSuccesses;
  long opened;

  Breakers(Model.Calls calls) {
    int n = calls.count;
    spec = new BreakerSpec[n];
    state = new BreakerState[n];
    window = new boolean[n][];
    position = new int[n];
    filled = new int[n];
    failures = new int[n];
    openUntil = new double[n];
    trialsLeft = new int[n];
    trialSuccesses = new int[n];
    for (int c = 0; c < n; c++) {
      configure(c, calls.spec[c].breaker());
    }
  }

  /** Installs (or removes, with null) the breaker of call {@code c}, starting closed. */
  void configure(int c, BreakerSpec breaker) {
    spec[c] = breaker;
    state[c] = BreakerState.CLOSED;
    window[c] = breaker == null ? null : new boolean[breaker.window()];
    position[c] = 0;
    filled[c] = 0;
    failures[c] = 0;
  }

  /** Whether call {@code c} may go out now. */
  boolean allow(int c, double now) {
    if (spec[c] == null || state[c] == BreakerState.CLOSED) {
      return true;
    }
    if (state[c] == BreakerState.OPEN) {
      if (now < openUntil[c]) {
        return false;
      }
      state[c] = state[c].moveTo(BreakerState.HALF_OPEN);
      trialsLeft[c] = spec[c].halfOpenCalls();
      trialSuccesses[c] = 0;
    }
    if (trialsLeft[c] > 0) {
      trialsLeft[c]--;
      return true;
    }
    return false;
  }

  /** Records the outcome of an attempt of call {@code c}. */
  void record(int c, boolean success, double now) {
    if (spec[c] == null) {
      return;
    }
    if (state[c] == BreakerState.HALF_OPEN) {
      recordTrial(c, success, now);
    } else if (state[c] == BreakerState.CLOSED) {
      recordClosed(c, success, now);
    }
  }

  private void recordTrial(int c, boolean success, double now) {
    if (!success) {
      open(c, now);
    } else if (++trialSuccesses[c] >= spec[c].halfOpenCalls()) {
      state[c] = state[c].moveTo(BreakerState.CLOSED);
      filled[c] = 0;
      failures[c] = 0;
      position[c] = 0;
    }
  }

  private void recordClosed(int c, boolean success, double now) {
    boolean[] ring = window[c];
    int p = position[c];
    if (filled[c] == ring.length) {
      failures[c] -= ring[p] ? 1 : 0;
    } else {
      filled[c]++;
    }
    ring[p] = !success;
    failures[c] += success ? 0 : 1;
    position[c] = p + 1 == ring.length ? 0 : p + 1;
    BreakerSpec s = spec[c];
    if (filled[c] >= s.minimumCalls() && failures[c] >= s.failureRate() * filled[c]) {
      open(c, now);
    }
  }

  private void open(int c, double now) {
    state[c] = state[c].moveTo(BreakerState.OPEN);
    openUntil[c] = now + spec[c].openFor();
    opened++;
  }
}
