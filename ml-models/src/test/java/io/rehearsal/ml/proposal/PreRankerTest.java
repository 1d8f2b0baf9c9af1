package io.rehearsal.ml.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rehearsal.ml.proposal.PreRanker.Outcome;
import io.rehearsal.ml.rca.FaultKind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PreRankerTest {

  /** Restarts fix latency and errors, shedding never does, scaling fixes only a surge. */
  static List<Outcome> history() {
    List<Outcome> out = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      out.add(new Outcome(FaultKind.LATENCY, ActionKind.RESTART, Scope.SUSPECT, true));
      out.add(new Outcome(FaultKind.ERRORS, ActionKind.RESTART, Scope.SUSPECT, true));
      out.add(new Outcome(FaultKind.LATENCY, ActionKind.SHED_LOAD, Scope.ENTRY, false));
      out.add(new Outcome(FaultKind.LOAD_SURGE, ActionKind.SHED_LOAD, Scope.ENTRY, false));
      out.add(new Outcome(FaultKind.LATENCY, ActionKind.SCALE, Scope.SUSPECT, false));
      out.add(new Outcome(FaultKind.LOAD_SURGE, ActionKind.SCALE, Scope.SUSPECT, true));
    }
    return out;
  }

  @Test
  void shouldPreferWhatWorkedBeforeWhenTrainedOnOutcomes() {
    PreRanker ranker = PreRanker.train(history(), 42);
    double restart = ranker.probabilityBetter(FaultKind.LATENCY, ActionKind.RESTART, Scope.SUSPECT);
    double shed = ranker.probabilityBetter(FaultKind.LATENCY, ActionKind.SHED_LOAD, Scope.ENTRY);
    double scaleSurge =
        ranker.probabilityBetter(FaultKind.LOAD_SURGE, ActionKind.SCALE, Scope.SUSPECT);
    double scaleLatency =
        ranker.probabilityBetter(FaultKind.LATENCY, ActionKind.SCALE, Scope.SUSPECT);
    assertThat(restart).isGreaterThan(0.5).isGreaterThan(shed);
    assertThat(shed).isLessThan(0.5);
    assertThat(scaleSurge).isGreaterThan(scaleLatency);
    assertThat(ranker.describe()).contains("18 recorded outcomes", "seed 42");
  }

  @Test
  void shouldGiveTheSameProbabilitiesWhenTrainedTwiceWithTheSameSeed() {
    double a =
        PreRanker.train(history(), 7)
            .probabilityBetter(FaultKind.ERRORS, ActionKind.SCALE, Scope.SUSPECT);
    double b =
        PreRanker.train(history(), 7)
            .probabilityBetter(FaultKind.ERRORS, ActionKind.SCALE, Scope.SUSPECT);
    assertThat(a).isEqualTo(b);
  }

  @Test
  void shouldRefuseOutcomesThatAllAgree() {
    List<Outcome> same =
        List.of(
            new Outcome(FaultKind.LATENCY, ActionKind.RESTART, Scope.SUSPECT, true),
            new Outcome(FaultKind.ERRORS, ActionKind.RESTART, Scope.SUSPECT, true),
            new Outcome(FaultKind.LATENCY, ActionKind.SCALE, Scope.SUSPECT, true),
            new Outcome(FaultKind.ERRORS, ActionKind.SCALE, Scope.SUSPECT, true));
    assertThatThrownBy(() -> PreRanker.train(same, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("4 of 4");
  }
}
