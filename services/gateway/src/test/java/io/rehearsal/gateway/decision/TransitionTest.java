package io.rehearsal.gateway.decision;

import static io.rehearsal.proto.v1.DecisionState.DECISION_STATE_APPROVED;
import static io.rehearsal.proto.v1.DecisionState.DECISION_STATE_CANCELLED;
import static io.rehearsal.proto.v1.DecisionState.DECISION_STATE_EXECUTING;
import static io.rehearsal.proto.v1.DecisionState.DECISION_STATE_EXPIRED;
import static io.rehearsal.proto.v1.DecisionState.DECISION_STATE_FAILED;
import static io.rehearsal.proto.v1.DecisionState.DECISION_STATE_PENDING_APPROVAL;
import static io.rehearsal.proto.v1.DecisionState.DECISION_STATE_PENDING_EVIDENCE;
import static io.rehearsal.proto.v1.DecisionState.DECISION_STATE_REJECTED;
import static io.rehearsal.proto.v1.DecisionState.DECISION_STATE_SUCCEEDED;
import static io.rehearsal.proto.v1.DecisionState.DECISION_STATE_UNSPECIFIED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rehearsal.proto.v1.DecisionState;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TransitionTest {

  private static final DecisionState NEW = DECISION_STATE_UNSPECIFIED;

  /** The table of decision.proto, row by row (rows with several sources expanded). */
  static Stream<Arguments> legal() {
    return Stream.of(
        Arguments.of(NEW, DECISION_STATE_PENDING_EVIDENCE, Transition.SUBMITTED_WITHOUT_EVIDENCE),
        Arguments.of(NEW, DECISION_STATE_PENDING_APPROVAL, Transition.SUBMITTED_NEEDS_APPROVAL),
        Arguments.of(NEW, DECISION_STATE_APPROVED, Transition.SUBMITTED_ALLOWED),
        Arguments.of(NEW, DECISION_STATE_REJECTED, Transition.SUBMITTED_DENIED),
        Arguments.of(
            DECISION_STATE_PENDING_EVIDENCE,
            DECISION_STATE_PENDING_APPROVAL,
            Transition.EVIDENCE_NEEDS_APPROVAL),
        Arguments.of(
            DECISION_STATE_PENDING_EVIDENCE, DECISION_STATE_APPROVED, Transition.EVIDENCE_ALLOWED),
        Arguments.of(
            DECISION_STATE_PENDING_EVIDENCE, DECISION_STATE_REJECTED, Transition.EVIDENCE_DENIED),
        Arguments.of(
            DECISION_STATE_PENDING_APPROVAL,
            DECISION_STATE_PENDING_APPROVAL,
            Transition.APPROVAL_RECORDED),
        Arguments.of(
            DECISION_STATE_PENDING_APPROVAL, DECISION_STATE_APPROVED, Transition.APPROVALS_REACHED),
        Arguments.of(
            DECISION_STATE_PENDING_APPROVAL, DECISION_STATE_REJECTED, Transition.REVIEWER_REJECTED),
        Arguments.of(
            DECISION_STATE_APPROVED, DECISION_STATE_EXECUTING, Transition.HOOK_ACKNOWLEDGED),
        Arguments.of(
            DECISION_STATE_APPROVED, DECISION_STATE_SUCCEEDED, Transition.OUTCOME_SUCCEEDED),
        Arguments.of(DECISION_STATE_APPROVED, DECISION_STATE_FAILED, Transition.OUTCOME_FAILED),
        Arguments.of(
            DECISION_STATE_EXECUTING, DECISION_STATE_SUCCEEDED, Transition.OUTCOME_SUCCEEDED),
        Arguments.of(DECISION_STATE_EXECUTING, DECISION_STATE_FAILED, Transition.OUTCOME_FAILED),
        Arguments.of(DECISION_STATE_PENDING_EVIDENCE, DECISION_STATE_EXPIRED, Transition.EXPIRED),
        Arguments.of(DECISION_STATE_PENDING_APPROVAL, DECISION_STATE_EXPIRED, Transition.EXPIRED),
        Arguments.of(DECISION_STATE_APPROVED, DECISION_STATE_EXPIRED, Transition.EXPIRED),
        Arguments.of(
            DECISION_STATE_PENDING_EVIDENCE, DECISION_STATE_CANCELLED, Transition.CANCELLED),
        Arguments.of(
            DECISION_STATE_PENDING_APPROVAL, DECISION_STATE_CANCELLED, Transition.CANCELLED),
        Arguments.of(DECISION_STATE_APPROVED, DECISION_STATE_CANCELLED, Transition.CANCELLED),
        Arguments.of(
            DECISION_STATE_APPROVED,
            DecisionState.DECISION_STATE_BLOCKED,
            Transition.DISPATCH_BLOCKED),
        Arguments.of(
            DECISION_STATE_APPROVED, DecisionState.DECISION_STATE_SHADOWED, Transition.SHADOWED),
        Arguments.of(
            DecisionState.DECISION_STATE_SHADOWED,
            DecisionState.DECISION_STATE_SHADOWED,
            Transition.SHADOW_OUTCOME));
  }

  static Stream<Arguments> illegal() {
    return Stream.of(
        Arguments.of(NEW, DECISION_STATE_EXECUTING),
        Arguments.of(NEW, DECISION_STATE_CANCELLED),
        Arguments.of(DECISION_STATE_PENDING_EVIDENCE, DECISION_STATE_EXECUTING),
        Arguments.of(DECISION_STATE_PENDING_APPROVAL, DECISION_STATE_EXECUTING),
        Arguments.of(DECISION_STATE_PENDING_APPROVAL, DECISION_STATE_SUCCEEDED),
        Arguments.of(DECISION_STATE_APPROVED, DECISION_STATE_PENDING_APPROVAL),
        Arguments.of(DECISION_STATE_APPROVED, DECISION_STATE_REJECTED),
        Arguments.of(DECISION_STATE_EXECUTING, DECISION_STATE_CANCELLED),
        Arguments.of(DECISION_STATE_EXECUTING, DECISION_STATE_EXPIRED),
        Arguments.of(DECISION_STATE_REJECTED, DECISION_STATE_APPROVED),
        Arguments.of(DECISION_STATE_EXPIRED, DECISION_STATE_APPROVED),
        Arguments.of(DECISION_STATE_CANCELLED, DECISION_STATE_PENDING_APPROVAL),
        Arguments.of(DECISION_STATE_SUCCEEDED, DECISION_STATE_FAILED),
        Arguments.of(DECISION_STATE_FAILED, DECISION_STATE_SUCCEEDED),
        Arguments.of(DECISION_STATE_APPROVED, DECISION_STATE_APPROVED));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("legal")
  void shouldAllowTransitionWhenTheProtoTableListsIt(
      DecisionState from, DecisionState to, Transition expected) {
    assertThat(Transition.of(from, to)).isEqualTo(expected);
    assertThat(Transition.allowed(from, to)).isTrue();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("illegal")
  void shouldThrowWhenTheTransitionIsNotInTheTable(DecisionState from, DecisionState to) {
    assertThat(Transition.allowed(from, to)).isFalse();
    assertThatThrownBy(() -> Transition.of(from, to))
        .isInstanceOf(IllegalTransitionException.class)
        .hasMessageContaining(from.name())
        .hasMessageContaining(to.name());
  }

  @Test
  void shouldListExactlyTheTableRowsWhenEveryPairIsTried() {
    List<String> allowed = new ArrayList<>();
    for (DecisionState from : states()) {
      for (DecisionState to : states()) {
        if (Transition.allowed(from, to)) {
          allowed.add(from + "->" + to);
        }
      }
    }
    assertThat(allowed).hasSize((int) legal().count());
  }

  @Test
  void shouldCallOnlyTheSixEndStatesTerminalWhenAsked() {
    assertThat(states().stream().filter(Transition::terminal))
        .containsExactlyInAnyOrder(
            DECISION_STATE_REJECTED,
            DECISION_STATE_EXPIRED,
            DECISION_STATE_SUCCEEDED,
            DECISION_STATE_FAILED,
            DECISION_STATE_CANCELLED,
            DecisionState.DECISION_STATE_BLOCKED);
  }

  private static List<DecisionState> states() {
    return Stream.of(DecisionState.values()).filter(s -> s != DecisionState.UNRECOGNIZED).toList();
  }
}
