package io.rehearsal.gateway.slack;

import static org.assertj.core.api.Assertions.assertThat;

import io.rehearsal.proto.v1.ApproveRequest;
import io.rehearsal.proto.v1.Decision;
import io.rehearsal.proto.v1.DecisionState;
import io.rehearsal.proto.v1.Review;
import io.rehearsal.proto.v1.ReviewChannel;
import io.rehearsal.proto.v1.ReviewVerdict;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Clicks from Slack applied to real stored decisions, with Slack's answers on the stand-in. */
class SlackApprovalsTest {

  @TempDir Path dataDir;
  SlackHarness h;

  @BeforeEach
  void start() {
    h = new SlackHarness(dataDir);
  }

  @AfterEach
  void stop() throws Exception {
    h.close();
  }

  private Decision posted(String requestId, boolean twoApprovers) {
    Decision d = SlackFixtures.pending(h.desk, requestId, twoApprovers);
    h.notifier.sync(d);
    h.slack.clear();
    return d;
  }

  private SlackApprovals.Outcome click(String user, Interaction.Verdict verdict, Decision d) {
    return h.approvals.handle(
        new Interaction(user, verdict, d.getId(), d.getRevision(), SlackHarness.CHANNEL, ts(d)));
  }

  private String ts(Decision d) {
    return h.index.find(d.getId()).orElseThrow().ts();
  }

  @Test
  void shouldStoreTheApproverAndChannelSlackWithAnAuditEntryWhenApprovedFromSlack()
      throws Exception {
    Decision d = posted("slack-approve", false);

    SlackApprovals.Outcome outcome = click("U0ALICE", Interaction.Verdict.APPROVE, d);

    Decision stored = h.desk.get(d.getId());
    assertThat(outcome).isEqualTo(SlackApprovals.Outcome.APPLIED);
    assertThat(stored.getState()).isEqualTo(DecisionState.DECISION_STATE_APPROVED);
    assertThat(stored.getReviewsList())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.getReviewer()).isEqualTo("alice@example.com");
              assertThat(r.getChannel()).isEqualTo(ReviewChannel.REVIEW_CHANNEL_SLACK);
              assertThat(r.getVerdict()).isEqualTo(ReviewVerdict.REVIEW_VERDICT_APPROVE);
            });
    byte[] audited = h.store.audit().find("decision:" + d.getId() + ":2").orElseThrow().payload();
    assertThat(Decision.parseFrom(audited)).isEqualTo(stored);
  }

  @Test
  void shouldUpdateTheMessageToShowWhoDecidedWhenApprovedFromSlack() {
    Decision d = posted("slack-update", false);

    click("U0ALICE", Interaction.Verdict.APPROVE, d);

    assertThat(h.slack.calls("chat.update"))
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.fields()).containsEntry("channel", SlackHarness.CHANNEL);
              assertThat(c.fields()).containsEntry("ts", ts(d));
              assertThat(c.fields().get("blocks"))
                  .contains("APPROVED")
                  .contains("approved by alice@example.com via slack")
                  .doesNotContain("rehearsal_approve");
            });
  }

  @Test
  void shouldRecordARejectionWithItsReasonWhenRejectedFromSlack() {
    Decision d = posted("slack-reject", false);

    click("U0BOB", Interaction.Verdict.REJECT, d);

    Decision stored = h.desk.get(d.getId());
    assertThat(stored.getState()).isEqualTo(DecisionState.DECISION_STATE_REJECTED);
    assertThat(stored.getReviews(0).getComment()).isEqualTo("rejected in Slack by bob@example.com");
    assertThat(h.slack.calls("chat.update").get(0).fields().get("blocks"))
        .contains("rejected by bob@example.com via slack");
  }

  @Test
  void shouldRefuseTheRequesterWithAnEphemeralMessageWhenTheyApproveTheirOwnRequest() {
    Decision d = posted("slack-self", false);

    SlackApprovals.Outcome outcome = click("U0CAROL", Interaction.Verdict.APPROVE, d);

    assertThat(outcome).isEqualTo(SlackApprovals.Outcome.REFUSED);
    assertThat(h.desk.get(d.getId())).isEqualTo(d);
    assertThat(h.slack.calls("chat.postEphemeral"))
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.fields()).containsEntry("user", "U0CAROL");
              assertThat(c.fields().get("text")).contains("cannot review");
            });
  }

  @Test
  void shouldRefuseAnUnknownSlackUserWithAnEphemeralMessageWhenTheyClick() {
    Decision d = posted("slack-unknown", false);

    SlackApprovals.Outcome outcome = click("U0MALLORY", Interaction.Verdict.APPROVE, d);

    assertThat(outcome).isEqualTo(SlackApprovals.Outcome.UNKNOWN_USER);
    assertThat(h.desk.get(d.getId())).isEqualTo(d);
    assertThat(h.slack.calls("chat.postEphemeral").get(0).fields().get("text"))
        .contains("not mapped to an approver");
    assertThat(h.slack.calls("chat.update")).isEmpty();
  }

  @Test
  void shouldShowTheGrpcDecisionWhenASlackClickArrivesAfterIt() {
    Decision d = posted("slack-late", false);
    h.desk.approve(
        ApproveRequest.newBuilder()
            .setDecisionId(d.getId())
            .setReviewer("dave@example.com")
            .setChannel(ReviewChannel.REVIEW_CHANNEL_GRPC)
            .setExpectedRevision(d.getRevision())
            .build());

    SlackApprovals.Outcome outcome = click("U0BOB", Interaction.Verdict.REJECT, d);

    Decision stored = h.desk.get(d.getId());
    assertThat(outcome).isEqualTo(SlackApprovals.Outcome.SUPERSEDED);
    assertThat(stored.getState()).isEqualTo(DecisionState.DECISION_STATE_APPROVED);
    assertThat(stored.getReviewsList())
        .extracting(Review::getReviewer)
        .containsExactly("dave@example.com");
    assertThat(h.slack.calls("chat.update").get(0).fields().get("blocks"))
        .contains("APPROVED")
        .contains("approved by dave@example.com via grpc");
    assertThat(h.slack.calls("chat.postEphemeral").get(0).fields().get("text"))
        .contains("Not recorded");
  }

  @Test
  void shouldNeedASecondSlackApproverWhenThePolicyAsksForTwo() {
    Decision d = posted("slack-two", true);

    click("U0ALICE", Interaction.Verdict.APPROVE, d);
    Decision half = h.desk.get(d.getId());
    SlackApprovals.Outcome again = click("U0ALICE", Interaction.Verdict.APPROVE, half);
    click("U0BOB", Interaction.Verdict.APPROVE, half);

    assertThat(half.getState()).isEqualTo(DecisionState.DECISION_STATE_PENDING_APPROVAL);
    assertThat(again).isEqualTo(SlackApprovals.Outcome.REFUSED);
    assertThat(h.desk.get(d.getId()).getState()).isEqualTo(DecisionState.DECISION_STATE_APPROVED);
    assertThat(h.slack.calls("chat.update").get(0).fields().get("blocks"))
        .contains(Interaction.buttonValue(d.getId(), half.getRevision()));
  }

  @Test
  void shouldShowTheDecisionExpiredWhenClickedAfterItsExpiry() {
    Decision d = posted("slack-expired", false);
    h.clock.advance(java.time.Duration.ofHours(3));

    SlackApprovals.Outcome outcome = click("U0ALICE", Interaction.Verdict.APPROVE, d);

    assertThat(outcome).isEqualTo(SlackApprovals.Outcome.SUPERSEDED);
    assertThat(h.desk.get(d.getId()).getState()).isEqualTo(DecisionState.DECISION_STATE_EXPIRED);
    assertThat(h.desk.get(d.getId()).getReviewsList()).isEmpty();
    assertThat(h.slack.calls("chat.update").get(0).fields().get("blocks"))
        .contains("EXPIRED")
        .doesNotContain("rehearsal_approve");
  }
}
