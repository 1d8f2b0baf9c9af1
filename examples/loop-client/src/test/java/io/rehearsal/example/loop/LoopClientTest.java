package io.rehearsal.example.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.rehearsal.gateway.ExampleGateway;
import io.rehearsal.proto.v1.Decision;
import io.rehearsal.proto.v1.DecisionState;
import io.rehearsal.proto.v1.Environment;
import io.rehearsal.proto.v1.Remediation;
import io.rehearsal.proto.v1.RemediationRequest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The loop client against the real gateway service and dispatcher (real gRPC, real redis-server),
 * delivering to a real {@link HookReceiver} whose first answer is lost (a 500 after acting).
 */
class LoopClientTest {

  @TempDir Path dir;
  private final List<Decision> acted = new CopyOnWriteArrayList<>();
  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
  private HookReceiver receiver;
  private ExampleGateway gateway;
  private ManagedChannel channel;

  @BeforeEach
  void start() throws Exception {
    receiver =
        new HookReceiver(
            new InetSocketAddress("127.0.0.1", 0), ExampleGateway.SECRET, acted::add, 1);
    gateway = new ExampleGateway(dir.resolve("redis"), receiver.url());
    channel = ManagedChannelBuilder.forTarget(gateway.target()).usePlaintext().build();
  }

  @AfterEach
  void stop() throws Exception {
    channel.shutdownNow();
    gateway.close();
    receiver.close();
  }

  @Test
  void shouldReachTheHookExactlyOnceWhenAllowedAndTheFirstAnswerIsLost() throws Exception {
    SandboxEvaluation.store(gateway.store, Instant.now(), List.of(SandboxEvaluation.SCALE_UP));
    Decision last = client().run(request(SandboxEvaluation.SCALE_UP, "STAGING"), wait(30));

    assertEquals(DecisionState.DECISION_STATE_EXECUTING, last.getState(), output());
    Thread.sleep(300); // a second effect, if any, would land now
    assertEquals(1, acted.size(), "effects");
    assertEquals(last.getId(), acted.get(0).getId());
    assertTrue(receiver.verifiedDeliveries() >= 2, "the lost answer was retried");
    assertTrue(output().contains(" APPROVED "), output());
    assertTrue(output().contains(" EXECUTING "), output());
    assertTrue(output().contains("rule staging-scale-up: matched ALLOW"), output());
  }

  @Test
  void shouldPrintReasonsAndNeverCallTheHookWhenDenied() throws Exception {
    SandboxEvaluation.store(gateway.store, Instant.now(), List.of(SandboxEvaluation.SCALE_TO_ZERO));
    Decision last = client().run(request(SandboxEvaluation.SCALE_TO_ZERO, "STAGING"), wait(30));

    assertEquals(DecisionState.DECISION_STATE_REJECTED, last.getState());
    assertTrue(output().contains(" REJECTED "), output());
    assertTrue(output().contains("  reason: "), output());
    assertTrue(output().contains("Explain needs role oncall"), output());
    assertTrue(output().contains("rule deny-scale-to-zero: matched DENY"), output());
    Thread.sleep(300);
    assertEquals(0, receiver.verifiedDeliveries(), "deliveries");
  }

  @Test
  void shouldShowRequiredApproversAndTheExplanationWhenPending() throws Exception {
    gateway.allowExplain(true);
    SandboxEvaluation.store(gateway.store, Instant.now(), List.of(SandboxEvaluation.ROLLBACK));
    Decision last = client().run(request(SandboxEvaluation.ROLLBACK, "PRODUCTION"), wait(1));

    assertEquals(DecisionState.DECISION_STATE_PENDING_APPROVAL, last.getState());
    assertEquals(2, last.getRequiredApprovers());
    assertTrue(output().contains("needs 2 approval(s) from on-call, 0 so far"), output());
    assertTrue(output().contains("explanation (default deny: false)"), output());
    assertTrue(output().contains("rule deny-scale-to-zero: no match"), output());
    assertTrue(output().contains("still PENDING_APPROVAL"), output());
    assertEquals(0, receiver.verifiedDeliveries(), "deliveries");
  }

  @Test
  void shouldSubmitOnceWhenTheLoopRunsTwiceFromTheSameFile() throws Exception {
    SandboxEvaluation.store(gateway.store, Instant.now(), List.of(SandboxEvaluation.ROLLBACK));
    Path file = dir.resolve("request.json");
    Files.writeString(
        file,
        "{\"evaluationId\":\"eval-checkout-7\",\"requester\":\"loop-1\",\"environment\":\"ENVIRONMENT_PRODUCTION\","
            + "\"remediation\":{\"id\":\"rollback-checkout\",\"rollback\":{\"toVersion\":\"1.41.2\"},"
            + "\"target\":{\"service\":\"checkout\"}}}");
    RemediationRequest request = LoopClient.readRequest(file);

    Decision first = client().run(request, Duration.ZERO);
    Decision second = client().run(LoopClient.readRequest(file), Duration.ZERO);

    assertEquals("loop-eval-checkout-7-rollback-checkout", request.getRequestId());
    assertEquals(first.getId(), second.getId());
    assertTrue(output().contains("already made (a replay)"), output());
  }

  @Test
  void shouldRetryAnOverloadedGatewayWithTheSameRequestAndActOnce() throws Exception {
    SandboxEvaluation.store(gateway.store, Instant.now(), List.of(SandboxEvaluation.SCALE_UP));
    gateway.shedNextSubmits(2);

    Decision last = client().run(request(SandboxEvaluation.SCALE_UP, "STAGING"), wait(30));

    assertEquals(DecisionState.DECISION_STATE_EXECUTING, last.getState(), output());
    assertEquals(2, output().split("gateway unavailable \\(overloaded", -1).length - 1, output());
    assertTrue(output().contains("attempt 3 of 6"), output());
    assertTrue(output().contains("decision made"), output()); // the third attempt decided it
    Thread.sleep(300); // a second effect, if any, would land now
    assertEquals(1, acted.size(), "effects");
    assertEquals(last.getId(), acted.get(0).getId());
  }

  @Test
  void shouldGiveUpAfterTheLastAttemptWithNothingDecided() {
    SandboxEvaluation.store(gateway.store, Instant.now(), List.of(SandboxEvaluation.SCALE_UP));
    gateway.shedNextSubmits(LoopClient.SUBMIT_ATTEMPTS);

    StatusRuntimeException e =
        assertThrows(
            StatusRuntimeException.class,
            () -> client().run(request(SandboxEvaluation.SCALE_UP, "STAGING"), wait(1)));

    assertEquals(Status.Code.UNAVAILABLE, e.getStatus().getCode());
    assertEquals(LoopClient.SUBMIT_ATTEMPTS - 1, output().split("retrying in", -1).length - 1);
    assertEquals(0L, gateway.store.audit().size(), "nothing decided");
    assertEquals(0, acted.size(), "effects");
  }

  @Test
  void shouldBeRefusedWhenTheTokenIsWrong() {
    LoopClient stranger = new LoopClient(channel, "not-a-token", new PrintStream(printed));
    StatusRuntimeException e =
        assertThrows(
            StatusRuntimeException.class,
            () -> stranger.run(request(SandboxEvaluation.SCALE_UP, "STAGING"), wait(1)));
    assertEquals(Status.Code.UNAUTHENTICATED, e.getStatus().getCode());
  }

  private LoopClient client() {
    return new LoopClient(
        channel, ExampleGateway.TOKEN, new PrintStream(printed, true, StandardCharsets.UTF_8));
  }

  private static RemediationRequest request(Remediation candidate, String environment) {
    return RemediationRequest.newBuilder()
        .setRequestId("loop-" + candidate.getId())
        .setRemediation(candidate)
        .setIncidentId("inc-7")
        .setEnvironment(Environment.valueOf("ENVIRONMENT_" + environment))
        .setEvaluationId(SandboxEvaluation.ID)
        .setRequester("loop:checkout-guard")
        .setReason("p99 above SLO")
        .build();
  }

  private static Duration wait(int seconds) {
    return Duration.ofSeconds(seconds);
  }

  private String output() {
    return printed.toString(StandardCharsets.UTF_8);
  }
}
