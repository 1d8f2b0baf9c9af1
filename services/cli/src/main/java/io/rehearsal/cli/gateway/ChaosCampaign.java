package io.rehearsal.cli.gateway;

import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.rehearsal.cli.CommandFailure;
import io.rehearsal.proto.v1.Evaluation;
import io.rehearsal.proto.v1.PolicyGatewayGrpc;
import io.rehearsal.proto.v1.RemediationRequest;
import io.rehearsal.proto.v1.SubmitResponse;
import io.rehearsal.store.AuditKey;
import io.rehearsal.store.EmbeddedRedis;
import io.rehearsal.store.RedisStore;
import io.rehearsal.store.StoreConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The kill -9 campaign: a real redis-server (AOF, {@code appendfsync always}) under the packaged
 * gateway, Submits over gRPC at a fixed rate, and in every cycle the redis-server process killed
 * with SIGKILL halfway through the load and restarted on the same directory and port. Afterwards
 * every request is submitted again until acknowledged, and {@link ChaosCheck} counts what an
 * acknowledged decision lost, what was duplicated, and verifies the audit chain.
 */
final class ChaosCampaign {

  /**
   * @param cycles kill -9 cycles
   * @param rate Submits per second during a cycle's load
   * @param load how long each cycle loads the gateway (the kill comes halfway)
   * @param down how long redis-server stays dead
   * @param evaluations evaluations seeded, one candidate each
   */
  record Settings(int cycles, int rate, Duration load, Duration down, int evaluations) {
    Settings {
      if (cycles < 1 || rate < 1 || evaluations < 1) {
        throw new CommandFailure(
            "--cycles, --rate and --evaluations must be >= 1, but were "
                + cycles
                + ", "
                + rate
                + ", "
                + evaluations);
      }
      if (load.isNegative() || load.isZero() || down.isNegative()) {
        throw new CommandFailure("--load must be positive and --down >= 0, but were " + load);
      }
    }
  }

  /** Allows the bench candidate in staging, so approvals, outbox and history are written too. */
  private final Settings settings;

  private final Path home;
  private final Path work;
  private final PrintWriter progress;
  private final ChaosCheck check = new ChaosCheck();
  private final List<Map<String, Object>> cycles = new ArrayList<>();

  ChaosCampaign(Settings settings, Path home, Path work, PrintWriter progress) {
    this.settings = settings;
    this.home = home;
    this.work = work;
    this.progress = progress;
  }

  /** Runs the campaign; the figures, with {@code passed} true when nothing was lost or doubled. */
  Map<String, Object> run() throws InterruptedException {
    AuditKey key = AuditKey.generate(new SecureRandom());
    Path data = work.resolve("redis");
    int port = GatewayProcess.freePorts(1)[0];
    EmbeddedRedis redis = EmbeddedRedis.start(data, port);
    try {
      String run = "chaos-" + Long.toHexString(System.nanoTime());
      seed(redis.uri(), key, run);
      try (GatewayProcess gateway = GatewayProcess.start(home, work, redis.uri(), key.toBase64())) {
        ManagedChannel channel = gateway.channel();
        try {
          var stub = PolicyGatewayGrpc.newStub(channel);
          int next = 0;
          for (int c = 1; c <= settings.cycles(); c++) {
            Cycle cycle = new Cycle(stub, run, next);
            next = cycle.load();
            redis = killAndRestart(redis, data, port, cycle);
            cycle.await();
            cycles.add(cycle.figures(c));
            progress.printf("cycle %d: %s%n", c, cycles.get(cycles.size() - 1));
            progress.flush();
          }
          check.resubmitUntilAcknowledged(channel, progress);
        } finally {
          channel.shutdownNow();
        }
      }
      return figures(redis.uri(), key);
    } finally {
      redis.close();
    }
  }

  private EmbeddedRedis killAndRestart(EmbeddedRedis redis, Path data, int port, Cycle cycle)
      throws InterruptedException {
    Thread.sleep(settings.load().toMillis() / 2);
    long pid = redis.pid();
    ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly); // SIGKILL
    ProcessHandle.of(pid).ifPresent(p -> p.onExit().join());
    cycle.killedAt = cycle.sent.get();
    redis.close();
    Thread.sleep(settings.down().toMillis());
    return EmbeddedRedis.start(data, port);
  }

  private Map<String, Object> figures(String uri, AuditKey key) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("cycles", settings.cycles());
    f.put("rate", settings.rate());
    f.put("load_s", settings.load().toMillis() / 1000.0);
    f.put("down_s", settings.down().toMillis() / 1000.0);
    try (RedisStore store =
        RedisStore.connect(StoreConfig.defaults().withRedisUrl(uri).withAuditKey(key))) {
      f.putAll(check.verify(store));
    }
    f.put("per_cycle", cycles);
    return f;
  }

  private void seed(String uri, AuditKey key, String run) {
    try (RedisStore store =
        RedisStore.connect(StoreConfig.defaults().withRedisUrl(uri).withAuditKey(key))) {
      Instant now = Instant.now();
      for (int i = 0; i < settings.evaluations(); i++) {
        Evaluation e = GatewayBenchCommand.evaluation(evaluationId(run, i), now);
        store.evaluations().put(e.getId(), GatewayBenchCommand.deterministic(e), now);
      }
    }
  }

  private RemediationRequest request(String run, int n) {
    return RemediationRequest.newBuilder()
        .setRequestId(run + "-" + n)
        .setRemediation(GatewayBenchCommand.candidate())
        .setIncidentId("bench-incident")
        .setEnvironment(io.rehearsal.proto.v1.Environment.ENVIRONMENT_STAGING)
        .setEvaluationId(evaluationId(run, n % settings.evaluations()))
        .setReason("gateway chaos")
        .build();
  }

  private static String evaluationId(String run, int i) {
    return run + "-eval-" + i;
  }

  /** One cycle's open-loop load, started on a thread of its own. */
  private final class Cycle {
    private final PolicyGatewayGrpc.PolicyGatewayStub stub;
    private final String run;
    private final int first;
    private final int total;
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicInteger acknowledged = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final Map<String, AtomicInteger> codes = new java.util.concurrent.ConcurrentHashMap<>();
    private final CountDownLatch done;
    private Thread thread;
    private volatile int killedAt;

    Cycle(PolicyGatewayGrpc.PolicyGatewayStub stub, String run, int first) {
      this.stub = stub;
      this.run = run;
      this.first = first;
      this.total = (int) Math.max(1, settings.rate() * settings.load().toMillis() / 1000);
      this.done = new CountDownLatch(total);
    }

    /** Starts the load; the index after the last request it sends. */
    int load() {
      thread = new Thread(this::send, "chaos-load");
      thread.start();
      return first + total;
    }

    private void send() {
      long period = TimeUnit.SECONDS.toNanos(1) / settings.rate();
      long start = System.nanoTime();
      for (int i = 0; i < total; i++) {
        long due = start + i * period;
        for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
          LockSupport.parkNanos(wait);
        }
        RemediationRequest request = request(run, first + i);
        check.sent(request);
        sent.incrementAndGet();
        stub.withDeadlineAfter(15, TimeUnit.SECONDS).submit(request, observer(request));
      }
    }

    private StreamObserver<SubmitResponse> observer(RemediationRequest request) {
      return new StreamObserver<>() {
        @Override
        public void onNext(SubmitResponse response) {
          check.acknowledged(request, response);
          acknowledged.incrementAndGet();
        }

        @Override
        public void onError(Throwable t) {
          failed.incrementAndGet();
          codes
              .computeIfAbsent(Status.fromThrowable(t).getCode().name(), k -> new AtomicInteger())
              .incrementAndGet();
          done.countDown();
        }

        @Override
        public void onCompleted() {
          done.countDown();
        }
      };
    }

    void await() throws InterruptedException {
      thread.join();
      if (!done.await(60, TimeUnit.SECONDS)) {
        throw new CommandFailure("Submits still unanswered 60 s after the cycle's load ended");
      }
    }

    Map<String, Object> figures(int number) {
      Map<String, Object> f = new LinkedHashMap<>();
      f.put("cycle", number);
      f.put("sent", total);
      f.put("killed_after_sent", killedAt);
      f.put("acknowledged", acknowledged.get());
      f.put("failed", failed.get());
      Map<String, Integer> byCode = new java.util.TreeMap<>();
      codes.forEach((k, v) -> byCode.put(k, v.get()));
      f.put("failed_by_code", byCode);
      return f;
    }
  }
}
