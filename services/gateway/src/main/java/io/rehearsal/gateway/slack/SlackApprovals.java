package io.rehearsal.gateway.slack;

import io.rehearsal.gateway.decision.DecisionDesk;
import io.rehearsal.gateway.decision.GatewayException;
import io.rehearsal.proto.v1.ApproveRequest;
import io.rehearsal.proto.v1.Decision;
import io.rehearsal.proto.v1.RejectRequest;
import io.rehearsal.proto.v1.ReviewChannel;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Applies a verified button click: maps the Slack user to an approver, approves or rejects through
 * the {@link DecisionDesk} with channel SLACK (so every rule of the gRPC path holds: the requester
 * never reviews, one approval per reviewer, N approvers, expiry, the revision the reviewer saw),
 * then re-renders the clicked message from the stored decision. When the decision was decided
 * elsewhere first, the message shows that decision; the clicker is told why their click changed
 * nothing.
 */
public final class SlackApprovals {

  private static final Logger LOG = Logger.getLogger(SlackApprovals.class.getName());

  /** What a click led to. */
  public enum Outcome {
    /** The review was recorded. */
    APPLIED,
    /** The Slack user is not mapped to an approver; nothing was recorded. */
    UNKNOWN_USER,
    /** The gateway refused the review (requester, approved before, unknown decision). */
    REFUSED,
    /** The decision changed first (decided elsewhere, expired, newer revision); shown as stored. */
    SUPERSEDED
  }

  private final DecisionDesk desk;
  private final SlackUsers users;
  private final SlackApi api;
  private final SlackNotifier notifier;
  private final Executor executor;

  public SlackApprovals(
      DecisionDesk desk,
      SlackUsers users,
      SlackApi api,
      SlackNotifier notifier,
      Executor executor) {
    this.desk = desk;
    this.users = users;
    this.api = api;
    this.notifier = notifier;
    this.executor = executor;
  }

  /** Handles a click after the HTTP answer, on the executor (Slack wants an answer within 3 s). */
  public void later(Interaction click) {
    executor.execute(
        () -> {
          try {
            handle(click);
          } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Slack click on " + click.decisionId() + " failed", e);
          }
        });
  }

  /**
   * Handles a click now.
   *
   * @throws RuntimeException when Redis or Slack fail (nothing half-done: the review is one write)
   */
  public Outcome handle(Interaction click) {
    Optional<String> approver = users.approver(click.slackUser());
    if (approver.isEmpty()) {
      tell(
          click,
          "You are not mapped to an approver (rehearsal.gateway.slack.users."
              + click.slackUser()
              + "); your click was not recorded.");
      return Outcome.UNKNOWN_USER;
    }
    try {
      Decision d = review(click, approver.get());
      notifier.show(d.getId(), message(click));
      return Outcome.APPLIED;
    } catch (GatewayException e) {
      return refused(click, e);
    }
  }

  private Decision review(Interaction click, String approver) {
    if (click.verdict() == Interaction.Verdict.APPROVE) {
      return desk.approve(
          ApproveRequest.newBuilder()
              .setDecisionId(click.decisionId())
              .setReviewer(approver)
              .setChannel(ReviewChannel.REVIEW_CHANNEL_SLACK)
              .setComment("approved in Slack")
              .setExpectedRevision(click.revision())
              .build());
    }
    return desk.reject(
        RejectRequest.newBuilder()
            .setDecisionId(click.decisionId())
            .setReviewer(approver)
            .setChannel(ReviewChannel.REVIEW_CHANNEL_SLACK)
            .setReason("rejected in Slack by " + approver)
            .setExpectedRevision(click.revision())
            .build());
  }

  private Outcome refused(Interaction click, GatewayException e) {
    tell(click, "Not recorded: " + e.getMessage());
    if (e.reason() == GatewayException.Reason.FAILED_PRECONDITION
        || e.reason() == GatewayException.Reason.ABORTED) {
      notifier.show(click.decisionId(), message(click));
      return Outcome.SUPERSEDED;
    }
    return Outcome.REFUSED;
  }

  private void tell(Interaction click, String text) {
    api.ephemeral(click.channel(), click.slackUser(), text);
  }

  private static MessageIndex.Message message(Interaction click) {
    return new MessageIndex.Message(click.channel(), click.messageTs());
  }
}
