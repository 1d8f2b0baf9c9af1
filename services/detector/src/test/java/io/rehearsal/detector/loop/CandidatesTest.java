package io.rehearsal.detector.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rehearsal.ml.proposal.ActionKind;
import io.rehearsal.ml.proposal.Proposal;
import io.rehearsal.ml.proposal.Scope;
import io.rehearsal.ml.proposal.Step;
import io.rehearsal.proto.v1.Remediation;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Proposals as the sandbox's candidates. */
class CandidatesTest {

  private static Proposal proposal(String name, Step... steps) {
    return new Proposal(
        name, List.of(steps), 0.4, Scope.SUSPECT, "catalog LATENCY", 0.9, List.of("Slow alone."));
  }

  private static Step step(ActionKind kind, String target, String to, Double value) {
    return new Step(kind, target, to, value, null, null, 0);
  }

  @Test
  void shouldScaleToTheStepsReplicasWithIdBlastRadiusAndWhyWhenScaling() {
    Remediation r =
        Candidates.remediation(
            proposal("scale catalog to 3", step(ActionKind.SCALE, "catalog", null, 3.0)));

    assertThat(r.getId()).isEqualTo("scale-catalog-to-3");
    assertThat(r.getScale().getAbsolute()).isEqualTo(3);
    assertThat(r.getTarget().getService()).isEqualTo("catalog");
    assertThat(r.getBlastRadius().getTrafficFraction()).isEqualTo(0.4);
    assertThat(r.getSummary()).isEqualTo("scale catalog to 3 — Slow alone.");
  }

  @Test
  void shouldShedAtTheEntryEndpointAndChangeTheCalleesTimeoutWhenTheStepsSaySo() {
    Remediation shed =
        Candidates.remediation(
            proposal("shed", step(ActionKind.SHED_LOAD, "frontend/GET /browse", null, 0.2)));
    Remediation timeout =
        Candidates.remediation(
            proposal(
                "timeout",
                step(ActionKind.CALL_POLICY, "frontend/GET /browse", "catalog/GET /items", 0.5)));

    assertThat(shed.getShedLoad().getFraction()).isEqualTo(0.2);
    assertThat(shed.getTarget().getEndpoint()).isEqualTo("GET /browse");
    assertThat(timeout.getTimeoutChange().getTimeout().getNanos()).isEqualTo(500_000_000);
    assertThat(timeout.getTimeoutChange().getCallee().getService()).isEqualTo("catalog");
    assertThat(timeout.getTimeoutChange().getCallee().getEndpoint()).isEqualTo("GET /items");
  }

  @Test
  void shouldSendTheFirstStepAndSaySoWhenAProposalHasSeveral() {
    Remediation r =
        Candidates.remediation(
            proposal(
                "restart then scale",
                step(ActionKind.RESTART, "catalog", null, null),
                step(ActionKind.SCALE, "catalog", null, 4.0)));

    assertThat(r.getActionCase()).isEqualTo(Remediation.ActionCase.RESTART);
    assertThat(r.getSummary()).startsWith("restart then scale (first of 2 steps)");
  }

  @Test
  void shouldRefuseNamingTheTargetWhenAScaleHasNoValue() {
    assertThatThrownBy(
            () ->
                Candidates.remediation(
                    proposal("scale", step(ActionKind.SCALE, "catalog", null, null))))
        .hasMessageContaining("SCALE on catalog needs a value");
  }
}
