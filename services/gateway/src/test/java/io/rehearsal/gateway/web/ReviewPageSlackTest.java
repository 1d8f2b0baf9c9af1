package io.rehearsal.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.rehearsal.gateway.decision.DecisionDesk;
import io.rehearsal.gateway.slack.Interaction;
import io.rehearsal.proto.v1.Decision;
import io.rehearsal.proto.v1.DecisionState;
import io.rehearsal.proto.v1.Evaluation;
import io.rehearsal.store.RedisStore;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * The page and Slack decide the same decisions through the same desk: a signed Slack click shows on
 * the page with channel SLACK, a page approval updates the Slack message, and the second channel to
 * act is refused (the first valid decision wins).
 */
@QuarkusTest
@TestProfile(WebSlackProfile.class)
class ReviewPageSlackTest {

  @Inject RedisStore store;
  @Inject DecisionDesk desk;

  @TestHTTPResource("/")
  URI base;

  @Test
  void shouldShowOnThePageAnApprovalClickedInSlack() throws Exception {
    Decision d = pending();
    String ts = awaitPosted(d);

    HttpResponse<String> click = click(d, ts);
    assertThat(click.statusCode()).isEqualTo(200);

    WebClient alice = new WebClient(base);
    alice.signIn("alice", WebTestProfile.password("alice"));
    await(() -> desk.get(d.getId()).getState() == DecisionState.DECISION_STATE_APPROVED);
    String status = alice.get("/ui/decisions/" + d.getId() + "/status").body();
    assertThat(status).contains("data-state=\"APPROVED\"", "data-channel=\"SLACK\"", ">bob<");

    HttpResponse<String> late =
        alice.post(
            "/ui/decisions/" + d.getId() + "/approve",
            Map.of("revision", "2", PageGuard.CSRF, alice.csrf()));
    assertThat(late.statusCode()).isEqualTo(409); // decided in Slack first
    assertThat(desk.get(d.getId()).getReviewsCount()).isEqualTo(1);
  }

  @Test
  void shouldUpdateTheSlackMessageWhenApprovedOnThePage() throws Exception {
    Decision d = pending();
    awaitPosted(d);
    WebClient alice = new WebClient(base);
    alice.signIn("alice", WebTestProfile.password("alice"));

    HttpResponse<String> answer =
        alice.post(
            "/ui/decisions/" + d.getId() + "/approve",
            Map.of("revision", "1", PageGuard.CSRF, alice.csrf()));

    assertThat(answer.statusCode()).isEqualTo(303);
    await(() -> !WebSlackProfile.Slack.slack.calls("chat.update", d.getId()).isEmpty());
    assertThat(WebSlackProfile.Slack.slack.calls("chat.update", d.getId()).get(0).body())
        .contains("alice");
  }

  private Decision pending() {
    String run = "slack-" + UUID.randomUUID().toString().substring(0, 8);
    Evaluation e = WebFixtures.store(store, run, Instant.now());
    return desk.submit(WebFixtures.request(run, e, 1)).decision();
  }

  /** Waits for the decision's Slack message and returns its ts. */
  private static String awaitPosted(Decision d) throws InterruptedException {
    await(() -> !WebSlackProfile.Slack.slack.calls("chat.postMessage", d.getId()).isEmpty());
    return WebSlackProfile.Slack.slack.calls("chat.postMessage", d.getId()).get(0).ts();
  }

  private HttpResponse<String> click(Decision d, String ts) throws Exception {
    String json =
        "{\"type\":\"block_actions\",\"user\":{\"id\":\""
            + WebSlackProfile.SLACK_BOB
            + "\"},\"container\":{\"type\":\"message\",\"message_ts\":\""
            + ts
            + "\",\"channel_id\":\""
            + WebSlackProfile.CHANNEL
            + "\"},\"channel\":{\"id\":\""
            + WebSlackProfile.CHANNEL
            + "\"},\"actions\":[{\"action_id\":\""
            + Interaction.Verdict.APPROVE.actionId()
            + "\",\"type\":\"button\",\"value\":\""
            + Interaction.buttonValue(d.getId(), d.getRevision())
            + "\"}]}";
    String body = "payload=" + URLEncoder.encode(json, StandardCharsets.UTF_8);
    String timestamp = Long.toString(Instant.now().getEpochSecond());
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(
        new SecretKeySpec(WebSlackProfile.SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    String signature =
        "v0="
            + HexFormat.of()
                .formatHex(
                    mac.doFinal(("v0:" + timestamp + ":" + body).getBytes(StandardCharsets.UTF_8)));
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(base.resolve("/slack/interactions"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Slack-Request-Timestamp", timestamp)
                .header("X-Slack-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  private static void await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within 10 s");
      }
      Thread.sleep(50);
    }
  }
}
