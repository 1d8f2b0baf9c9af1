package io.rehearsal.gateway.slack;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.rehearsal.gateway.decision.DecisionDesk;
import io.rehearsal.proto.v1.ApproveRequest;
import io.rehearsal.proto.v1.Decision;
import io.rehearsal.proto.v1.DecisionState;
import io.rehearsal.proto.v1.ReviewChannel;
import io.rehearsal.store.RedisStore;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code POST /slack/interactions} on the running gateway, with Slack on and the stand-in. */
@QuarkusTest
@TestProfile(SlackTestProfile.class)
class SlackInteractionResourceTest {

  private static final Logger LOG = Logger.getLogger(SlackInteractionResourceTest.class);

  @Inject DecisionDesk desk;
  @Inject RedisStore store;
  @Inject SlackIntegration slack;

  @TestHTTPResource("/slack/interactions")
  URI url;

  static final HttpClient HTTP = HttpClient.newHttpClient();

  /** An HTTP answer. */
  record Answer(int status, String contentType, String body) {}

  final SignatureVerifier signer =
      new SignatureVerifier(SlackTestProfile.SECRET, java.time.Clock.systemUTC());

  @BeforeEach
  void evidence() {
    SlackFixtures.storeEvaluation(store, Instant.now());
  }

  /** A decision waiting for approval, posted to Slack by the decision feed. */
  private Decision announced() {
    Decision d = SlackFixtures.pending(desk, "http-" + UUID.randomUUID(), false);
    await(() -> slack.message(d.getId()).isPresent());
    return d;
  }

  private Answer post(String timestamp, String signature, byte[] body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(url)
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (timestamp != null) {
      request.header(SignatureVerifier.TIMESTAMP_HEADER, timestamp);
    }
    if (signature != null) {
      request.header(SignatureVerifier.SIGNATURE_HEADER, signature);
    }
    try {
      HttpResponse<String> r = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(
          r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private Answer click(String user, Decision d) {
    byte[] body = body(user, d);
    String ts = Long.toString(Instant.now().getEpochSecond());
    return post(ts, signer.sign(ts, body), body);
  }

  private byte[] body(String user, Decision d) {
    String ts = slack.message(d.getId()).orElseThrow().ts();
    return SlackFixtures.clickBody(
            user, Interaction.Verdict.APPROVE, d.getId(), d.getRevision(), ts)
        .getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void shouldApproveWithChannelSlackAndUpdateTheMessageWhenAMappedUserClicks() {
    Decision d = announced();

    long start = System.nanoTime();
    assertThat(click("U0ALICE", d).status()).isEqualTo(200);
    Duration ack = Duration.ofNanos(System.nanoTime() - start);
    await(() -> desk.get(d.getId()).getState() == DecisionState.DECISION_STATE_APPROVED);
    await(() -> !updatesOf(d).isEmpty());

    assertThat(ack).isLessThan(Duration.ofSeconds(3));
    Decision stored = desk.get(d.getId());
    assertThat(stored.getReviews(0).getReviewer()).isEqualTo("alice@example.com");
    assertThat(stored.getReviews(0).getChannel()).isEqualTo(ReviewChannel.REVIEW_CHANNEL_SLACK);
    assertThat(store.audit().find("decision:" + d.getId() + ":2")).isPresent();
    assertThat(updatesOf(d).get(updatesOf(d).size() - 1).fields().get("blocks"))
        .contains("approved by alice@example.com via slack");
    LOG.infof("slack interaction acknowledged in %d ms", ack.toMillis());
  }

  @Test
  void shouldRefuseReplaysAndMutatedRequestsWith401AndChangeNothing() {
    Decision d = announced();
    byte[] body = body("U0ALICE", d);
    String ts = Long.toString(Instant.now().getEpochSecond());
    String signature = signer.sign(ts, body);
    Random random = new Random(401);
    int refused = 0;
    for (int i = 0; i < 300; i++) {
      byte[] bad = body.clone();
      bad[random.nextInt(bad.length)] ^= (byte) (1 << random.nextInt(8));
      String badTs = Long.toString(Long.parseLong(ts) - 301 - random.nextInt(1000));
      Answer r =
          switch (i % 4) {
            case 0 -> post(ts, signature, bad);
            case 1 -> post(badTs, signer.sign(badTs, body), body);
            case 2 -> post(ts, "v1" + signature.substring(2), body);
            default -> post(i % 8 == 3 ? null : ts, i % 8 == 3 ? signature : null, body);
          };
      assertThat(r.status()).as("mutated request %d", i).isEqualTo(401);
      assertThat(r.contentType()).startsWith("application/problem+json");
      assertThat(r.body()).contains("\"status\":401").contains("Slack request refused");
      refused++;
    }
    assertThat(post(ts, signature, body).status()).isEqualTo(200);
    Answer replayed = post(ts, signature, body);
    assertThat(replayed.status()).isEqualTo(401);
    assertThat(replayed.body()).contains("REPLAYED");
    await(() -> desk.get(d.getId()).getState() == DecisionState.DECISION_STATE_APPROVED);

    assertThat(refused).isEqualTo(300);
    assertThat(desk.get(d.getId()).getReviewsCount()).isEqualTo(1);
  }

  @Test
  void shouldLeaveTheDecisionPendingAndTellTheRequesterWhenTheyClick() {
    Decision d = announced();
    int ephemeral = SlackTestProfile.StandIn.slack.calls("chat.postEphemeral").size();

    assertThat(click("U0CAROL", d).status()).isEqualTo(200);
    await(() -> SlackTestProfile.StandIn.slack.calls("chat.postEphemeral").size() > ephemeral);

    assertThat(desk.get(d.getId())).isEqualTo(d);
  }

  @Test
  void shouldPostFromTheEventStreamAndShowADecisionApprovedOnThePage() {
    Decision d = announced();

    desk.approve(
        ApproveRequest.newBuilder()
            .setDecisionId(d.getId())
            .setReviewer("erin@example.com")
            .setChannel(ReviewChannel.REVIEW_CHANNEL_WEB)
            .setExpectedRevision(d.getRevision())
            .build());
    await(
        () ->
            updatesOf(d).stream()
                .anyMatch(
                    c ->
                        c.fields().get("blocks").contains("approved by erin@example.com via web")));

    assertThat(SlackTestProfile.StandIn.slack.calls("chat.postMessage"))
        .filteredOn(c -> c.fields().get("blocks").contains(d.getId()))
        .hasSize(1);
  }

  @Test
  void shouldAnswer400WhenASignedBodyIsNotAClick() {
    byte[] body = "payload=%7B%7D".getBytes(StandardCharsets.UTF_8);
    String ts = Long.toString(Instant.now().getEpochSecond());

    Answer answer = post(ts, signer.sign(ts, body), body);

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.body()).contains("block_actions");
  }

  private java.util.List<SlackStandIn.Call> updatesOf(Decision d) {
    return SlackTestProfile.StandIn.slack.calls("chat.update").stream()
        .filter(c -> c.fields().getOrDefault("blocks", "").contains(d.getId()))
        .toList();
  }

  private static void await(BooleanSupplier condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within 10 s");
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
