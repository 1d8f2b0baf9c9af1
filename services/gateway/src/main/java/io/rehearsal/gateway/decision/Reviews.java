package io.rehearsal.gateway.decision;

import io.rehearsal.proto.v1.ApproveRequest;
import io.rehearsal.proto.v1.CancelRequest;
import io.rehearsal.proto.v1.Decision;
import io.rehearsal.proto.v1.DecisionState;
import io.rehearsal.proto.v1.RejectRequest;
import io.rehearsal.proto.v1.Review;
import io.rehearsal.proto.v1.ReviewChannel;
import io.rehearsal.proto.v1.ReviewVerdict;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Approvals, rejections and cancellations: each checks the decision's expiry, the revision the
 * caller saw and the lifecycle, then writes the next revision by compare-and-set with its audit
 * entry. A decision found past its expires_at is moved to EXPIRED (audited) and the call fails.
 * Reviewers' groups come from the {@link ApproverDirectory}: a decision with approver groups takes
 * approvals only from reviewers in one of them; every review records the reviewer's groups.
 */
final class Reviews {

  private final DecisionRecords records;
  private final Clock clock;
  private final ApproverDirectory directory;

  Reviews(DecisionRecords records, Clock clock, ApproverDirectory directory) {
    this.records = records;
    this.clock = clock;
    this.directory = directory;
  }

  /**
   * Adds {@code request.reviewer}'s approval; the decision is APPROVED once {@code
   * required_approvers} distinct reviewers approved.
   *
   * @throws GatewayException INVALID_ARGUMENT, FAILED_PRECONDITION (expired or not pending),
   *     ABORTED (revision moved), PERMISSION_DENIED (the requester, or a reviewer in none of the
   *     decision's approver groups), ALREADY_EXISTS (approved before)
   */
  Decision approve(ApproveRequest request, StoredDecision current) {
    Decision d = ready(current, request.getExpectedRevision(), "approved");
    reviewer(d, request.getReviewer());
    Set<String> groups = directory.groupsOf(request.getReviewer());
    eligible(d, request.getReviewer(), groups);
    if (approvedBy(d, request.getReviewer())) {
      throw GatewayException.of(
          GatewayException.Reason.ALREADY_EXISTS,
          request.getReviewer() + " already approved decision " + d.getId());
    }
    long approvals = approvals(d) + 1;
    DecisionState next =
        approvals >= d.getRequiredApprovers()
            ? DecisionState.DECISION_STATE_APPROVED
            : DecisionState.DECISION_STATE_PENDING_APPROVAL;
    String reason =
        "approved by "
            + request.getReviewer()
            + " ("
            + approvals
            + " of "
            + d.getRequiredApprovers()
            + ")";
    Review review =
        review(request.getReviewer(), ReviewVerdict.REVIEW_VERDICT_APPROVE, request.getChannel())
            .addAllGroups(groups)
            .setComment(request.getComment())
            .build();
    return write(current, next, reason, review);
  }

  /**
   * Rejects a pending decision. Any reviewer but the requester may reject, in an approver group or
   * not (stopping an action is the safe direction); the review records their groups.
   *
   * @throws GatewayException as {@link #approve}, without ALREADY_EXISTS; INVALID_ARGUMENT without
   *     a reason
   */
  Decision reject(RejectRequest request, StoredDecision current) {
    Decision d = ready(current, request.getExpectedRevision(), "rejected");
    reviewer(d, request.getReviewer());
    String reason = "rejected by " + request.getReviewer() + ": " + request.getReason();
    Review review =
        review(request.getReviewer(), ReviewVerdict.REVIEW_VERDICT_REJECT, request.getChannel())
            .addAllGroups(directory.groupsOf(request.getReviewer()))
            .setComment(request.getReason())
            .build();
    return write(current, DecisionState.DECISION_STATE_REJECTED, reason, review);
  }

  /**
   * Withdraws a decision that has not started executing.
   *
   * @throws GatewayException INVALID_ARGUMENT, ABORTED, FAILED_PRECONDITION (executing, terminal or
   *     expired)
   */
  Decision cancel(CancelRequest request, StoredDecision current) {
    Decision d = unexpired(current);
    revision(d, request.getExpectedRevision());
    DecisionState next = DecisionState.DECISION_STATE_CANCELLED;
    if (!Transition.allowed(d.getState(), next)) {
      throw precondition(d, "cancelled");
    }
    return write(
        current, next, "cancelled by " + request.getActor() + ": " + request.getReason(), null);
  }

  /** Checks an approval's fields, before the decision is read (INVALID_ARGUMENT). */
  static void validate(ApproveRequest request) {
    required("reviewer", request.getReviewer());
    channel(request.getChannel());
    revisionGiven(request.getExpectedRevision());
  }

  /** Checks a rejection's fields, before the decision is read (INVALID_ARGUMENT). */
  static void validate(RejectRequest request) {
    required("reviewer", request.getReviewer());
    channel(request.getChannel());
    required("reason", request.getReason());
    revisionGiven(request.getExpectedRevision());
  }

  /** Checks a cancellation's fields, before the decision is read (INVALID_ARGUMENT). */
  static void validate(CancelRequest request) {
    required("actor", request.getActor());
    required("reason", request.getReason());
    revisionGiven(request.getExpectedRevision());
  }

  /** Expiry, revision and state checks shared by approve and reject. */
  private Decision ready(StoredDecision current, long expectedRevision, String verb) {
    Decision d = unexpired(current);
    revision(d, expectedRevision);
    if (d.getState() != DecisionState.DECISION_STATE_PENDING_APPROVAL) {
      throw precondition(d, verb);
    }
    return d;
  }

  /** The decision, unless it is past its expiry: then it is marked EXPIRED and the call fails. */
  private Decision unexpired(StoredDecision current) {
    Decision d = current.decision();
    Instant now = clock.instant();
    if (!d.hasExpiresAt()
        || now.isBefore(Timestamps.instant(d.getExpiresAt()))
        || !Transition.allowed(d.getState(), DecisionState.DECISION_STATE_EXPIRED)) {
      return d;
    }
    String reason = "expired at " + Timestamps.instant(d.getExpiresAt());
    try {
      write(current, DecisionState.DECISION_STATE_EXPIRED, reason, null);
    } catch (GatewayException raced) {
      // Another writer changed it first; the decision is expired either way.
    }
    throw GatewayException.of(
        GatewayException.Reason.FAILED_PRECONDITION, "decision " + d.getId() + " " + reason);
  }

  private Decision write(StoredDecision current, DecisionState next, String reason, Review review) {
    Decision d = current.decision();
    Transition.of(d.getState(), next);
    Decision.Builder b =
        d.toBuilder()
            .setState(next)
            .addReasons(reason)
            .setRevision(d.getRevision() + 1)
            .setUpdatedAt(Timestamps.of(clock.instant()));
    if (review != null) {
      b.addReviews(review);
    }
    return records
        .update(d.getRevision(), d.getState(), new StoredDecision(b.build(), current.explanation()))
        .decision();
  }

  private Review.Builder review(String reviewer, ReviewVerdict verdict, ReviewChannel channel) {
    return Review.newBuilder()
        .setReviewer(reviewer)
        .setVerdict(verdict)
        .setChannel(channel)
        .setTime(Timestamps.of(clock.instant()));
  }

  private static long approvals(Decision d) {
    return d.getReviewsList().stream()
        .filter(r -> r.getVerdict() == ReviewVerdict.REVIEW_VERDICT_APPROVE)
        .map(Review::getReviewer)
        .distinct()
        .count();
  }

  private static boolean approvedBy(Decision d, String reviewer) {
    return d.getReviewsList().stream()
        .anyMatch(
            r ->
                r.getVerdict() == ReviewVerdict.REVIEW_VERDICT_APPROVE
                    && r.getReviewer().equals(reviewer));
  }

  /** The requester never reviews their own request. */
  private static void reviewer(Decision d, String reviewer) {
    if (reviewer.strip().equals(d.getRequest().getRequester().strip())) {
      throw GatewayException.of(
          GatewayException.Reason.PERMISSION_DENIED,
          reviewer + " requested decision " + d.getId() + " and cannot review it");
    }
  }

  /** A decision with approver groups takes approvals only from their members. */
  private static void eligible(Decision d, String reviewer, Set<String> groups) {
    List<String> needed = d.getApproverGroupsList();
    if (needed.isEmpty() || needed.stream().anyMatch(groups::contains)) {
      return;
    }
    throw GatewayException.of(
        GatewayException.Reason.PERMISSION_DENIED,
        reviewer
            + " is in none of the approver groups "
            + needed
            + " of decision "
            + d.getId()
            + " (their groups: "
            + listed(groups)
            + ")");
  }

  private static String listed(Collection<String> groups) {
    return groups.isEmpty() ? "none known" : String.join(", ", groups);
  }

  private static void revision(Decision d, long expected) {
    if (d.getRevision() != expected) {
      throw GatewayException.of(
          GatewayException.Reason.ABORTED,
          "decision "
              + d.getId()
              + " is at revision "
              + d.getRevision()
              + ", not "
              + expected
              + ": re-read and retry");
    }
  }

  private static GatewayException precondition(Decision d, String verb) {
    return GatewayException.of(
        GatewayException.Reason.FAILED_PRECONDITION,
        "decision " + d.getId() + " is " + d.getState() + " and cannot be " + verb);
  }

  private static void revisionGiven(long expected) {
    if (expected < 1) {
      throw GatewayException.invalid("expected_revision", "must be >= 1, but was " + expected);
    }
  }

  private static void channel(ReviewChannel channel) {
    if (channel == ReviewChannel.REVIEW_CHANNEL_UNSPECIFIED
        || channel == ReviewChannel.UNRECOGNIZED) {
      throw GatewayException.invalid("channel", "must be set");
    }
  }

  private static void required(String field, String value) {
    if (value.isBlank()) {
      throw GatewayException.invalid(field, "is required");
    }
  }
}
