package io.rehearsal.twin.engine;

import io.rehearsal.twin.random.StreamFactory;
import io.rehearsal.twin.run.RunResult;
import io.rehearsal.twin.run.SimulationConfig;
import io.rehearsal.twin.spec.Scenario;

/**
 * One simulation run: owns the clock, the event queue and all state, and dispatches events to the
 * parts that handle them. Single-threaded; one instance per replication; no static mutable state.
 *
 * <h2>Event kinds</h2>
 *
 * <p>An event is a time, a priority, a kind and three int arguments {@code a, b, c} (see {@link
 * EventQueue}); unused arguments are 0. Events at the same time run in priority order, then in the
 * order they were pushed. Most events carry a <em>staleness check</em>: the handler compares a
 * generation or token in the event with the live one and ignores the event if they differ, so
 * nothing has to be unscheduled when a request, call attempt, replica, session or autoscaler moves
 * on. "Slot" is a call slot {@code h * Requests.SLOTS + i} of request {@code h}, "token" the slot's
 * token for one attempt (see {@link Requests}).
 *
 * <table>
 *   <caption>event kinds: payload, who schedules them, what handling does</caption>
 *   <tr><th>kind</th><th>a</th><th>b</th><th>c</th><th>priority</th><th>scheduled by</th>
 *       <th>handled by: what it does</th></tr>
 *   <tr><td>{@link #ARRIVAL} 0</td><td>traffic source {@code i < T}</td><td>-</td><td>-</td>
 *       <td>normal</td><td>{@code Traffic.next} (at start, then after every candidate)</td>
 *       <td>{@code Traffic.onArrival}: thinning accept, schedules the next candidate, load
 *       shedding, region pick, then {@code Flow.arriveRoot}</td></tr>
 *   <tr><td>{@link #SELF_DONE} 1</td><td>request {@code h}</td><td>its generation</td>
 *       <td>its CPU epoch</td><td>normal</td>
 *       <td>{@code Flow.start} (self time without CPU; now for an injected error),
 *       {@code Flow.afterCpu} (the wait after the CPU part), {@code CpuHosts.scheduleEnd} (a job
 *       running free on its core; ticket kept in {@code Requests.cpuTicket} and withdrawn when the
 *       job starts sharing)</td>
 *       <td>{@code Flow.onSelfDone}: stale unless generation and CPU epoch match; leaves the CPU
 *       lists, frees the worker (non-blocking endpoints), starts the first call group</td></tr>
 *   <tr><td>2</td><td colspan="6">unused (was CPU_DONE; CPU completions are timers now, see
 *       below)</td></tr>
 *   <tr><td>{@link #CALL_TIMEOUT} 3</td><td>slot</td><td>token</td><td>-</td><td>normal</td>
 *       <td>{@code CallFlow.scheduleTimeout}, only when the call's {@link TimeoutRings ring}
 *       refuses the deadline (a remediation shortened the timeout); otherwise the ring's timer
 *       fires it</td>
 *       <td>{@code CallFlow.onTimeout}: stale unless the token matches; counts a caller timeout
 *       for endpoint calls, then resolves the attempt as TIMEOUT</td></tr>
 *   <tr><td>{@link #RESPONSE} 4</td><td>slot</td><td>token</td><td>{@link Status} code</td>
 *       <td>normal</td>
 *       <td>{@code Flow.answer} (a child's answer over a network delay),
 *       {@code Backends.callDependency} (after its latency; at once as REJECTED when rate
 *       limited), {@code Backends.callCache} (hit, or miss without a database),
 *       {@code Backends.callDatabase} (at once as ERROR during an outage or failover)</td>
 *       <td>{@code CallFlow.resolve}: stale unless the token matches; feeds the breaker, then
 *       schedules a RETRY or concludes the call for the parent's group</td></tr>
 *   <tr><td>{@link #RETRY} 5</td><td>slot</td><td>next token</td><td>-</td><td>normal</td>
 *       <td>{@code CallFlow.resolve} after a failed attempt, at now + backoff with jitter</td>
 *       <td>{@code CallFlow.onRetry}: stale unless the token matches; a new attempt (breaker
 *       check, timeout, call)</td></tr>
 *   <tr><td>{@link #CHILD_ARRIVE} 6</td><td>child request</td><td>its generation</td>
 *       <td>chosen replica {@code r}</td><td>normal</td>
 *       <td>{@code CallFlow.callEndpoint} when the network delay to {@code r} is above 0</td>
 *       <td>{@code Flow.onChildArrive}: stale unless the generation matches; admission at
 *       {@code r} if it is still ready, else REJECTED</td></tr>
 *   <tr><td>{@link #REPLICA_READY} 7</td><td>replica {@code r}</td><td>its generation</td>
 *       <td>-</td><td>normal</td><td>{@code Control.launch}, after a startup-latency draw</td>
 *       <td>{@code Control.onReplicaReady}: if still STARTING, marks it READY and lets
 *       {@link Rolling} drain the next old replica</td></tr>
 *   <tr><td>{@link #ACTION} 8</td><td>action: {@code a < 2F} fault {@code a / 2} starts (even)
 *       or ends (odd); else remediation {@code a - 2F}</td><td>-</td><td>-</td><td>control</td>
 *       <td>{@code Control.start}, for every fault start and end and every remediation</td>
 *       <td>{@code Control.onAction}: a crash kills replicas and reconciles; other faults
 *       recompute the {@link Knobs} ({@link FaultEffects}); a remediation goes to
 *       {@link Remediator}</td></tr>
 *   <tr><td>{@link #AUTOSCALE} 9</td><td>service {@code s}</td><td>autoscaler generation</td>
 *       <td>-</td><td>late</td>
 *       <td>{@code Autoscaling.start}, {@code .replace} (an AUTOSCALER remediation) and
 *       {@code .onSync} itself, every period</td>
 *       <td>{@code Autoscaling.onSync}: stale unless the generation matches; averages the metric
 *       over the period, recommends, stabilises, scales</td></tr>
 *   <tr><td>{@link #BUCKET} 10</td><td>bucket index {@code b}</td><td>-</td><td>-</td>
 *       <td>late</td><td>{@link #run} (bucket 0 at time 0), then {@code onBucket} for the next
 *       boundary</td>
 *       <td>{@code onBucket}: samples ready replicas into bucket {@code b}, schedules {@code b +
 *       1}, closes bucket {@code b - 1} in the {@link Recorder}</td></tr>
 *   <tr><td>{@link #SESSION_START} 11</td><td>source {@code i >= T} (a session kind)</td>
 *       <td>-</td><td>-</td><td>normal</td><td>{@code Traffic.next}</td>
 *       <td>{@code Traffic.onSessionStart}: thinning accept, schedules the next candidate,
 *       starts a session at its first step</td></tr>
 *   <tr><td>{@link #SESSION_NEXT} 12</td><td>session {@code s}</td><td>session generation</td>
 *       <td>1 after a failed step, else 0</td><td>normal</td>
 *       <td>{@code Traffic.onSessionStep}: after think time (step done), after the retry delay
 *       (step failed), at once (re-authentication done)</td>
 *       <td>{@code Traffic.onSessionNext}: stale unless the generation matches; sends the
 *       re-authentication request or the current step</td></tr>
 *   <tr><td>{@link #CACHE_MISS} 13</td><td>slot</td><td>token</td><td>database</td>
 *       <td>normal</td><td>{@code Backends.callCache}, after the miss latency, when the cache
 *       has a backing database</td>
 *       <td>{@code Backends.onCacheMiss}: stale unless the token matches; queries the
 *       database</td></tr>
 *   <tr><td>{@link #DB_DONE} 14</td><td>slot</td><td>token</td><td>database</td>
 *       <td>normal</td><td>{@code Backends.startQuery}, after the query latency</td>
 *       <td>{@code Backends.onDatabaseDone}: frees the connection (stale or not), resolves the
 *       attempt as OK, starts waiting queries</td></tr>
 *   <tr><td>{@link #WARMUP} 15</td><td>-</td><td>-</td><td>-</td><td>control</td>
 *       <td>{@link #run}, when the run has a warm-up</td>
 *       <td>{@code onWarmup}: the {@link Recorder} and {@link Control} start measuring</td></tr>
 *   <tr><td>{@link #END} 16</td><td>-</td><td>-</td><td>-</td><td>late + 1</td>
 *       <td>{@link #run}, at the run's duration</td><td>the run loop stops</td></tr>
 * </table>
 *
 * <p>Priorities: {@link #PRIORITY_CONTROL} (faults, remediations, warm-up) before {@link
 * #PRIORITY_NORMAL} (requests and calls) before {@link #PRIORITY_LATE} (bucket and autoscaler
 * ticks, which should see everything else that happened at their time), and END after all.
 *
 * <p>Not events but {@link Timers}, merged with the queue in {@link #run} at normal priority and
 * handled by {@code onTimer}: each host's next CPU completion (ids {@code [0, hosts)}, while it is
 * saturated), each call's earliest pending timeout (ids {@code [hosts, hosts + calls)}, see {@link
 * TimeoutRings}) and each capped replica's next CPU completion (ids from {@code hosts + calls}).
 * Their order words come from the queue's sequence, so they fire exactly where an event would.
 */
final class Sim {
  static final int ARRIVAL = 0;
  static final int SELF_DONE = 1;
  static final int CALL_TIMEOUT = 3;
  static final int RESPONSE = 4;
  static final int RETRY = 5;
  static final int CHILD_ARRIVE = 6;
  static final int REPLICA_READY = 7;
  static final int ACTION = 8;
  static final int AUTOSCALE = 9;
  static final int BUCKET = 10;
  static final int SESSION_START = 11;
  static final int SESSION_NEXT = 12;
  static final int CACHE_MISS = 13;
  static final int DB_DONE = 14;
  static final int WARMUP = 15;
  static final int END = 16;
  static final int PRIORITY_CONTROL = 0;
  static final int PRIORITY_NORMAL = 1;
  static final int PRIORITY_LATE = 2;

  final Model model;
  final SimulationConfig config;
  final Scenario scenario;
  final long seed;
  final int replication;
  final SimClock clock = new SimClock();
  final EventQueue events = new EventQueue(1024);
  final Timers timers;
  final TimeoutRings timeouts;
  final Requests requests = new Requests(256);
  final Replicas replicas;
  final Knobs knobs;
  final Recorder recorder;
  final CpuHosts cpu;
  final Breakers breakers;
  final StreamFactory streams;
  final Flow flow;
  final CallFlow calls;
  final Backends backends;
  final Traffic traffic;
  final Control control;
  final Autoscaling autoscaling;
  long processed;
  private boolean ended;

  Sim(Model model, Scenario scenario, SimulationConfig config, long seed, int replication) {
    this.model = model;
    this.config = config;
    this.scenario = scenario;
    this.seed = seed;
    this.replication = replication;
    this.streams = new StreamFactory(seed, replication);
    this.replicas = new Replicas(model.services, model.regions);
    this.knobs = new Knobs(model);
    this.recorder =
        new Recorder(
            model.endpoints.count,
            model.spec.dependencies().size(),
            config.buckets(),
            config.bucket(),
            config.keepBucketHistograms(),
            config.warmup() == 0,
            model.spec.slos().stream().mapToInt(o -> model.index.endpoint(o.endpoint())).toArray(),
            model.spec.slos().stream().mapToDouble(o -> o.percentile()).toArray());
    int hosts = model.hostCores.length;
    int replicaTimers = hosts + model.calls.count;
    this.timers = new Timers(replicaTimers + 16);
    this.timeouts = new TimeoutRings(model.calls.count, timers, hosts);
    this.cpu = new CpuHosts(model, requests, replicas, events, timers, replicaTimers);
    this.breakers = new Breakers(model.calls);
    this.flow = new Flow(this);
    this.calls = new CallFlow(this);
    this.backends = new Backends(this);
    this.traffic = new Traffic(this);
    this.control = new Control(this);
    this.autoscaling = new Autoscaling(this);
  }

  double now() {
    return clock.now();
  }

  void schedule(double time, int kind, int a, int b, int c) {
    events.push(time, PRIORITY_NORMAL, kind, a, b, c);
  }

  void scheduleAt(double time, int priority, int kind, int a) {
    events.push(time, priority, kind, a, 0, 0);
  }

  RunResult run() {
    control.start();
    traffic.start();
    autoscaling.start();
    if (config.warmup() > 0) {
      scheduleAt(config.warmup(), PRIORITY_CONTROL, WARMUP, 0);
    }
    scheduleAt(0, PRIORITY_LATE, BUCKET, 0);
    scheduleAt(config.duration(), PRIORITY_LATE + 1, END, 0);
    while (!ended) {
      if (events.popBefore(timers.firstKeyTime(), timers.firstKeyOrder())) {
        clock.advanceTo(events.time());
        processed++;
        dispatch(events.kind(), events.a(), events.b(), events.c());
      } else if (!timers.isEmpty()) {
        int id = timers.first();
        clock.advanceTo(timers.firstTime());
        processed++;
        onTimer(id);
      } else {
        break;
      }
    }
    return new Results(this).build();
  }

  private void dispatch(int kind, int a, int b, int c) {
    switch (kind) {
      case ARRIVAL -> traffic.onArrival(a);
      case SELF_DONE -> flow.onSelfDone(a, b, c);
      case CALL_TIMEOUT -> calls.onTimeout(a, b);
      case RESPONSE -> calls.resolve(a, b, c);
      case RETRY -> calls.onRetry(a, b);
      case CHILD_ARRIVE -> flow.onChildArrive(a, b, c);
      case REPLICA_READY -> control.onReplicaReady(a, b);
      case ACTION -> control.onAction(a);
      case AUTOSCALE -> autoscaling.onSync(a, b);
      case BUCKET -> onBucket(a);
      case SESSION_START -> traffic.onSessionStart(a);
      case SESSION_NEXT -> traffic.onSessionNext(a, b, c);
      case CACHE_MISS -> backends.onCacheMiss(a, b, c);
      case DB_DONE -> backends.onDatabaseDone(a, b, c);
      case WARMUP -> onWarmup();
      case END -> ended = true;
      default -> throw new IllegalStateException("unknown event kind " + kind);
    }
  }

  /** Timers of hosts and replicas are CPU completions, the others call timeouts. */
  private void onTimer(int id) {
    if (cpu.owns(id)) {
      cpu.onTimer(id, now());
      int n = cpu.doneCount;
      for (int i = 0; i < n; i++) {
        flow.afterCpu(cpu.finished(i));
      }
    } else {
      calls.onTimeoutTimer(timeouts.callOf(id));
    }
  }

  private void onBucket(int b) {
    int buckets = config.buckets();
    if (b < buckets) {
      control.sampleBucket(b);
      double next = Math.min((b + 1) * config.bucket(), config.duration());
      scheduleAt(next, PRIORITY_LATE, BUCKET, b + 1);
    }
    if (b > 0) {
      recorder.closeBucket(b - 1);
    }
  }

  private void onWarmup() {
    recorder.startMeasuring(now());
    control.startMeasuring();
  }
}
