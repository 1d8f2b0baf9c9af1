package io.rehearsal.gateway.web;

import com.google.protobuf.InvalidProtocolBufferException;
import io.quarkus.qute.TemplateData;
import io.rehearsal.proto.v1.Decision;
import io.rehearsal.proto.v1.Review;
import io.rehearsal.store.AuditEntry;
import java.util.List;

/**
 * The part of a decision that changes while a reviewer looks at it, refreshed every 2 s: state,
 * approvals, reasons, reviews (with their channel) and the audit entry of every revision.
 */
@TemplateData
record StatusPart(
    String id,
    String state,
    long revision,
    String approvals,
    boolean reviewable,
    String updated,
    List<String> reasons,
    List<ReviewLine> reviews,
    List<AuditLine> audit) {

  @TemplateData
  record ReviewLine(String time, String reviewer, String verdict, String channel, String comment) {}

  /** One audited revision: its state as written, the entry id and the chain link. */
  @TemplateData
  record AuditLine(long revision, String state, String entry, String hash, String previous) {}

  static StatusPart of(Decision d, List<AuditEntry> entries) {
    return new StatusPart(
        d.getId(),
        ListPage.state(d.getState()),
        d.getRevision(),
        ListPage.approvals(d),
        DetailPage.reviewable(d.getState()),
        Format.time(d.getUpdatedAt()),
        List.copyOf(d.getReasonsList()),
        d.getReviewsList().stream().map(StatusPart::review).toList(),
        entries.stream().map(StatusPart::audit).toList());
  }

  private static ReviewLine review(Review r) {
    return new ReviewLine(
        Format.time(r.getTime()),
        r.getReviewer(),
        DetailPage.verdict(r),
        Format.name(r.getChannel(), "REVIEW_CHANNEL_"),
        r.getComment());
  }

  private static AuditLine audit(AuditEntry e) {
    Decision written;
    try {
      written = Decision.parseFrom(e.payload());
    } catch (InvalidProtocolBufferException ex) {
      throw new IllegalStateException("audit entry " + e.key() + " is not a decision", ex);
    }
    return new AuditLine(
        written.getRevision(),
        ListPage.state(written.getState()),
        e.id(),
        e.hash().substring(0, Math.min(16, e.hash().length())),
        e.prevHash().substring(0, Math.min(16, e.prevHash().length())));
  }
}
