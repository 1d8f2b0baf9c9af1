package io.rehearsal.gateway.slack;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.ButtonElement;
import io.rehearsal.proto.v1.Decision;
import io.rehearsal.proto.v1.DecisionState;
import io.rehearsal.proto.v1.Evaluation;
import io.rehearsal.proto.v1.Evidence;
import io.rehearsal.proto.v1.PairedDifference;
import io.rehearsal.proto.v1.Review;
import io.rehearsal.proto.v1.ReviewVerdict;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The Block Kit message of one decision: what is asked, the headline evidence, the policy's
 * reasons, a link to the review page, and either Approve / Reject buttons (while it waits for
 * approval) or who decided and the state it is in. The same builder renders every revision, so the
 * message always shows the stored decision.
 */
public final class ApprovalMessage {

  private final String pageUrl;

  /**
   * @param pageUrl the review page's base URL, e.g. {@code https://gateway.example.com}
   */
  public ApprovalMessage(String pageUrl) {
    this.pageUrl = pageUrl.endsWith("/") ? pageUrl.substring(0, pageUrl.length() - 1) : pageUrl;
  }

  /** The review page of a decision. */
  public String pageLink(String decisionId) {
    return pageUrl + "/decisions/" + decisionId;
  }

  /** The notification text (push notifications, screen readers): one line. */
  public String text(Decision d) {
    return state(d.getState())
        + ": "
        + action(d)
        + " for incident "
        + blankAs(d.getRequest().getIncidentId(), "(none)")
        + " — "
        + pageLink(d.getId());
  }

  /**
   * The blocks of {@code d}, with its evaluation when the store has it.
   *
   * @param evaluation the evaluation the decision was made on, for the headline evidence
   */
  public List<LayoutBlock> blocks(Decision d, Optional<Evaluation> evaluation) {
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(header(h -> h.text(plainText(truncate(title(d), 150)))));
    blocks.add(section(s -> s.text(markdownText(request(d)))));
    blocks.add(section(s -> s.text(markdownText(evidence(d, evaluation)))));
    blocks.add(context(List.of(markdownText(policy(d)))));
    blocks.add(section(s -> s.text(markdownText(status(d)))));
    blocks.add(actions(buttons(d)));
    return blocks;
  }

  private static String title(Decision d) {
    return (d.getState() == DecisionState.DECISION_STATE_PENDING_APPROVAL
            ? "Approval needed: "
            : state(d.getState()) + ": ")
        + action(d);
  }

  private static String request(Decision d) {
    var r = d.getRequest();
    return "*Incident* "
        + blankAs(r.getIncidentId(), "(none)")
        + "   *Environment* "
        + r.getEnvironment().name().replace("ENVIRONMENT_", "")
        + "\n*Action* `"
        + r.getRemediation().getId()
        + "` on "
        + target(d)
        + "\n*Requested by* "
        + r.getRequester()
        + ": "
        + blankAs(r.getReason(), "(no reason given)");
  }

  private static String evidence(Decision d, Optional<Evaluation> evaluation) {
    Optional<Evidence> e =
        evaluation.flatMap(
            ev ->
                ev.getEvidenceList().stream()
                    .filter(
                        x ->
                            x.getCandidate()
                                .getId()
                                .equals(d.getRequest().getRemediation().getId()))
                    .findFirst());
    if (e.isEmpty()) {
      return "*Evidence* not available here (evaluation `"
          + blankAs(d.getEvaluationId(), "none")
          + "`); see the review page";
    }
    PairedDifference u = e.get().getVsDoNothing().getUtility();
    String line =
        String.format(
            Locale.ROOT,
            "*Evidence* rank %d of %d · P(improvement) %.2f · utility vs do nothing %+.3f [%+.3f,"
                + " %+.3f] · %d replications",
            e.get().getRank(),
            evaluation.get().getEvidenceCount(),
            u.getProbabilityOfImprovement(),
            u.getMean(),
            u.getCi().getLower(),
            u.getCi().getUpper(),
            e.get().getReplications());
    String sentence = evaluation.get().getRecommendation();
    return sentence.isBlank() ? line : line + "\n>" + sentence;
  }

  private static String policy(Decision d) {
    String expires =
        d.hasExpiresAt()
            ? " · expires " + Instant.ofEpochSecond(d.getExpiresAt().getSeconds())
            : "";
    return "Policy: "
        + String.join("; ", d.getReasonsList().subList(0, Math.min(3, d.getReasonsCount())))
        + " · needs "
        + d.getRequiredApprovers()
        + " approver(s)"
        + expires
        + " · revision "
        + d.getRevision();
  }

  private static String status(Decision d) {
    List<Review> reviews = d.getReviewsList();
    String who =
        reviews.isEmpty()
            ? "no reviews yet"
            : reviews.stream().map(ApprovalMessage::review).collect(Collectors.joining("; "));
    return "*" + state(d.getState()) + "* — " + who;
  }

  private static String review(Review r) {
    String verb = r.getVerdict() == ReviewVerdict.REVIEW_VERDICT_APPROVE ? "approved" : "rejected";
    return verb
        + " by "
        + r.getReviewer()
        + " via "
        + r.getChannel().name().replace("REVIEW_CHANNEL_", "").toLowerCase(Locale.ROOT);
  }

  private List<BlockElement> buttons(Decision d) {
    List<BlockElement> buttons = new ArrayList<>();
    if (d.getState() == DecisionState.DECISION_STATE_PENDING_APPROVAL) {
      String value = Interaction.buttonValue(d.getId(), d.getRevision());
      buttons.add(button(Interaction.Verdict.APPROVE, "Approve", "primary", value));
      buttons.add(button(Interaction.Verdict.REJECT, "Reject", "danger", value));
    }
    buttons.add(
        ButtonElement.builder()
            .actionId("rehearsal_open_page")
            .text(plainText("Review page"))
            .url(pageLink(d.getId()))
            .build());
    return buttons;
  }

  private static ButtonElement button(
      Interaction.Verdict verdict, String label, String style, String value) {
    return ButtonElement.builder()
        .actionId(verdict.actionId())
        .text(plainText(label))
        .style(style)
        .value(value)
        .build();
  }

  /** A state as people read it, e.g. {@code PENDING APPROVAL}. */
  static String state(DecisionState s) {
    return s.name().replace("DECISION_STATE_", "").replace('_', ' ');
  }

  private static String action(Decision d) {
    var r = d.getRequest().getRemediation();
    return blankAs(r.getSummary(), r.getId());
  }

  private static String target(Decision d) {
    var t = d.getRequest().getRemediation().getTarget();
    return t.getEndpoint().isEmpty() ? t.getService() : t.getService() + " " + t.getEndpoint();
  }

  private static String blankAs(String value, String fallback) {
    return value.isBlank() ? fallback : value;
  }

  private static String truncate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
