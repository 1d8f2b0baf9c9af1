package io.rehearsal.gateway.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rehearsal.proto.v1.Decision;
import io.rehearsal.proto.v1.DecisionState;
import io.rehearsal.proto.v1.Explanation;
import io.rehearsal.proto.v1.PolicyEffect;
import io.rehearsal.proto.v1.RuleResult;
import org.junit.jupiter.api.Test;

class StoredDecisionTest {

  private static final StoredDecision RECORD =
      new StoredDecision(
          Decision.newBuilder()
              .setId("dec-1")
              .setState(DecisionState.DECISION_STATE_PENDING_APPROVAL)
              .setRevision(3)
              .addReasons("rule prod-one requires 1 approver")
              .build(),
          Explanation.newBuilder()
              .setDecisionId("dec-1")
              .setDecisionRevision(1)
              .setEffect(PolicyEffect.POLICY_EFFECT_REQUIRE_APPROVAL)
              .addRules(RuleResult.newBuilder().setRuleId("prod-one").setMatched(true))
              .build());

  @Test
  void shouldReadBackTheSameDecisionAndExplanationWhenEncoded() {
    assertThat(StoredDecision.decode(RECORD.encode())).isEqualTo(RECORD);
  }

  @Test
  void shouldEncodeEqualRecordsToEqualBytesWhenEncodedTwice() {
    StoredDecision copy =
        new StoredDecision(RECORD.decision().toBuilder().build(), RECORD.explanation());

    assertThat(copy.encode()).isEqualTo(RECORD.encode());
  }

  @Test
  void shouldThrowWhenTheBytesAreNotAStoredDecision() {
    assertThatThrownBy(() -> StoredDecision.decode(new byte[] {10, 5, 1}))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("not readable");
  }
}
