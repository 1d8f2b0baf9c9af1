package io.rehearsal.cli.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Timestamp;
import io.rehearsal.proto.v1.Incident;
import io.rehearsal.proto.v1.IncidentState;
import io.rehearsal.proto.v1.IncidentStep;
import io.rehearsal.proto.v1.Remediation;
import io.rehearsal.proto.v1.SuspectedTarget;
import io.rehearsal.proto.v1.Target;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code incidents show} of an incident the detector's loop worked on. */
class IncidentTextTest {
  private static final Instant AT = Instant.parse("2026-12-07T10:02:30Z");

  private static Incident looped() {
    return Incident.newBuilder()
        .setId("inc-20261207-0003")
        .setState(IncidentState.INCIDENT_STATE_MITIGATING)
        .setTitle("catalog GET /items LATENCY_P99")
        .setDetectedAt(at(0))
        .addSuspectedTargets(
            SuspectedTarget.newBuilder()
                .setTarget(Target.newBuilder().setService("catalog").setEndpoint("GET /items"))
                .setScore(1)
                .setReason("LATENCY: self time 5x"))
        .addProposals(
            Remediation.newBuilder()
                .setId("scale-catalog-to-3")
                .setTarget(Target.newBuilder().setService("catalog"))
                .setScale(Remediation.Scale.newBuilder().setAbsolute(3))
                .setSummary("scale catalog to 3 — catalog is slow on its own."))
        .setEvaluationId("ev-1")
        .setDecisionId("dec-1")
        .addLoopSteps(step("evaluation", "done", 1, "ev-1 ranked scale-catalog-to-3", 5))
        .addLoopSteps(step("decision", "retrying", 1, "UNAVAILABLE: io exception; retrying", 6))
        .addLoopSteps(step("decision", "APPROVED", 2, "dec-1 submitted scale-catalog-to-3", 7))
        .addLoopSteps(step("decision", "EXECUTING", 1, "dec-1 was APPROVED", 9))
        .build();
  }

  private static IncidentStep step(String step, String status, int attempt, String detail, int s) {
    return IncidentStep.newBuilder()
        .setStep(step)
        .setStatus(status)
        .setAttempt(attempt)
        .setDetail(detail)
        .setAt(at(s))
        .build();
  }

  private static Timestamp at(int seconds) {
    return Timestamp.newBuilder().setSeconds(AT.getEpochSecond() + seconds).build();
  }

  @Test
  void shouldPrintProposalsWithWhyAndEveryLoopStepWhenTheLoopRan() {
    StringWriter out = new StringWriter();
    IncidentText.details(looped(), AT.plusSeconds(60), new PrintWriter(out, true));

    String text = out.toString();
    assertThat(text)
        .contains(
            "  scale-catalog-to-3: scale on catalog\n"
                + "      scale catalog to 3 — catalog is slow on its own.",
            "Evaluation: ev-1",
            "Decision:   dec-1  EXECUTING",
            "2026-12-07T10:02:36Z  decision    retrying      UNAVAILABLE: io exception; retrying",
            "2026-12-07T10:02:37Z  decision    APPROVED      (attempt 2) dec-1 submitted");
    assertThat(text.indexOf("APPROVED      (attempt 2)"))
        .isLessThan(text.indexOf("EXECUTING     dec-1"));
  }

  @Test
  void shouldGiveTheLoopStepsAndDecisionStateInJsonWhenTheLoopRan() {
    Map<String, Object> json = IncidentText.full(looped(), AT.plusSeconds(60));

    assertThat(json.get("decision_state")).isEqualTo("EXECUTING");
    assertThat((List<?>) json.get("loop_steps")).hasSize(4);
    assertThat(((List<?>) json.get("proposals")).get(0).toString()).contains("scale-catalog-to-3");
  }

  @Test
  void shouldSayNoStepYetWhenTheLoopHasNotRun() {
    StringWriter out = new StringWriter();
    IncidentText.details(
        Incident.newBuilder().setId("inc-20261207-0004").setTitle("t").build(),
        AT,
        new PrintWriter(out, true));

    assertThat(out.toString()).contains("Decision:   -", "Loop:\n  (no step yet)");
    assertThat(IncidentText.full(Incident.getDefaultInstance(), AT).get("decision_state")).isNull();
  }
}
