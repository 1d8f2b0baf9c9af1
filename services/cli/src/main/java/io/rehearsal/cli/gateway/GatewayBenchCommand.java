package io.rehearsal.cli.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.Message;
import com.google.protobuf.Timestamp;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.stub.MetadataUtils;
import io.grpc.stub.StreamObserver;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.rehearsal.cli.CommandFailure;
import io.rehearsal.proto.v1.ConfidenceInterval;
import io.rehearsal.proto.v1.Environment;
import io.rehearsal.proto.v1.Evaluation;
import io.rehearsal.proto.v1.EvaluationStatus;
import io.rehearsal.proto.v1.Evidence;
import io.rehearsal.proto.v1.GetDecisionRequest;
import io.rehearsal.proto.v1.PairedComparison;
import io.rehearsal.proto.v1.PairedDifference;
import io.rehearsal.proto.v1.PolicyGatewayGrpc;
import io.rehearsal.proto.v1.RecommendationKind;
import io.rehearsal.proto.v1.Remediation;
import io.rehearsal.proto.v1.RemediationRequest;
import io.rehearsal.proto.v1.SubmitResponse;
import io.rehearsal.proto.v1.Target;
import io.rehearsal.proto.v1.TwinFidelity;
import io.rehearsal.store.AuditKey;
import io.rehearsal.store.EmbeddedRedis;
import io.rehearsal.store.RedisStore;
import io.rehearsal.store.StoreConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code rehearsal gateway bench}: an open-loop gRPC load client. Without {@code --target} it
 * starts what it measures: an embedded redis-server (AOF, {@code appendfsync always}) and the
 * packaged gateway with local credentials and a policy that allows the bench candidate (so every
 * Submit takes the automatic path: evidence, circumstances, budget token, decision, audit entry,
 * outbox). It seeds evaluations in the gateway's Redis, warms the gateway up (its JIT compiles for
 * a minute or two under load; a cold gateway measures the compiler), then fires Submits with unique
 * request ids on a fixed schedule ({@code --rate}) whatever the answers, and measures each latency
 * from the moment the call was due (so a stalled gateway shows in the percentiles instead of
 * slowing the load). The figures say whether the Redis writes were durable ({@code
 * redis_appendfsync}).
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description =
        "Load a gateway with Submits at a fixed rate after a warm-up; print throughput and"
            + " latency. Without --target it starts its own Redis and gateway.",
    footer = {
      "",
      "Exit codes: 0 measured, 1 the gateway could not be started, 2 usage error or Redis not"
          + " reachable."
    })
public final class GatewayBenchCommand implements Runnable {

  @Spec CommandSpec spec;

  @Option(
      names = "--target",
      description =
          "A running gateway's gRPC address (needs --redis-url). Default: start an embedded Redis"
              + " and the packaged gateway for the run, and stop them after.")
  String target;

  @Option(names = "--token-file", description = "A token with role automation (with --target).")
  Path tokenFile;

  @Option(names = "--redis-url", description = "The running gateway's Redis (with --target).")
  String redisUrl;

  @Option(
      names = "--warmup",
      description =
          "Load at the same rate before the measured run, not measured (default: ${DEFAULT-VALUE}:"
              + " a fresh gateway's JIT compiler still takes a third of its CPU after 60 s; PT0S"
              + " for none).")
  Duration warmup = Duration.ofMinutes(4);

  @Option(names = "--rate", description = "Submits per second (default: ${DEFAULT-VALUE}).")
  int rate = 2000;

  @Option(names = "--duration", description = "Load duration (default: ${DEFAULT-VALUE}).")
  Duration duration = Duration.ofSeconds(60);

  @Option(names = "--evaluations", description = "Evaluations seeded (default: ${DEFAULT-VALUE}).")
  int evaluations = 100;

  @Option(
      names = "--connections",
      description =
          "gRPC connections the load is spread over, round robin (default: ${DEFAULT-VALUE}; the"
              + " gateway serves each connection on one event loop).")
  int connections = 2;

  @Option(
      names = "--floor",
      description =
          "Load GetDecision of a malformed id instead of Submit: authentication and gRPC, answered"
              + " on the event loop, no Redis and no decision (NOT_FOUND counts as the answer) —"
              + " the floor under any Submit on this machine.")
  boolean floor;

  @Option(names = "--json", description = "Print the figures as JSON.")
  boolean json;

  @Override
  public void run() {
    if (rate < 1
        || evaluations < 1
        || connections < 1
        || duration.isNegative()
        || duration.isZero()
        || warmup.isNegative()) {
      throw new ParameterException(
          spec.commandLine(),
          "--rate, --evaluations, --connections and --duration must be positive, --warmup not"
              + " negative");
    }
    if ((target == null) != (redisUrl == null)) {
      throw new ParameterException(
          spec.commandLine(),
          "--target and --redis-url go together (a running gateway and its Redis); give neither"
              + " to let the bench start both");
    }
    if (target != null) {
      print(measure(target, token(tokenFile), redisUrl, "given (--target)", Map.of()));
      return;
    }
    Path work = workDirectory();
    Map<String, Object> figures;
    EmbeddedRedis redis =
        EmbeddedRedis.start(work.resolve("redis"), GatewayProcess.freePorts(1)[0]);
    try (GatewayProcess gateway =
        GatewayProcess.start(
            home(), work, redis.uri(), AuditKey.generate(new SecureRandom()).toBase64())) {
      figures =
          measure(
              gateway.target(),
              gateway.token("automation"),
              redis.uri(),
              "started by the bench (packaged gateway, the bench policy, its own Redis; both"
                  + " removed after the run)",
              Map.of(
                  "gateway", gateway.handle(),
                  "redis", ProcessHandle.of(redis.pid()).orElseThrow()));
    } finally {
      redis.close();
    }
    // Only a measured run removes its directory: after a failure its gateway.log says why.
    removeTree(work);
    print(figures);
  }

  /**
   * Deletes a bench's work directory: its Redis AOF grows by about 2 KB per decision (a minute at
   * 2,000/s leaves hundreds of MB in the temporary directory otherwise).
   */
  private static void removeTree(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      System.err.println("rehearsal: could not remove " + dir + ": " + e.getMessage());
    }
  }

  /**
   * Warms up, then measures; {@code processes} (the gateway and Redis the bench started) have their
   * CPU time over the measured run reported per decision, as the bench's own process has.
   */
  private Map<String, Object> measure(
      String address,
      String token,
      String redis,
      String gatewayOrigin,
      Map<String, ProcessHandle> processes) {
    String run = UUID.randomUUID().toString().substring(0, 8); // request ids unique per run
    seed(redis, run);
    List<ManagedChannel> channels = new ArrayList<>();
    for (int i = 0; i < connections; i++) {
      // Answers are counted where they arrive (the channel's event loop): the default executor
      // would
      // hand each one to another thread, CPU the bench takes from the gateway it shares cores with.
      channels.add(
          ManagedChannelBuilder.forTarget(address).usePlaintext().directExecutor().build());
    }
    try {
      if (!warmup.isZero()) {
        load(channels, token, run, "warmup-", warmup);
        Thread.sleep(2_000); // let the warm-up's stragglers finish before the clock starts
      }
      Map<String, Object> figures = new LinkedHashMap<>();
      figures.put("target", address);
      figures.put("gateway", gatewayOrigin);
      figures.put("redis_appendfsync", appendfsync(redis));
      figures.put("warmup_s", warmup.toMillis() / 1000.0);
      figures.put("call", floor ? "GetDecision of a malformed id (--floor)" : "Submit");
      Map<String, ProcessHandle> measured = new LinkedHashMap<>(processes);
      measured.put("bench_client", ProcessHandle.current());
      Map<String, Duration> before = cpu(measured);
      Map<String, Object> load = load(channels, token, run, "", duration);
      figures.putAll(load);
      figures.put("outbox_pending_at_end", outboxPending(redis));
      Map<String, Duration> after = cpu(measured);
      int decided = (Integer) load.get("decisions");
      after.forEach(
          (name, used) ->
              figures.put(
                  name + "_cpu_ms_per_decision",
                  decided == 0 || !before.containsKey(name)
                      ? null
                      : round(used.minus(before.get(name)).toNanos() / 1e6 / decided)));
      return figures;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CommandFailure("interrupted", e);
    } finally {
      channels.forEach(ManagedChannel::shutdownNow);
    }
  }

  /** Each process's CPU time so far, where the operating system tells it. */
  private static Map<String, Duration> cpu(Map<String, ProcessHandle> processes) {
    Map<String, Duration> used = new LinkedHashMap<>();
    processes.forEach(
        (name, process) -> {
          process.info().totalCpuDuration().ifPresent(cpu -> used.put(name, cpu));
          if (name.equals("redis")) { // its AOF rewrites and snapshots run in forked children
            ForkedCpu.of(process).ifPresent(cpu -> used.put("redis_forks", cpu));
          }
        });
    return used;
  }

  /**
   * Approved decisions the gateway's dispatcher has not handled yet: one that keeps up leaves about
   * a poll interval's worth when the load ends; one that falls behind leaves a growing backlog the
   * latency figures would not show.
   */
  private static long outboxPending(String redis) {
    try (RedisStore store = RedisStore.connect(StoreConfig.defaults().withRedisUrl(redis))) {
      return store.journal().outbox().size();
    }
  }

  /** The Redis durability setting the figures were measured with. */
  private static String appendfsync(String redis) {
    RedisClient client = RedisClient.create(redis);
    try (StatefulRedisConnection<String, String> connection = client.connect()) {
      Map<String, String> aof = connection.sync().configGet("appendonly");
      Map<String, String> fsync = connection.sync().configGet("appendfsync");
      return "yes".equals(aof.get("appendonly"))
          ? fsync.getOrDefault("appendfsync", "?")
          : "no AOF";
    } catch (RuntimeException e) {
      return "unknown (" + e.getMessage() + ")";
    } finally {
      client.shutdown();
    }
  }

  private static Path workDirectory() {
    try {
      return Files.createTempDirectory("rehearsal-bench-");
    } catch (IOException e) {
      throw new CommandFailure("cannot create a work directory: " + e.getMessage(), e);
    }
  }

  private static Path home() {
    String home = System.getProperty("rehearsal.home");
    return Path.of(home == null || home.isBlank() ? "." : home).toAbsolutePath().normalize();
  }

  /** Writes {@code evaluations} evaluations as the sandbox would, one candidate each. */
  private void seed(String redis, String run) {
    try (RedisStore store = RedisStore.connect(StoreConfig.defaults().withRedisUrl(redis))) {
      Instant now = Instant.now();
      for (int i = 0; i < evaluations; i++) {
        Evaluation e = evaluation(evaluationId(run, i), now);
        store.evaluations().put(e.getId(), deterministic(e), now);
      }
    } catch (RuntimeException e) {
      throw new CommandFailure("cannot seed evaluations in " + redis + ": " + e.getMessage(), e);
    }
  }

  private Map<String, Object> load(
      List<ManagedChannel> channels, String token, String run, String phase, Duration length)
      throws InterruptedException {
    io.grpc.ClientInterceptor bearer = bearer(token);
    List<PolicyGatewayGrpc.PolicyGatewayStub> stubs =
        channels.stream().map(c -> PolicyGatewayGrpc.newStub(c).withInterceptors(bearer)).toList();
    int total = (int) Math.max(1, rate * length.toMillis() / 1000);
    long period = TimeUnit.SECONDS.toNanos(1) / rate;
    long[] latencies = new long[total];
    AtomicInteger refused = new AtomicInteger();
    AtomicInteger shed = new AtomicInteger();
    AtomicReference<String> firstError = new AtomicReference<>("");
    Map<String, Integer> states = new java.util.concurrent.ConcurrentSkipListMap<>();
    CountDownLatch done = new CountDownLatch(total);
    long start = System.nanoTime();
    for (int i = 0; i < total; i++) {
      long due = start + i * period;
      for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
        LockSupport.parkNanos(wait);
      }
      int n = i;
      PolicyGatewayGrpc.PolicyGatewayStub stub =
          stubs.get(i % stubs.size()).withDeadlineAfter(30, TimeUnit.SECONDS);
      Answer<Object> answer =
          new Answer<>(
              floor ? Status.Code.NOT_FOUND : Status.Code.OK,
              value -> {
                if (value instanceof SubmitResponse submitted) {
                  states.merge(submitted.getDecision().getState().name(), 1, Integer::sum);
                }
              },
              error -> {
                Status status = Status.fromThrowable(error);
                if (status.getCode() == Status.Code.RESOURCE_EXHAUSTED) {
                  refused.incrementAndGet();
                } else if (status.getCode() == Status.Code.UNAVAILABLE
                    && String.valueOf(status.getDescription()).startsWith("overloaded")) {
                  shed.incrementAndGet();
                }
                firstError.compareAndSet("", error.getMessage());
                latencies[n] = -1;
                done.countDown();
              },
              () -> {
                latencies[n] = System.nanoTime() - due;
                done.countDown();
              });
      if (floor) { // a malformed id: NOT_FOUND without a Redis read
        stub.getDecision(
            GetDecisionRequest.newBuilder().setDecisionId("floor-" + n).build(), answer.as());
      } else {
        stub.submit(request(run, phase, n), answer.as());
      }
    }
    done.await(60, TimeUnit.SECONDS);
    double seconds = (System.nanoTime() - start) / 1e9;
    long[] ok = Arrays.stream(latencies).filter(l -> l > 0).sorted().toArray();
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("rate", rate);
    figures.put("duration_s", length.toMillis() / 1000.0);
    figures.put("sent", total);
    figures.put("decisions", ok.length);
    figures.put("errors", total - ok.length);
    figures.put("shed_overloaded", shed.get());
    figures.put("refused_resource_exhausted", refused.get());
    figures.put("connections", connections);
    figures.put("decisions_per_second", round(ok.length / seconds));
    figures.put("p50_ms", round(percentile(ok, 0.50) / 1e6));
    figures.put("p99_ms", round(percentile(ok, 0.99) / 1e6));
    figures.put("max_ms", round((ok.length == 0 ? 0 : ok[ok.length - 1]) / 1e6));
    figures.put("p99_ms_per_second", perSecondP99(latencies, period));
    figures.put("first_error", firstError.get());
    figures.put("states", new LinkedHashMap<>(states));
    return figures;
  }

  /**
   * The p99 of each second of the schedule (by when the calls were due): a tail spread evenly over
   * the run and one made in a few bad seconds (a Redis AOF rewrite, a GC) need different fixes.
   */
  private static List<Double> perSecondP99(long[] latencies, long period) {
    int perSecond = (int) Math.max(1, TimeUnit.SECONDS.toNanos(1) / period);
    List<Double> p99s = new ArrayList<>();
    for (int from = 0; from < latencies.length; from += perSecond) {
      long[] second =
          Arrays.stream(latencies, from, Math.min(latencies.length, from + perSecond))
              .filter(l -> l > 0)
              .sorted()
              .toArray();
      p99s.add(round(percentile(second, 0.99) / 1e6));
    }
    return p99s;
  }

  /**
   * One call's answer: {@code expected} (OK, or the error code the call is meant to end with) is a
   * success, anything else an error.
   */
  private record Answer<T>(
      Status.Code expected,
      java.util.function.Consumer<T> value,
      java.util.function.Consumer<Throwable> failed,
      Runnable succeeded)
      implements StreamObserver<T> {

    @SuppressWarnings("unchecked")
    <V> StreamObserver<V> as() {
      return (StreamObserver<V>) this;
    }

    @Override
    public void onNext(T v) {
      value.accept(v);
    }

    @Override
    public void onError(Throwable t) {
      if (Status.fromThrowable(t).getCode() == expected) {
        succeeded.run();
      } else {
        failed.accept(t);
      }
    }

    @Override
    public void onCompleted() {
      succeeded.run();
    }
  }

  private static String token(Path file) {
    if (file == null) {
      return null;
    }
    try {
      return Files.readString(file).strip();
    } catch (IOException e) {
      throw new CommandFailure("cannot read --token-file " + file + ": " + e.getMessage());
    }
  }

  private static io.grpc.ClientInterceptor bearer(String token) {
    Metadata headers = new Metadata();
    if (token != null) {
      headers.put(
          Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + token);
    }
    return MetadataUtils.newAttachHeadersInterceptor(headers);
  }

  private RemediationRequest request(String run, String phase, int n) {
    return RemediationRequest.newBuilder()
        .setRequestId("bench-" + run + "-" + phase + n)
        .setRemediation(candidate())
        .setIncidentId("bench-incident")
        .setEnvironment(Environment.ENVIRONMENT_STAGING)
        .setEvaluationId(evaluationId(run, n % evaluations))
        .setReason("gateway bench")
        .build();
  }

  private static String evaluationId(String run, int i) {
    return "bench-" + run + "-eval-" + i;
  }

  static Remediation candidate() {
    return Remediation.newBuilder()
        .setId("bench-scale")
        .setScale(Remediation.Scale.newBuilder().setDelta(1))
        .setTarget(Target.newBuilder().setService("bench"))
        .setSummary("bench +1 replica")
        .build();
  }

  /** A succeeded evaluation recommending the bench candidate on strong, fresh evidence. */
  static Evaluation evaluation(String id, Instant at) {
    PairedDifference utility =
        PairedDifference.newBuilder()
            .setMean(0.04)
            .setCi(ConfidenceInterval.newBuilder().setLower(0.02).setUpper(0.06).setLevel(0.95))
            .setProbabilityOfImprovement(0.97)
            .build();
    Evidence unhashed =
        Evidence.newBuilder()
            .setCandidate(candidate())
            .setEvaluationId(id)
            .setVsDoNothing(PairedComparison.newBuilder().setUtility(utility))
            .setReplications(20)
            .setRank(1)
            .setTwinSnapshotHash("b".repeat(64))
            .build();
    Evidence evidence =
        unhashed.toBuilder()
            .setEvidenceHash(sha256(deterministic(unhashed)))
            .setTwinFidelity(
                TwinFidelity.newBuilder()
                    .setLatencyP99Mape(0.08)
                    .setCalibratedAt(timestamp(at.minus(Duration.ofHours(1)))))
            .build();
    return Evaluation.newBuilder()
        .setId(id)
        .setIncidentId("bench-incident")
        .setStatus(EvaluationStatus.EVALUATION_STATUS_SUCCEEDED)
        .setCreatedAt(timestamp(at.minusSeconds(60)))
        .setFinishedAt(timestamp(at))
        .setRecommendationKind(RecommendationKind.RECOMMENDATION_KIND_RESTORES)
        .addEvidence(evidence)
        .addRanking(candidate().getId())
        .build();
  }

  private void print(Map<String, Object> figures) {
    try {
      if (json) {
        spec.commandLine().getOut().println(new ObjectMapper().writeValueAsString(figures));
      } else {
        figures.forEach((k, v) -> spec.commandLine().getOut().printf("%-22s %s%n", k, v));
      }
      spec.commandLine().getOut().flush();
    } catch (IOException e) {
      throw new CommandFailure("cannot print the figures: " + e.getMessage(), e);
    }
  }

  private static double percentile(long[] sorted, double p) {
    return sorted.length == 0 ? 0 : sorted[(int) Math.ceil(p * sorted.length) - 1];
  }

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }

  /** Deterministic bytes, as the sandbox stores (and the gateway hashes) them. */
  static byte[] deterministic(Message m) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      CodedOutputStream out = CodedOutputStream.newInstance(bytes);
      out.useDeterministicSerialization();
      m.writeTo(out);
      out.flush();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Timestamp timestamp(Instant t) {
    return Timestamp.newBuilder().setSeconds(t.getEpochSecond()).setNanos(t.getNano()).build();
  }
}
