package io.rehearsal.twin.engine;

import io.rehearsal.twin.random.RandomStream;
import io.rehearsal.twin.spec.ArrivalPattern;
import io.rehearsal.twin.spec.SessionSpec;
import java.util.Arrays;

/**
 * Where requests come from: open-loop sources (non-homogeneous Poisson by thinning against the
 * pattern's peak times the largest surge in the scenario) and closed-loop user sessions with think
 * time, client retries and re-authentication. Sources 0..T-1 are traffic entries, T.. sessions.
 */
final class Traffic {
  private static final int PHASE_STEP = 0;
  private static final int PHASE_REAUTH = 1;
  private final Sim sim;
  private final Model model;
  private final ArrivalPattern[] pattern;
  private final int[] entry;
  private final double[] peak;
  private final RandomStream[] arrivalStream;
  private final RandomStream[] routeStream;
  private final RandomStream[] shedStream;
  private final SessionSpec[] sessionSpec;
  private final int[][] sessionSteps;
  private final int[] reauth;
  private final Sampler[] think;
  private final RandomStream[] thinkStream;
  private final int sources;
  private int[] sessionKind = new int[64];
  private int[] step = new int[64];
  private int[] attempt = new int[64];
  private int[] phase = new int[64];
  private int[] sessionGen = new int[64];
  private int[] freeSessions = new int[0];
  private int freeCount;
  private int sessionCapacity;

  Traffic(Sim sim) {
    this.sim = sim;
    this.model = sim.model;
    int t = model.spec.traffic().size();
    sessionSpec = model.spec.sessions().toArray(SessionSpec[]::new);
    sources = t + sessionSpec.length;
    pattern = new ArrivalPattern[sources];
    entry = new int[sources];
    for (int i = 0; i < t; i++) {
      pattern[i] = model.spec.traffic().get(i).arrivals();
      entry[i] = model.index.endpoint(model.spec.traffic().get(i).endpoint());
    }
    sessionSteps = new int[sessionSpec.length][];
    reauth = new int[sessionSpec.length];
    think = new Sampler[sessionSpec.length];
    thinkStream = new RandomStream[sessionSpec.length];
    for (int i = 0; i < sessionSpec.length; i++) {
      pattern[t + i] = sessionSpec[i].starts();
      sessionSteps[i] = sessionSpec[i].steps().stream().mapToInt(model.index::endpoint).toArray();
      reauth[i] =
          sessionSpec[i].reauth() == null ? -1 : model.index.endpoint(sessionSpec[i].reauth());
      think[i] = Sampler.of(sessionSpec[i].think());
      thinkStream[i] = sim.streams.stream("think:" + sessionSpec[i].name() + "#" + i);
    }
    peak = new double[sources];
    arrivalStream = new RandomStream[sources];
    routeStream = new RandomStream[sources];
    shedStream = new RandomStream[sources];
    for (int i = 0; i < sources; i++) {
      String name =
          i < t ? model.spec.traffic().get(i).endpoint() : "session:" + sessionSpec[i - t].name();
      arrivalStream[i] = sim.streams.stream("arrivals:" + name + "#" + i);
      routeStream[i] = sim.streams.stream("route:" + name + "#" + i);
      shedStream[i] = sim.streams.stream("shed:" + name + "#" + i);
    }
    growSessions(64);
  }

  void start() {
    for (int i = 0; i < sources; i++) {
      peak[i] =
          pattern[i].maxRate()
              * sim.control.maxSurge(i, isSession(i) ? "*" : model.endpoints.name[entry[i]]);
      if (peak[i] > 0) {
        next(i);
      }
    }
  }

  private boolean isSession(int i) {
    return i >= model.spec.traffic().size();
  }

  private void next(int i) {
    double t = sim.now() + Draws.exponential(arrivalStream[i], 1.0 / peak[i]);
    if (t < sim.config.duration()) {
      sim.schedule(t, isSession(i) ? Sim.SESSION_START : Sim.ARRIVAL, i, 0, 0);
    }
  }

  private static final int NONE = 0;
  private static final int ADMITTED = 1;
  private static final int SHED = 2;

  /**
   * A candidate arrival of source i: a user with probability rate(t) / peak (thinning), who is then
   * turned away with the shed probability. A shed user is not a request that never happened: it is
   * an error at the entry, as a load shedder's 503 is, and counts against the SLO.
   */
  private int admit(int i) {
    double rate = pattern[i].rateAt(sim.now()) * sim.knobs.surge[i];
    boolean accepted = arrivalStream[i].nextDouble() * peak[i] < rate;
    next(i);
    double p = sim.knobs.shed[i];
    boolean shed = p > 0 && shedStream[i].nextDouble() < p; // no draw while nothing is shed
    return !accepted ? NONE : shed ? SHED : ADMITTED;
  }

  void onArrival(int i) {
    int region = region(i);
    int admission = admit(i);
    if (admission == ADMITTED) {
      sim.flow.arriveRoot(entry[i], region, Requests.NONE);
    } else if (admission == SHED) {
      sim.flow.shedRoot(entry[i]);
    }
  }

  private int region(int i) {
    double[] w = sim.knobs.regionWeight;
    if (w.length == 1) {
      return 0;
    }
    double total = 0;
    for (double x : w) {
      total += x;
    }
    double u = routeStream[i].nextDouble() * total;
    for (int r = 0; r < w.length; r++) {
      u -= w[r];
      if (u < 0) {
        return r;
      }
    }
    return -1;
  }

  void onSessionStart(int i) {
    int admission = admit(i);
    int kind = i - model.spec.traffic().size();
    if (admission == ADMITTED) {
      issueStep(allocateSession(kind));
    } else if (admission == SHED) {
      sim.flow.shedRoot(sessionSteps[kind][0]);
    }
  }

  private void issueStep(int s) {
    int kind = sessionKind[s];
    phase[s] = PHASE_STEP;
    sim.flow.arriveRoot(sessionSteps[kind][step[s]], region(model.spec.traffic().size() + kind), s);
  }

  /** A session's request finished with {@code status}. */
  void onSessionStep(int s, int status) {
    int kind = sessionKind[s];
    if (phase[s] == PHASE_REAUTH) {
      sim.schedule(sim.now(), Sim.SESSION_NEXT, s, sessionGen[s], 0);
    } else if (status == Status.OK) {
      attempt[s] = 0;
      if (++step[s] == sessionSteps[kind].length) {
        releaseSession(s);
      } else {
        double wait = think[kind].sample(thinkStream[kind]);
        sim.schedule(sim.now() + wait, Sim.SESSION_NEXT, s, sessionGen[s], 0);
      }
    } else if (attempt[s] < sessionSpec[kind].retries()) {
      attempt[s]++;
      phase[s] = reauth[kind] >= 0 ? PHASE_REAUTH : PHASE_STEP;
      sim.schedule(
          sim.now() + sessionSpec[kind].retryDelay(), Sim.SESSION_NEXT, s, sessionGen[s], 1);
    } else {
      releaseSession(s);
    }
  }

  void onSessionNext(int s, int gen, int retry) {
    if (sessionGen[s] != gen) {
      return;
    }
    int kind = sessionKind[s];
    if (phase[s] == PHASE_REAUTH && retry == 1) {
      sim.flow.arriveRoot(reauth[kind], region(model.spec.traffic().size() + kind), s);
    } else {
      issueStep(s);
    }
  }

  private int allocateSession(int kind) {
    if (freeCount == 0) {
      growSessions(sessionCapacity * 2);
    }
    int s = freeSessions[--freeCount];
    sessionKind[s] = kind;
    step[s] = 0;
    attempt[s] = 0;
    phase[s] = PHASE_STEP;
    return s;
  }

  private void releaseSession(int s) {
    sessionGen[s]++;
    freeSessions[freeCount++] = s;
  }

  private void growSessions(int capacity) {
    int old = sessionCapacity;
    sessionKind = Arrays.copyOf(sessionKind, capacity);
    step = Arrays.copyOf(step, capacity);
    attempt = Arrays.copyOf(attempt, capacity);
    phase = Arrays.copyOf(phase, capacity);
    sessionGen = Arrays.copyOf(sessionGen, capacity);
    freeSessions = Arrays.copyOf(freeSessions, capacity);
    for (int s = capacity - 1; s >= old; s--) {
      freeSessions[freeCount++] = s;
    }
    sessionCapacity = capacity;
  }
}
