package io.rehearsal.gateway.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.ButtonElement;
import io.rehearsal.proto.v1.Decision;
import io.rehearsal.proto.v1.DecisionState;
import io.rehearsal.proto.v1.RemediationRequest;
import io.rehearsal.proto.v1.Review;
import io.rehearsal.proto.v1.ReviewChannel;
import io.rehearsal.proto.v1.ReviewVerdict;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ApprovalMessageTest {

  static final ApprovalMessage MESSAGES = new ApprovalMessage("https://gw.example.com/");

  static Decision pending() {
    return Decision.newBuilder()
        .setId(InteractionTest.ID)
        .setRequest(
            RemediationRequest.newBuilder()
                .setRemediation(SlackFixtures.restart())
                .setIncidentId("inc-9")
                .setRequester("carol@example.com"))
        .setState(DecisionState.DECISION_STATE_PENDING_APPROVAL)
        .setRevision(4)
        .setRequiredApprovers(1)
        .addReasons("rule prod-one requires 1 approver")
        .build();
  }

  private static List<ButtonElement> buttons(List<LayoutBlock> blocks) {
    return blocks.stream()
        .filter(ActionsBlock.class::isInstance)
        .flatMap(b -> ((ActionsBlock) b).getElements().stream())
        .map(ButtonElement.class::cast)
        .toList();
  }

  @Test
  void shouldCarryTheDecisionAndRevisionInBothButtonsWhenPending() {
    List<ButtonElement> buttons = buttons(MESSAGES.blocks(pending(), Optional.empty()));

    assertThat(buttons)
        .extracting(ButtonElement::getActionId)
        .containsExactly("rehearsal_approve", "rehearsal_reject", "rehearsal_open_page");
    assertThat(buttons.subList(0, 2))
        .allSatisfy(b -> assertThat(b.getValue()).isEqualTo(InteractionTest.ID + "@4"));
    assertThat(buttons.get(2).getUrl())
        .isEqualTo("https://gw.example.com/decisions/" + InteractionTest.ID);
  }

  @Test
  void shouldShowOnlyTheLinkAndWhoDecidedWhenNoLongerPending() {
    Decision rejected =
        pending().toBuilder()
            .setState(DecisionState.DECISION_STATE_REJECTED)
            .addReviews(
                Review.newBuilder()
                    .setReviewer("bob@example.com")
                    .setVerdict(ReviewVerdict.REVIEW_VERDICT_REJECT)
                    .setChannel(ReviewChannel.REVIEW_CHANNEL_WEB))
            .build();

    List<LayoutBlock> blocks = MESSAGES.blocks(rejected, Optional.empty());

    assertThat(buttons(blocks))
        .extracting(ButtonElement::getActionId)
        .containsExactly("rehearsal_open_page");
    assertThat(blocks.toString()).contains("*REJECTED* — rejected by bob@example.com via web");
    assertThat(MESSAGES.text(rejected)).startsWith("REJECTED: rolling restart of checkout");
  }

  @Test
  void shouldSayEvidenceIsOnThePageWhenTheEvaluationIsNotStored() {
    assertThat(MESSAGES.blocks(pending(), Optional.empty()).toString())
        .contains("Evidence* not available here");
  }
}
