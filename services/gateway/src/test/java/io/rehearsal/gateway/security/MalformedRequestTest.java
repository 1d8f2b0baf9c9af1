package io.rehearsal.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.CallCredentials;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rehearsal.proto.v1.ApproveRequest;
import io.rehearsal.proto.v1.CancelRequest;
import io.rehearsal.proto.v1.ExplainRequest;
import io.rehearsal.proto.v1.GetDecisionRequest;
import io.rehearsal.proto.v1.PolicyGatewayGrpc;
import io.rehearsal.proto.v1.RejectRequest;
import io.rehearsal.proto.v1.RemediationRequest;
import io.rehearsal.proto.v1.ReportOutcomeRequest;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * Malformed, truncated and oversized protobufs sent as raw bytes to every unary gateway RPC over a
 * real gRPC channel, as a caller holding the right role (so the bytes reach the parser): no call
 * ends in INTERNAL or UNKNOWN, and the gateway still answers a well-formed call afterwards. {@code
 * -Dgateway.fuzz.count=100000} runs the full campaign (default 10,000 to keep the suite short); the
 * status histogram is printed.
 */
@QuarkusTest
@QuarkusTestResource(TestTls.class)
class MalformedRequestTest {

  private static final Logger LOG = Logger.getLogger(MalformedRequestTest.class);

  private static final long SEED = 20261207L;
  private static final int COUNT = Integer.getInteger("gateway.fuzz.count", 10_000);
  private static final int THREADS = 4;

  /** Above quarkus.grpc.server.max-inbound-message-size (4 MiB). */
  private static final int OVERSIZED = 4 * 1024 * 1024 + 1;

  @Test
  void shouldNeverAnswerInternalAndKeepServingWhenRequestsAreMalformed() throws Exception {
    List<MethodDescriptor<byte[], byte[]>> methods = unaryMethods();
    ManagedChannel channel = Credentials.plaintext();
    long started = System.nanoTime();
    try {
      Map<Status.Code, Integer> histogram = new EnumMap<>(Status.Code.class);
      List<String> bad = new ArrayList<>();
      ExecutorService pool = Executors.newFixedThreadPool(THREADS);
      List<Future<Map<Status.Code, Integer>>> parts = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        parts.add(pool.submit(() -> campaign(channel, methods, thread, bad)));
      }
      for (Future<Map<Status.Code, Integer>> part : parts) {
        part.get(10, TimeUnit.MINUTES).forEach((k, v) -> histogram.merge(k, v, Integer::sum));
      }
      pool.shutdown();
      double seconds = (System.nanoTime() - started) / 1e9;
      LOG.infof(
          "gateway fuzz: %d calls in %.1f s, statuses %s",
          histogram.values().stream().mapToInt(Integer::intValue).sum(), seconds, histogram);

      assertThat(bad).as("calls answered INTERNAL or UNKNOWN").isEmpty();
      assertThat(histogram.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(COUNT);
      assertThat(histogram).doesNotContainKeys(Status.Code.INTERNAL, Status.Code.UNKNOWN);
      assertThat(histogram).containsKey(Status.Code.RESOURCE_EXHAUSTED);
      assertThatTheGatewayStillAnswers(channel);
    } finally {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  private static Map<Status.Code, Integer> campaign(
      ManagedChannel channel,
      List<MethodDescriptor<byte[], byte[]>> methods,
      int thread,
      List<String> bad) {
    Random random = new Random(SEED + thread);
    Map<Status.Code, Integer> histogram = new EnumMap<>(Status.Code.class);
    Map<String, CallCredentials> tokens = new java.util.HashMap<>();
    for (int i = thread; i < COUNT; i += THREADS) {
      MethodDescriptor<byte[], byte[]> method = methods.get(random.nextInt(methods.size()));
      byte[] body = i % 2_500 == 0 ? new byte[OVERSIZED] : Mutations.next(random, seed(method));
      CallCredentials auth =
          tokens.computeIfAbsent(
              method.getFullMethodName(),
              m ->
                  Credentials.bearer(
                      Credentials.localToken(new TreeSet<>(RpcRoles.rolesFor(m)).first())));
      Status status = RawCalls.call(channel, method, auth, body);
      histogram.merge(status.getCode(), 1, Integer::sum);
      if (status.getCode() == Status.Code.INTERNAL || status.getCode() == Status.Code.UNKNOWN) {
        synchronized (bad) {
          if (bad.size() < 20) {
            bad.add(method.getFullMethodName() + " " + status + " for " + body.length + " bytes");
          }
        }
      }
    }
    return histogram;
  }

  private static void assertThatTheGatewayStillAnswers(ManagedChannel channel) {
    StatusRuntimeException notFound =
        org.assertj.core.api.Assertions.catchThrowableOfType(
            StatusRuntimeException.class,
            () ->
                PolicyGatewayGrpc.newBlockingStub(channel)
                    .withCallCredentials(
                        Credentials.bearer(Credentials.localToken(RpcRoles.AUTOMATION)))
                    .withDeadlineAfter(10, TimeUnit.SECONDS)
                    .getDecision(
                        GetDecisionRequest.newBuilder().setDecisionId("dec-after-fuzz").build()));
    assertThat(notFound.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
  }

  /** The gateway's unary RPCs that this build of the proto has (streams would wait for events). */
  private static List<MethodDescriptor<byte[], byte[]>> unaryMethods() {
    List<MethodDescriptor<byte[], byte[]>> methods = new ArrayList<>();
    for (MethodDescriptor<?, ?> m : PolicyGatewayGrpc.getServiceDescriptor().getMethods()) {
      if (m.getType() == MethodDescriptor.MethodType.UNARY) {
        methods.add(RawCalls.raw(m.getFullMethodName(), m.getType()));
      }
    }
    return methods;
  }

  /** A well-formed request of the method's type, for mutations to start from. */
  private static byte[] seed(MethodDescriptor<byte[], byte[]> method) {
    String name = method.getFullMethodName();
    String rpc = name.substring(name.lastIndexOf('/') + 1);
    return switch (rpc) {
      case "Submit" ->
          RemediationRequest.newBuilder()
              .setRequestId("fuzz-1")
              .setEvaluationId("eval-fuzz")
              .setReason("fuzz seed")
              .build()
              .toByteArray();
      case "Approve" ->
          ApproveRequest.newBuilder()
              .setDecisionId("dec-fuzz")
              .setComment("ok")
              .setExpectedRevision(1)
              .build()
              .toByteArray();
      case "Reject" ->
          RejectRequest.newBuilder()
              .setDecisionId("dec-fuzz")
              .setReason("no")
              .setExpectedRevision(1)
              .build()
              .toByteArray();
      case "Cancel" ->
          CancelRequest.newBuilder()
              .setDecisionId("dec-fuzz")
              .setReason("no")
              .setExpectedRevision(2)
              .build()
              .toByteArray();
      case "ReportOutcome" ->
          ReportOutcomeRequest.newBuilder().setDecisionId("dec-fuzz").build().toByteArray();
      case "Explain" -> ExplainRequest.newBuilder().setDecisionId("dec-fuzz").build().toByteArray();
      default -> GetDecisionRequest.newBuilder().setDecisionId("dec-fuzz").build().toByteArray();
    };
  }
}
