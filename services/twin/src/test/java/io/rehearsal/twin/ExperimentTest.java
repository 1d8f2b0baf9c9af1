package io.rehearsal.twin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rehearsal.twin.spec.ArrivalPattern;
import io.rehearsal.twin.spec.Distribution;
import io.rehearsal.twin.spec.EndpointSpec;
import io.rehearsal.twin.spec.Fault;
import io.rehearsal.twin.spec.FaultKind;
import io.rehearsal.twin.spec.InvalidSpecException;
import io.rehearsal.twin.spec.Remediation;
import io.rehearsal.twin.spec.RemediationKind;
import io.rehearsal.twin.spec.ServiceSpec;
import io.rehearsal.twin.spec.SloSpec;
import io.rehearsal.twin.spec.TrafficSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExperimentTest {
  private static final TwinSpec SPEC =
      TwinSpec.builder("api")
          .service(
              new ServiceSpec(
                  "api",
                  "1",
                  2,
                  4,
                  50,
                  new Distribution.Constant(5),
                  null,
                  null,
                  List.of(EndpointSpec.of("GET /", new Distribution.Exponential(0.02)))))
          .traffic(new TrafficSpec("api/GET /", new ArrivalPattern.Poisson(100)))
          .slo(new SloSpec("api/GET /", 99, 0.3, 0.99))
          .build();
  private static final Scenario INCIDENT =
      new Scenario(
          "bad deploy",
          List.of(new Fault(FaultKind.LATENCY, 60, 0.0, "api", 5.0, null)),
          List.of());
  private static final SimulationConfig CONFIG = SimulationConfig.of(300).withWarmup(30);

  @Test
  void shouldReportZeroDifferenceWhenCandidateChangesNothing() {
    Scenario same = INCIDENT.with("do nothing again", List.of());
    ExperimentResult r = new Experiment(SPEC, INCIDENT, List.of(same), CONFIG, 7, 6).run(2);
    for (PairedDifference d : r.candidate("do nothing again").differences()) {
      // Common random numbers: the same scenario replays exactly, so every difference is 0.
      assertThat(d.meanDifference()).as(d.outcome().name()).isZero();
      assertThat(d.ciLow()).isZero();
      assertThat(d.ciHigh()).isZero();
      assertThat(d.probabilityOfImprovement()).isEqualTo(0.5);
    }
  }

  @Test
  void shouldFindTheImprovementWithATightIntervalWhenRollbackFixesTheIncident() {
    Scenario rollback =
        INCIDENT.with(
            "rollback", List.of(Remediation.of(RemediationKind.ROLLBACK, 90, "api", null)));
    Scenario scale =
        INCIDENT.with("scale", List.of(Remediation.of(RemediationKind.SCALE, 90, "api", 6.0)));
    ExperimentResult r =
        new Experiment(SPEC, INCIDENT, List.of(rollback, scale), CONFIG, 7, 8).run(2);
    PairedDifference errors = r.candidate("rollback").difference(Outcome.ERROR_RATE);
    PairedDifference latency = r.candidate("rollback").difference(Outcome.MEAN_LATENCY);
    System.out.println("EXPERIMENT rollback " + errors + "\nEXPERIMENT rollback " + latency);
    System.out.println("EXPERIMENT scale " + r.candidate("scale").difference(Outcome.MEAN_LATENCY));
    assertThat(errors.ciHigh()).isLessThan(0);
    assertThat(errors.probabilityOfImprovement()).isGreaterThan(0.99);
    assertThat(errors.fractionImproved()).isEqualTo(1.0);
    assertThat(latency.ciHigh()).isLessThan(0);
    assertThat(r.candidate("scale").difference(Outcome.COST).meanDifference()).isGreaterThan(0);
    assertThat(r.baselineRuns()).hasSize(8);
  }

  @Test
  void shouldRejectCandidatesWhenTheyNameUnknownTargets() {
    Scenario bad =
        INCIDENT.with("bad", List.of(Remediation.of(RemediationKind.SCALE, 90, "nope", 2.0)));
    assertThatThrownBy(() -> new Experiment(SPEC, INCIDENT, List.of(bad), CONFIG, 7, 4))
        .isInstanceOf(InvalidSpecException.class)
        .hasMessage("remediations[0].target: unknown service 'nope'");
  }
}
