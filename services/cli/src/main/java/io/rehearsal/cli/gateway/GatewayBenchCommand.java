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
import io.rehearsal.cli.CommandFailure;
import io.rehearsal.proto.v1.ConfidenceInterval;
import io.rehearsal.proto.v1.Environment;
import io.rehearsal.proto.v1.Evaluation;
import io.rehearsal.proto.v1.EvaluationStatus;
import io.rehearsal.proto.v1.Evidence;
import io.rehearsal.proto.v1.PairedComparison;
import io.rehearsal.proto.v1.PairedDifference;
import io.rehearsal.proto.v1.PolicyGatewayGrpc;
import io.rehearsal.proto.v1.RecommendationKind;
import io.rehearsal.proto.v1.Remediation;
import io.rehearsal.proto.v1.RemediationRequest;
import io.rehearsal.proto.v1.SubmitResponse;
import io.rehearsal.proto.v1.Target;
import io.rehearsal.proto.v1.TwinFidelity;
import io.rehearsal.store.RedisStore;
import io.rehearsal.store.StoreConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
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
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code rehearsal gateway bench}: an open-loop gRPC load client for a running gateway. It seeds
 * evaluations in the gateway's Redis, then fires Submits with unique request ids on a fixed
 * schedule ({@code --rate}) whatever the answers, and measures each latency from the moment the
 * call was due (so a stalled gateway shows in the percentiles instead of slowing the load).
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description =
        "Load a running gateway with Submits at a fixed rate; print throughput and latency.",
    footer = {"", "Exit codes: 0 measured, 2 usage error or Redis not reachable."})
public final class GatewayBenchCommand implements Runnable {

  @Spec CommandSpec spec;

  @Option(names = "--target", description = "Gateway gRPC address (default: ${DEFAULT-VALUE}).")
  String target = "localhost:9090";

  @Option(names = "--token-file", description = "A token with role automation.")
  Path tokenFile;

  @Option(names = "--redis-url", required = true, description = "The gateway's Redis.")
  String redisUrl;

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

  @Option(names = "--json", description = "Print the figures as JSON.")
  boolean json;

  @Override
  public void run() {
    if (rate < 1
        || evaluations < 1
        || connections < 1
        || duration.isNegative()
        || duration.isZero()) {
      throw new CommandFailure(
          "--rate, --evaluations, --connections and --duration must be positive");
    }
    String run = UUID.randomUUID().toString().substring(0, 8); // request ids unique per run
    seed(run);
    List<ManagedChannel> channels = new ArrayList<>();
    for (int i = 0; i < connections; i++) {
      channels.add(ManagedChannelBuilder.forTarget(target).usePlaintext().build());
    }
    try {
      print(load(channels, run));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CommandFailure("interrupted", e);
    } finally {
      channels.forEach(ManagedChannel::shutdownNow);
    }
  }

  /** Writes {@code evaluations} evaluations as the sandbox would, one candidate each. */
  private void seed(String run) {
    try (RedisStore store = RedisStore.connect(StoreConfig.defaults().withRedisUrl(redisUrl))) {
      Instant now = Instant.now();
      for (int i = 0; i < evaluations; i++) {
        Evaluation e = evaluation(evaluationId(run, i), now);
        store.evaluations().put(e.getId(), deterministic(e), now);
      }
    } catch (RuntimeException e) {
      throw new CommandFailure("cannot seed evaluations in " + redisUrl + ": " + e.getMessage(), e);
    }
  }

  private Map<String, Object> load(List<ManagedChannel> channels, String run)
      throws InterruptedException {
    io.grpc.ClientInterceptor bearer = bearer();
    List<PolicyGatewayGrpc.PolicyGatewayStub> stubs =
        channels.stream().map(c -> PolicyGatewayGrpc.newStub(c).withInterceptors(bearer)).toList();
    int total = (int) Math.max(1, rate * duration.toMillis() / 1000);
    long period = TimeUnit.SECONDS.toNanos(1) / rate;
    long[] latencies = new long[total];
    AtomicInteger errors = new AtomicInteger();
    AtomicInteger refused = new AtomicInteger();
    AtomicReference<String> firstError = new AtomicReference<>("");
    CountDownLatch done = new CountDownLatch(total);
    long start = System.nanoTime();
    for (int i = 0; i < total; i++) {
      long due = start + i * period;
      for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
        LockSupport.parkNanos(wait);
      }
      int n = i;
      stubs
          .get(i % stubs.size())
          .withDeadlineAfter(30, TimeUnit.SECONDS)
          .submit(
              request(run, n),
              new StreamObserver<>() {
                @Override
                public void onNext(SubmitResponse value) {}

                @Override
                public void onError(Throwable t) {
                  errors.incrementAndGet();
                  if (Status.fromThrowable(t).getCode() == Status.Code.RESOURCE_EXHAUSTED) {
                    refused.incrementAndGet();
                  }
                  firstError.compareAndSet("", t.getMessage());
                  latencies[n] = -1;
                  done.countDown();
                }

                @Override
                public void onCompleted() {
                  latencies[n] = System.nanoTime() - due;
                  done.countDown();
                }
              });
    }
    done.await(60, TimeUnit.SECONDS);
    double seconds = (System.nanoTime() - start) / 1e9;
    long[] ok = Arrays.stream(latencies).filter(l -> l > 0).sorted().toArray();
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("target", target);
    figures.put("rate", rate);
    figures.put("duration_s", duration.toMillis() / 1000.0);
    figures.put("sent", total);
    figures.put("decisions", ok.length);
    figures.put("errors", total - ok.length);
    figures.put("refused_resource_exhausted", refused.get());
    figures.put("connections", connections);
    figures.put("decisions_per_second", round(ok.length / seconds));
    figures.put("p50_ms", round(percentile(ok, 0.50) / 1e6));
    figures.put("p99_ms", round(percentile(ok, 0.99) / 1e6));
    figures.put("max_ms", round((ok.length == 0 ? 0 : ok[ok.length - 1]) / 1e6));
    figures.put("first_error", firstError.get());
    return figures;
  }

  private io.grpc.ClientInterceptor bearer() {
    Metadata headers = new Metadata();
    if (tokenFile != null) {
      try {
        headers.put(
            Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER),
            "Bearer " + Files.readString(tokenFile).strip());
      } catch (IOException e) {
        throw new CommandFailure("cannot read --token-file " + tokenFile + ": " + e.getMessage());
      }
    }
    return MetadataUtils.newAttachHeadersInterceptor(headers);
  }

  private RemediationRequest request(String run, int n) {
    return RemediationRequest.newBuilder()
        .setRequestId("bench-" + run + "-" + n)
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
