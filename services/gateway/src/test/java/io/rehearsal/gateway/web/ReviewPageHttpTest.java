package io.rehearsal.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.rehearsal.gateway.decision.DecisionDesk;
import io.rehearsal.proto.v1.Decision;
import io.rehearsal.proto.v1.DecisionState;
import io.rehearsal.proto.v1.Evaluation;
import io.rehearsal.store.RedisStore;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The review page over plain HTTP, for what a browser never sends: posts without a CSRF token,
 * requests without a session, and the headers and cookies a browser would enforce silently.
 */
@QuarkusTest
@TestProfile(WebTestProfile.class)
class ReviewPageHttpTest {

  @Inject RedisStore store;
  @Inject DecisionDesk desk;

  @TestHTTPResource("/")
  URI base;

  private Decision pending() {
    String run = UUID.randomUUID().toString().substring(0, 8);
    Evaluation e = WebFixtures.store(store, "http-" + run, Instant.now());
    return desk.submit(WebFixtures.request("http-" + run, e, 1)).decision();
  }

  @Test
  void shouldRedirectToSignInWhenNotSignedIn() throws Exception {
    HttpResponse<String> answer = new WebClient(base).get("/ui/decisions");

    assertThat(answer.statusCode()).isEqualTo(302);
    assertThat(answer.headers().firstValue("Location").orElse("")).endsWith("/ui/login");
  }

  @Test
  void shouldRefuseAReviewPostWithoutCsrfTokenAndChangeNothing() throws Exception {
    Decision d = pending();
    WebClient alice = new WebClient(base);
    assertThat(alice.signIn("alice", WebTestProfile.password("alice")).statusCode()).isEqualTo(302);

    HttpResponse<String> noToken =
        alice.post(
            "/ui/decisions/" + d.getId() + "/approve", Map.of("revision", "1", "comment", "ok"));
    HttpResponse<String> wrongToken =
        alice.post(
            "/ui/decisions/" + d.getId() + "/approve",
            Map.of("revision", "1", PageGuard.CSRF, "x".repeat(43)));

    assertThat(noToken.statusCode()).isEqualTo(403);
    assertThat(noToken.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    assertThat(noToken.body()).contains("CSRF");
    assertThat(wrongToken.statusCode()).isEqualTo(403);
    assertThat(desk.get(d.getId()).getRevision()).isEqualTo(1);
    assertThat(desk.get(d.getId()).getState())
        .isEqualTo(DecisionState.DECISION_STATE_PENDING_APPROVAL);
  }

  @Test
  void shouldApproveWhenThePostCarriesTheToken() throws Exception {
    Decision d = pending();
    WebClient alice = new WebClient(base);
    alice.signIn("alice", WebTestProfile.password("alice"));

    HttpResponse<String> answer =
        alice.post(
            "/ui/decisions/" + d.getId() + "/approve",
            Map.of("revision", "1", "comment", "looks right", PageGuard.CSRF, alice.csrf()));

    assertThat(answer.statusCode()).isEqualTo(303);
    Decision now = desk.get(d.getId());
    assertThat(now.getState()).isEqualTo(DecisionState.DECISION_STATE_APPROVED);
    assertThat(now.getReviews(0).getReviewer()).isEqualTo("alice");
    assertThat(now.getReviews(0).getChannel().name()).isEqualTo("REVIEW_CHANNEL_WEB");
  }

  @Test
  void shouldRefuseToApproveAnExpiredDecisionWithAProblem() throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 8);
    Evaluation e = WebFixtures.store(store, "exp-" + run, Instant.now());
    Decision d =
        desk.submit(
                WebFixtures.request("exp-" + run, e, 1).toBuilder()
                    .setTtl(com.google.protobuf.Duration.newBuilder().setNanos(300_000_000))
                    .build())
            .decision();
    WebClient alice = new WebClient(base);
    alice.signIn("alice", WebTestProfile.password("alice"));
    Thread.sleep(400);

    HttpResponse<String> answer =
        alice.post(
            "/ui/decisions/" + d.getId() + "/approve",
            Map.of("revision", "1", PageGuard.CSRF, alice.csrf()));

    assertThat(answer.statusCode()).isEqualTo(409);
    assertThat(answer.body()).contains("FAILED_PRECONDITION").containsIgnoringCase("expire");
    assertThat(desk.get(d.getId()).getState()).isEqualTo(DecisionState.DECISION_STATE_EXPIRED);
  }

  @Test
  void shouldRefuseSignInWithoutCsrfToken() throws Exception {
    WebClient client = new WebClient(base);
    client.get("/ui/login");

    HttpResponse<String> answer =
        client.post(
            PageGuard.POST_LOCATION, Map.of("j_username", "alice", "j_password", "alice-pw"));

    assertThat(answer.statusCode()).isEqualTo(403);
    assertThat(answer.body()).contains("CSRF");
    assertThat(client.cookie("quarkus-credential")).isEmpty();
  }

  @Test
  void shouldEndTheSessionWhenSignedOutWithTheToken() throws Exception {
    WebClient alice = new WebClient(base);
    alice.signIn("alice", WebTestProfile.password("alice"));
    assertThat(alice.get("/ui/decisions").statusCode()).isEqualTo(200);

    HttpResponse<String> noToken = alice.post("/ui/logout", Map.of());
    assertThat(noToken.statusCode()).isEqualTo(403);
    assertThat(alice.get("/ui/decisions").statusCode()).isEqualTo(200);

    HttpResponse<String> out = alice.post("/ui/logout", Map.of(PageGuard.CSRF, alice.csrf()));
    assertThat(out.statusCode()).isEqualTo(303);
    assertThat(alice.get("/ui/decisions").statusCode()).isEqualTo(302);
  }

  @Test
  void shouldFilterTheListByStateAndServiceAndRefuseAnUnknownState() throws Exception {
    Decision pending = pending();
    Decision approved = pending();
    desk.approve(
        io.rehearsal.proto.v1.ApproveRequest.newBuilder()
            .setDecisionId(approved.getId())
            .setReviewer("bob")
            .setChannel(io.rehearsal.proto.v1.ReviewChannel.REVIEW_CHANNEL_GRPC)
            .setExpectedRevision(1)
            .build());
    WebClient alice = new WebClient(base);
    alice.signIn("alice", WebTestProfile.password("alice"));

    String waiting =
        alice.get("/ui/decisions/table?state=PENDING_APPROVAL&service=checkout").body();
    String done = alice.get("/ui/decisions/table?state=APPROVED").body();
    String elsewhere = alice.get("/ui/decisions/table?service=payments").body();
    HttpResponse<String> unknown = alice.get("/ui/decisions/table?state=DONE");

    assertThat(waiting).contains(pending.getId()).doesNotContain(approved.getId());
    assertThat(done).contains(approved.getId()).doesNotContain(pending.getId());
    assertThat(elsewhere).doesNotContain(pending.getId(), approved.getId());
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(unknown.body()).contains("'DONE'");
  }

  @Test
  void shouldChangeThePasswordOnlyWithTheCurrentOneAndTheToken() throws Exception {
    WebClient dave = new WebClient(base);
    dave.signIn("dave", WebTestProfile.password("dave"));
    String next = "a much longer passphrase";

    HttpResponse<String> noToken =
        dave.post("/ui/password", Map.of("current", "dave-pw", "next", next));
    HttpResponse<String> wrongCurrent =
        dave.post(
            "/ui/password", Map.of("current", "nope", "next", next, PageGuard.CSRF, dave.csrf()));
    HttpResponse<String> tooShort =
        dave.post(
            "/ui/password",
            Map.of("current", "dave-pw", "next", "short", PageGuard.CSRF, dave.csrf()));
    HttpResponse<String> changed =
        dave.post(
            "/ui/password",
            Map.of("current", "dave-pw", "next", next, PageGuard.CSRF, dave.csrf()));

    assertThat(noToken.statusCode()).isEqualTo(403);
    assertThat(wrongCurrent.statusCode()).isEqualTo(400);
    assertThat(wrongCurrent.body()).contains("current password is wrong");
    assertThat(tooShort.statusCode()).isEqualTo(400);
    assertThat(tooShort.body()).contains("at least 12 characters, but had 5");
    assertThat(changed.statusCode()).isEqualTo(200);
    assertThat(changed.body()).contains("Password changed.");
    assertThat(new WebClient(base).signIn("dave", "dave-pw").headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).contains("failed"));
    assertThat(new WebClient(base).signIn("dave", next).headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).endsWith("/ui/decisions"));
    assertThat(
            java.nio.file.attribute.PosixFilePermissions.toString(
                java.nio.file.Files.getPosixFilePermissions(WebTestProfile.USERS)))
        .isEqualTo("rw-------");
    assertThat(LocalUsers.read(WebTestProfile.USERS)).containsKeys("alice", "bob", "vera", "dave");
  }

  @Test
  void shouldSendBackToSignInWhenThePasswordIsWrong() throws Exception {
    HttpResponse<String> answer = new WebClient(base).signIn("alice", "wrong");

    assertThat(answer.statusCode()).isEqualTo(302);
    assertThat(answer.headers().firstValue("Location").orElse("")).contains("/ui/login?failed");
  }

  @Test
  void shouldSetSecurityHeadersAndStrictCookiesWhenSignedIn() throws Exception {
    WebClient alice = new WebClient(base);
    HttpResponse<String> signIn = alice.signIn("alice", WebTestProfile.password("alice"));
    HttpResponse<String> page = alice.get("/ui/decisions");

    assertThat(page.statusCode()).isEqualTo(200);
    String csp = page.headers().firstValue("Content-Security-Policy").orElse("");
    assertThat(csp)
        .contains("script-src 'self'", "frame-ancestors 'none'")
        .doesNotContain("unsafe-inline");
    assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
    assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
    assertThat(signIn.headers().allValues("Set-Cookie"))
        .filteredOn(c -> c.startsWith("quarkus-credential="))
        .singleElement()
        .satisfies(
            c ->
                assertThat(c)
                    .containsIgnoringCase("HttpOnly")
                    .containsIgnoringCase("SameSite=Strict"));
    assertThat(alice.csrf()).hasSize(43);
    assertThat(page.body()).doesNotContain("<script>").contains("/ui/static/review-plots.js");
  }

  @Test
  void shouldRefuseReviewsFromUsersOutsideOncall() throws Exception {
    Decision d = pending();
    WebClient vera = new WebClient(base);
    vera.signIn("vera", WebTestProfile.password("vera"));

    HttpResponse<String> answer =
        vera.post(
            "/ui/decisions/" + d.getId() + "/approve",
            Map.of("revision", "1", PageGuard.CSRF, vera.csrf()));

    assertThat(answer.statusCode()).isEqualTo(403);
    assertThat(answer.body()).contains("oncall");
    assertThat(desk.get(d.getId()).getRevision()).isEqualTo(1);
  }
}
