package io.rehearsal.gateway.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rehearsal.proto.v1.Decision;
import io.rehearsal.proto.v1.DecisionState;
import io.rehearsal.proto.v1.Environment;
import io.rehearsal.proto.v1.Remediation;
import io.rehearsal.proto.v1.RemediationRequest;
import io.rehearsal.proto.v1.Target;
import io.rehearsal.store.ActionHistory;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class HistoryPolicyTest {

  private static final Instant AT = Instant.parse("2026-12-07T10:00:00Z");
  private final HistoryPolicy policy = new HistoryPolicy(Duration.ofHours(1));

  @Test
  void shouldAddTheActionWhenTheDecisionBecomesApproved() {
    ActionHistory.Change c =
        policy.change(DecisionState.DECISION_STATE_PENDING_APPROVAL, decision(APPROVED));

    assertThat(c.op()).isEqualTo(ActionHistory.Op.ADD);
    assertThat(c.target()).isEqualTo("PRODUCTION/payments-db");
    assertThat(c.member()).isEqualTo("RESTART dec-1");
    assertThat(c.atMillis()).isEqualTo(AT.toEpochMilli());
    assertThat(c.keepAfterMillis()).isEqualTo(AT.minus(Duration.ofHours(1)).toEpochMilli());
  }

  @Test
  void shouldRemoveTheActionWhenAnApprovedDecisionNeverRuns() {
    for (DecisionState never :
        new DecisionState[] {
          DecisionState.DECISION_STATE_BLOCKED,
          DecisionState.DECISION_STATE_CANCELLED,
          DecisionState.DECISION_STATE_EXPIRED
        }) {
      assertThat(policy.change(APPROVED, decision(never)).op()).isEqualTo(ActionHistory.Op.REMOVE);
    }
    assertThat(policy.change(APPROVED, decision(DecisionState.DECISION_STATE_EXECUTING)).op())
        .isEqualTo(ActionHistory.Op.NONE);
    assertThat(policy.change(APPROVED, decision(DecisionState.DECISION_STATE_SHADOWED)).op())
        .isEqualTo(ActionHistory.Op.NONE);
  }

  @Test
  void shouldRecordNothingWhenOff() {
    assertThat(
            HistoryPolicy.OFF.change(DecisionState.DECISION_STATE_UNSPECIFIED, decision(APPROVED)))
        .isEqualTo(ActionHistory.Change.NONE);
    assertThatThrownBy(() -> new HistoryPolicy(Duration.ofMinutes(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("PT-1M");
  }

  private static final DecisionState APPROVED = DecisionState.DECISION_STATE_APPROVED;

  private static Decision decision(DecisionState state) {
    Remediation restart =
        Remediation.newBuilder()
            .setId("restart-db")
            .setRestart(Remediation.Restart.newBuilder().setRolling(true))
            .setTarget(Target.newBuilder().setDependency("payments-db"))
            .build();
    return Decision.newBuilder()
        .setId("dec-1")
        .setState(state)
        .setUpdatedAt(Timestamps.of(AT))
        .setRequest(
            RemediationRequest.newBuilder()
                .setRequestId("r-1")
                .setRemediation(restart)
                .setEnvironment(Environment.ENVIRONMENT_PRODUCTION))
        .build();
  }
}
