package io.rehearsal.example.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.protobuf.util.JsonFormat;
import com.standardwebhooks.Webhook;
import io.rehearsal.proto.v1.Decision;
import io.rehearsal.proto.v1.DecisionState;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The receiver over real HTTP, deliveries signed with the Standard Webhooks library. */
class HookReceiverTest {

  private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
  private final HttpClient http = HttpClient.newHttpClient();
  private final List<Decision> acted = new CopyOnWriteArrayList<>();
  private HookReceiver receiver;

  @AfterEach
  void stop() {
    receiver.close();
  }

  @Test
  void shouldActOnceWhenTheSameDeliveryArrivesTwice() throws Exception {
    receiver = start(acted::add, 0);
    assertEquals(204, post("dec-1", SECRET));
    assertEquals(204, post("dec-1", SECRET));
    assertEquals(204, post("dec-2", SECRET));
    assertEquals(List.of("dec-1", "dec-2"), acted.stream().map(Decision::getId).toList());
    assertEquals(DecisionState.DECISION_STATE_APPROVED, acted.get(0).getState());
  }

  @Test
  void shouldRefuseWithoutActingWhenTheSignatureIsWrong() throws Exception {
    receiver = start(acted::add, 0);
    assertEquals(401, post("dec-1", "whsec_" + "QUJDREVGR0hJSktMTU5PUFFSU1RVVldY"));
    assertEquals(0, acted.size());
    assertEquals(0, receiver.verifiedDeliveries());
  }

  @Test
  void shouldAnswerTheRetryWithoutActingWhenTheFirstAnswerWasLost() throws Exception {
    receiver = start(acted::add, 1);
    assertEquals(500, post("dec-1", SECRET));
    assertEquals(204, post("dec-1", SECRET));
    assertEquals(1, acted.size());
  }

  @Test
  void shouldActOnTheRetryWhenTheActionFailed() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    receiver =
        start(
            d -> {
              if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("deployment API down");
              }
              acted.add(d);
            },
            0);
    assertEquals(500, post("dec-1", SECRET));
    assertEquals(204, post("dec-1", SECRET));
    assertEquals(2, calls.get());
    assertEquals(1, acted.size());
  }

  private static HookReceiver start(HookReceiver.Action action, int lostAnswers) throws Exception {
    return new HookReceiver(new InetSocketAddress("127.0.0.1", 0), SECRET, action, lostAnswers);
  }

  /** Posts a delivery as the gateway does, signed with {@code secret}; returns the status. */
  private int post(String id, String secret) throws Exception {
    Decision d =
        Decision.newBuilder().setId(id).setState(DecisionState.DECISION_STATE_APPROVED).build();
    long now = Instant.now().getEpochSecond();
    String body =
        "{\"type\":\"decision.approved\",\"timestamp\":"
            + now
            + ",\"data\":"
            + JsonFormat.printer().print(d)
            + "}";
    HttpRequest request =
        HttpRequest.newBuilder(receiver.url())
            .header("webhook-id", id)
            .header("webhook-timestamp", Long.toString(now))
            .header("webhook-signature", new Webhook(secret).sign(id, now, body))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
  }
}
