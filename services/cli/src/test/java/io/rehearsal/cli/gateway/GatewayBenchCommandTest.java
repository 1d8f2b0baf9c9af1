package io.rehearsal.cli.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import io.rehearsal.cli.Main;
import io.rehearsal.proto.v1.Decision;
import io.rehearsal.proto.v1.Evaluation;
import io.rehearsal.proto.v1.PolicyGatewayGrpc;
import io.rehearsal.proto.v1.RemediationRequest;
import io.rehearsal.proto.v1.SubmitResponse;
import io.rehearsal.store.RedisStore;
import io.rehearsal.store.StoreConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code rehearsal gateway bench} at 200/s for 2 s against a real gRPC server over real Redis. The
 * server stands in for the gateway's Submit: it checks the bearer token and that the evaluation
 * named was seeded in Redis (answering NOT_FOUND otherwise, as the gateway does).
 */
class GatewayBenchCommandTest {

  @TempDir Path dir;
  private RedisStore store;
  private Server server;
  private final Set<String> requestIds = ConcurrentHashMap.newKeySet();
  private final AtomicReference<String> authorization = new AtomicReference<>();
  private volatile boolean shedEveryOther;

  @BeforeEach
  void start() throws Exception {
    store = RedisStore.connect(StoreConfig.defaults().withDataDir(dir.resolve("redis")));
    io.grpc.ServerInterceptor recordToken =
        new io.grpc.ServerInterceptor() {
          @Override
          public <Q, A> io.grpc.ServerCall.Listener<Q> interceptCall(
              io.grpc.ServerCall<Q, A> call, Metadata headers, io.grpc.ServerCallHandler<Q, A> h) {
            authorization.set(
                headers.get(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER)));
            return h.startCall(call, headers);
          }
        };
    server =
        NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
            .addService(ServerInterceptors.intercept(new Submits(), recordToken))
            .build()
            .start();
  }

  @AfterEach
  void stop() {
    server.shutdownNow();
    store.close();
  }

  @Test
  void shouldSubmitAtTheRateWithUniqueIdsOnSeededEvaluationsWhenRun() throws Exception {
    Path token = Files.writeString(dir.resolve("automation.jwt"), "tok-123\n");
    JsonNode figures = bench(store.uri(), "--token-file", token.toString());

    assertThat(figures.get("sent").asInt()).isEqualTo(400);
    assertThat(figures.get("errors").asInt()).as(figures.toString()).isZero();
    assertThat(figures.get("decisions").asInt()).isEqualTo(400);
    assertThat(requestIds).hasSize(400);
    assertThat(figures.get("decisions_per_second").asDouble()).isBetween(150.0, 210.0);
    assertThat(figures.get("p50_ms").asDouble())
        .isPositive()
        .isLessThanOrEqualTo(figures.get("p99_ms").asDouble());
    assertThat(authorization.get()).isEqualTo("Bearer tok-123");
    assertThat(store.evaluations().size()).isEqualTo(10);
  }

  @Test
  void shouldCountErrorsWhenTheEvaluationsWereNotSeededWhereTheGatewayReads() throws Exception {
    // The server reads `store`; the bench seeds another Redis, so every Submit misses.
    try (RedisStore other =
        RedisStore.connect(StoreConfig.defaults().withDataDir(dir.resolve("other")))) {
      JsonNode figures = bench(other.uri());
      assertThat(figures.get("errors").asInt()).isEqualTo(400);
      assertThat(figures.get("first_error").asText()).contains("NOT_FOUND");
    }
  }

  @Test
  void shouldWarmUpAtTheRateWithoutMeasuringTheWarmUpWhenAsked() throws Exception {
    JsonNode figures = bench(store.uri(), "--warmup", "PT1S");

    assertThat(figures.get("warmup_s").asDouble()).isEqualTo(1.0);
    assertThat(figures.get("sent").asInt()).isEqualTo(400);
    assertThat(figures.get("decisions").asInt()).isEqualTo(400);
    assertThat(requestIds).hasSize(600); // 200 warm-up Submits, then the measured 400
    assertThat(requestIds.stream().filter(id -> id.contains("-warmup-"))).hasSize(200);
  }

  @Test
  void shouldCountSubmitsShedByAnOverloadedGatewayApartFromOtherErrors() throws Exception {
    shedEveryOther = true;
    JsonNode figures = bench(store.uri());

    assertThat(figures.get("sent").asInt()).isEqualTo(400);
    assertThat(figures.get("decisions").asInt()).isEqualTo(200);
    assertThat(figures.get("errors").asInt()).isEqualTo(200);
    assertThat(figures.get("shed_overloaded").asInt()).isEqualTo(200);
    assertThat(figures.get("refused_resource_exhausted").asInt()).isZero();
    assertThat(figures.get("bench_client_cpu_ms_per_decision").asDouble()).isPositive();
    assertThat(figures.has("gateway_cpu_ms_per_decision")).isFalse(); // not the bench's process
  }

  @Test
  void shouldCountTheFloorsNotFoundAnswersAsAnswersAndSubmitNothing() throws Exception {
    JsonNode figures = bench(store.uri(), "--floor");

    assertThat(figures.get("call").asText()).contains("--floor");
    assertThat(figures.get("decisions").asInt()).isEqualTo(400);
    assertThat(figures.get("errors").asInt()).isZero();
    assertThat(requestIds).hasSize(400).allMatch(id -> id.startsWith("floor-"));
  }

  @Test
  void shouldRefuseATargetWithoutItsRedis() {
    StringWriter err = new StringWriter();
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(new StringWriter()));
    cli.setErr(new PrintWriter(err));

    int code = cli.execute("gateway", "bench", "--target", "127.0.0.1:1", "--duration", "PT1S");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("--target and --redis-url go together");
    assertThat(requestIds).isEmpty();
  }

  private JsonNode bench(String redisUrl, String... extra) throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    String[] base = {
      "gateway",
      "bench",
      "--json",
      "--target",
      "127.0.0.1:" + server.getPort(),
      "--redis-url",
      redisUrl,
      "--rate",
      "200",
      "--duration",
      "PT2S",
      "--evaluations",
      "10"
    };
    String[] noWarmup =
        java.util.List.of(extra).contains("--warmup")
            ? new String[0]
            : new String[] {"--warmup", "PT0S"};
    String[] args =
        java.util.stream.Stream.of(base, noWarmup, extra)
            .flatMap(java.util.Arrays::stream)
            .toArray(String[]::new);
    int code = cli.execute(args);
    assertThat(code).as(err.toString()).isZero();
    return new ObjectMapper().readTree(out.toString());
  }

  /** Submit as the gateway answers it: NOT_FOUND for an evaluation not in Redis. */
  private final class Submits extends PolicyGatewayGrpc.PolicyGatewayImplBase {
    @Override
    public void getDecision(
        io.rehearsal.proto.v1.GetDecisionRequest r, StreamObserver<Decision> answer) {
      requestIds.add(r.getDecisionId());
      answer.onError(Status.NOT_FOUND.withDescription(r.getDecisionId()).asException());
    }

    @Override
    public void submit(RemediationRequest r, StreamObserver<SubmitResponse> answer) {
      String id = r.getRequestId();
      if (shedEveryOther && Integer.parseInt(id.substring(id.lastIndexOf('-') + 1)) % 2 == 0) {
        answer.onError(
            Status.UNAVAILABLE
                .withDescription("overloaded: 64 submits are being decided")
                .asException());
        return;
      }
      var stored = store.evaluations().get(r.getEvaluationId());
      if (stored.isEmpty()) {
        answer.onError(
            Status.NOT_FOUND.withDescription("evaluation " + r.getEvaluationId()).asException());
        return;
      }
      try {
        Evaluation e = Evaluation.parseFrom(stored.get());
        requestIds.add(r.getRequestId());
        answer.onNext(
            SubmitResponse.newBuilder()
                .setDecision(Decision.newBuilder().setId("dec-" + r.getRequestId()))
                .setCreated(e.getId().equals(r.getEvaluationId()))
                .build());
        answer.onCompleted();
      } catch (Exception ex) {
        answer.onError(Status.INVALID_ARGUMENT.withDescription(ex.getMessage()).asException());
      }
    }
  }
}
