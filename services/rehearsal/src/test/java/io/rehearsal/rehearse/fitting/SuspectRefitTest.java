package io.rehearsal.rehearse.fitting;

import static org.assertj.core.api.Assertions.assertThat;

import io.rehearsal.twin.spec.Fault;
import io.rehearsal.twin.spec.FaultKind;
import io.rehearsal.twin.spec.TwinSpecs;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Suspects handed over in a wrong telemetry order are re-ranked by the fit on symptoms simulated
 * from shop.yaml with a known fault (as in {@link FaultFitterTest}).
 */
class SuspectRefitTest {
  private static final FaultFitter FITTER =
      new FaultFitter(
          TwinSpecs.read(Path.of("../../examples/twin/shop.yaml")), new FitConfig(20, 7, 2, 4, 2));

  @Test
  void shouldPutTheSuspectWhoseFaultReproducesTheSymptomsFirstWhenTheTelemetryRankedItLower() {
    Symptoms observed =
        FaultFitterTest.symptoms(
            new Fault(FaultKind.LATENCY, 20, 60.0, "inventory", 6.0, null), 1001);
    List<SuspectRefit.Candidate> telemetryOrder =
        List.of(
            new SuspectRefit.Candidate("payment-gateway", Set.of(FaultKind.DEPENDENCY_SLOWDOWN)),
            new SuspectRefit.Candidate("inventory", Set.of(FaultKind.LATENCY)),
            new SuspectRefit.Candidate("no-such-service", Set.of(FaultKind.ERROR_RATE)));

    List<SuspectRefit.Refit> ranked =
        SuspectRefit.rerank(FITTER, observed, Map.of(), telemetryOrder);

    assertThat(ranked).extracting(SuspectRefit.Refit::telemetryRank).containsExactly(1, 0, 2);
    SuspectRefit.Refit first = ranked.get(0);
    assertThat(first.best().kind()).isEqualTo(FaultKind.LATENCY);
    assertThat(first.best().target()).isEqualTo("inventory");
    assertThat(first.goodness()).isGreaterThan(ranked.get(1).goodness() + SuspectRefit.TIE);
    assertThat(ranked.get(2).best()).isNull();
    assertThat(ranked.get(2).goodness()).isZero();
  }

  @Test
  void shouldKeepTheTelemetryOrderWhenNoSuspectExplainsTheSymptoms() {
    Symptoms observed =
        FaultFitterTest.symptoms(
            new Fault(FaultKind.LATENCY, 20, 60.0, "inventory", 6.0, null), 1002);
    List<SuspectRefit.Candidate> unrelated =
        List.of(
            new SuspectRefit.Candidate("smtp", Set.of(FaultKind.DEPENDENCY_OUTAGE)),
            new SuspectRefit.Candidate("nowhere", Set.of(FaultKind.LATENCY)));

    List<SuspectRefit.Refit> ranked = SuspectRefit.rerank(FITTER, observed, Map.of(), unrelated);

    assertThat(ranked).extracting(SuspectRefit.Refit::telemetryRank).containsExactly(0, 1);
    assertThat(ranked.get(0).goodness()).isLessThan(SuspectRefit.TIE / 2);
  }

  @Test
  void shouldOrderBySuppliedHypothesesWhenTheFitWasMadeElsewhere() {
    List<FaultHypothesis> sandboxBestFirst =
        List.of(
            new FaultHypothesis(FaultKind.ERROR_RATE, "search", 0.5, 0.1, 0.9, 0),
            new FaultHypothesis(FaultKind.ERROR_RATE, "payment", 0.3, 0.2, 0.8, 0),
            new FaultHypothesis(FaultKind.LATENCY, "catalog", 3.0, 0.7, 0.3, 0),
            new FaultHypothesis(FaultKind.LATENCY, "frontend", 2.0, 0.72, 0.28, 0));
    List<SuspectRefit.Candidate> telemetryOrder =
        List.of(
            new SuspectRefit.Candidate("catalog", Set.of(FaultKind.LATENCY)),
            new SuspectRefit.Candidate("payment", Set.of(FaultKind.ERROR_RATE)),
            new SuspectRefit.Candidate("frontend", Set.of(FaultKind.LATENCY)),
            new SuspectRefit.Candidate("search", Set.of(FaultKind.LATENCY)));

    List<SuspectRefit.Refit> ranked = SuspectRefit.rerank(telemetryOrder, sandboxBestFirst);

    // payment explains most; catalog and frontend tie within TIE (telemetry order); search's
    // hypothesis is of another kind than its suspect, so it explains nothing.
    assertThat(ranked).extracting(SuspectRefit.Refit::telemetryRank).containsExactly(1, 0, 2, 3);
    assertThat(ranked.get(0).goodness()).isEqualTo(0.8);
    assertThat(ranked.get(3).best()).isNull();
  }

  @Test
  void shouldTryOnlyTheSeededKindsAndTargetsWhenSeeded() {
    Symptoms observed =
        FaultFitterTest.symptoms(
            new Fault(FaultKind.TRAFFIC_SURGE, 20, 60.0, "frontend/GET /search", 3.0, null), 1003);
    List<FaultHypothesis> fitted =
        FITTER.fit(
            observed,
            Map.of(),
            List.of(
                new HypothesisSeed(FaultKind.TRAFFIC_SURGE, "frontend"),
                new HypothesisSeed(FaultKind.REPLICA_CRASH, "search")));
    assertThat(fitted)
        .allSatisfy(
            h ->
                assertThat(h.kind() == FaultKind.TRAFFIC_SURGE || h.target().equals("search"))
                    .isTrue());
    assertThat(fitted.get(0).kind()).isEqualTo(FaultKind.TRAFFIC_SURGE);
    assertThat(fitted).extracting(FaultHypothesis::target).contains("*", "frontend/GET /search");
  }
}
