package io.rehearsal.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.util.JsonFormat;
import com.standardwebhooks.Webhook;
import io.rehearsal.proto.v1.Decision;
import io.rehearsal.proto.v1.DecisionState;
import io.rehearsal.proto.v1.Remediation;
import io.rehearsal.proto.v1.RemediationRequest;
import io.rehearsal.proto.v1.Target;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The demo's hook over real HTTP on loopback, signed with the Standard Webhooks library. */
class DemoHookReceiverTest {

  private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

  private final List<Decision> actuated = new CopyOnWriteArrayList<>();
  private final HttpClient http = HttpClient.newHttpClient();
  private DemoHookReceiver receiver;

  @AfterEach
  void stop() {
    if (receiver != null) {
      receiver.close();
    }
  }

  @Test
  void shouldActuateOnceWhenTheSameDecisionIsDeliveredTwice() throws Exception {
    receiver = DemoHookReceiver.start(SECRET, actuated::add);
    String body = envelope(decision("dec-1"));

    int first = post(body, "dec-1", new Webhook(SECRET));
    int again = post(body, "dec-1", new Webhook(SECRET));

    assertThat(first).isEqualTo(202);
    assertThat(again).isEqualTo(202);
    awaitActuations(1);
    Thread.sleep(200); // a second actuation would have run by now
    assertThat(actuated).hasSize(1);
    assertThat(actuated.get(0).getRequest().getRemediation().getScale().getDelta()).isEqualTo(1);
    assertThat(actuated.get(0).getRequest().getRemediation().getTarget().getService())
        .isEqualTo("catalog");
  }

  @Test
  void shouldRefuseWithoutActingWhenTheSignatureIsFromAnotherSecret() throws Exception {
    receiver = DemoHookReceiver.start(SECRET, actuated::add);
    Webhook forger = new Webhook("whsec_" + "QUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFB");

    int status = post(envelope(decision("dec-2")), "dec-2", forger);

    assertThat(status).isEqualTo(401);
    assertThat(receiver.refused()).isEqualTo(1);
    Thread.sleep(200);
    assertThat(actuated).isEmpty();
  }

  @Test
  void shouldAnswerBadRequestWhenTheSignedBodyHasNoDecision() throws Exception {
    receiver = DemoHookReceiver.start(SECRET, actuated::add);

    int status = post("{\"type\":\"decision.approved\"}", "dec-3", new Webhook(SECRET));

    assertThat(status).isEqualTo(400);
    assertThat(actuated).isEmpty();
  }

  @Test
  void shouldMakeAFreshWhsecSecretWhenStartedWithoutOne() throws Exception {
    receiver = DemoHookReceiver.start(actuated::add);

    assertThat(receiver.secret()).startsWith("whsec_").hasSizeGreaterThan(30);
    assertThat(receiver.url().getHost()).isEqualTo("127.0.0.1");
  }

  private int post(String body, String id, Webhook signer) throws Exception {
    long timestamp = System.currentTimeMillis() / 1000;
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(receiver.url().toString()))
            .header("webhook-id", id)
            .header("webhook-timestamp", Long.toString(timestamp))
            .header("webhook-signature", signer.sign(id, timestamp, body))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private void awaitActuations(int n) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (actuated.size() < n && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
  }

  private static Decision decision(String id) {
    Remediation scale =
        Remediation.newBuilder()
            .setScale(Remediation.Scale.newBuilder().setDelta(1))
            .setTarget(Target.newBuilder().setService("catalog"))
            .setSummary("catalog +1 replica")
            .build();
    return Decision.newBuilder()
        .setId(id)
        .setState(DecisionState.DECISION_STATE_APPROVED)
        .setRequest(RemediationRequest.newBuilder().setRemediation(scale))
        .build();
  }

  private static String envelope(Decision d) throws Exception {
    return "{\"type\":\"decision.approved\",\"timestamp\":\"2026-12-07T08:00:00Z\",\"data\":"
        + JsonFormat.printer().print(d)
        + "}";
  }
}
