package io.rehearsal.rehearse.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecommendationTest {

  /** An arm whose every metric has this mean (p99 and cost as given, errors as a fraction). */
  private static ArmOutcome arm(double p99, double errors, double cost) {
    List<OutcomeStatistics> stats = new ArrayList<>();
    for (Metric m : Metric.values()) {
      double v =
          switch (m) {
            case P99_LATENCY -> p99;
            case ERROR_RATE -> errors;
            case COST -> cost;
            default -> 0.5;
          };
      stats.add(OutcomeStatistics.of(new double[] {v}, m.higherIsBetter()));
    }
    return new ArmOutcome(stats);
  }

  @Test
  void shouldSayTheCandidateRestoresEverySloWhenItDoes() {
    Recommendation r = Recommendation.restores("rollback catalog", 42.4);
    assertThat(r.kind()).isEqualTo(Recommendation.Kind.RESTORES);
    assertThat(r.sentence())
        .isEqualTo("rollback catalog restores every SLO (time to recover 42 s)");
  }

  @Test
  void shouldNameTheUnmetSloAndTheBestMitigationsEffectWhenNothingRestores() {
    Recommendation r =
        Recommendation.mitigates(
            "scale payment to 3",
            List.of("frontend/POST /checkout"),
            arm(1.3976, 0.0015, 2100),
            arm(0.5435, 0.0, 2700));
    assertThat(r.kind()).isEqualTo(Recommendation.Kind.BEST_MITIGATION);
    assertThat(r.candidate()).isEqualTo("scale payment to 3");
    assertThat(r.sentence())
        .isEqualTo(
            "no candidate restores SLO frontend/POST /checkout; best mitigation: scale payment to 3"
                + " (p99 1398 → 544 ms, errors 0.15 % → 0.00 %, cost +600 replica-s)");
  }

  @Test
  void shouldListEveryUnmetSloWhenSeveralStayBelowTarget() {
    Recommendation r =
        Recommendation.mitigates("shed", List.of("a/x", "b/y"), arm(1, 0, 10), arm(1, 0, 5));
    assertThat(r.sentence())
        .startsWith("no candidate restores SLOs a/x, b/y; best mitigation: shed");
    assertThat(r.sentence()).endsWith("cost -5 replica-s)");
  }

  @Test
  void shouldRecommendDoingNothingWhenNoCandidateIsBetter() {
    Recommendation r = Recommendation.doNothing();
    assertThat(r.kind()).isEqualTo(Recommendation.Kind.DO_NOTHING);
    assertThat(r.candidate()).isNull();
    assertThat(r.sentence()).isEqualTo("no candidate is better than doing nothing");
  }
}
