package io.rehearsal.twin.engine;

import io.rehearsal.twin.random.StreamFactory;
import io.rehearsal.twin.run.RunResult;
import io.rehearsal.twin.run.SimulationConfig;
import io.rehearsal.twin.spec.Scenario;

/**
 * One simulation run: owns the clock, the event queue and all state, and dispatches events to the
 * parts that handle them. Single-threaded; one instance per replication; no static mutable state.
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
      default -> ended = true;
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
