package io.rehearsal.detector.loop;

import static org.assertj.core.api.Assertions.assertThat;

import io.rehearsal.ml.rca.FaultKind;
import io.rehearsal.ml.rca.Suspect;
import io.rehearsal.proto.v1.FaultHypothesis;
import io.rehearsal.proto.v1.SuspectedTarget;
import io.rehearsal.proto.v1.Target;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The telemetry's suspects re-ranked by an evaluation's fitted hypotheses (contract types). */
class SuspectFitTest {
  private static final List<Suspect> TELEMETRY =
      List.of(
          new Suspect(
              "catalog", "GET /items", false, FaultKind.LATENCY, 1.0, List.of("self time x8")),
          new Suspect("payment-gateway", "", true, FaultKind.DEPENDENCY_LATENCY, 0.6, List.of()),
          new Suspect("frontend", "", false, FaultKind.LOAD_SURGE, 0.4, List.of()));

  private static FaultHypothesis fitted(
      io.rehearsal.proto.v1.FaultKind kind, Target target, double goodness) {
    return FaultHypothesis.newBuilder()
        .setKind(kind)
        .setTarget(target)
        .setMagnitude(3)
        .setGoodnessOfFit(goodness)
        .build();
  }

  private static Target service(String s) {
    return Target.newBuilder().setService(s).build();
  }

  private static List<String> order(SuspectFit.Result r) {
    return r.targets().stream()
        .map(SuspectedTarget::getTarget)
        .map(t -> t.getDependency().isEmpty() ? t.getService() : t.getDependency())
        .toList();
  }

  @Test
  void shouldPutTheDependencyFirstWhenItsSlowdownFitsBetterThanTheServicesLatency() {
    SuspectFit.Result r =
        SuspectFit.rerank(
            TELEMETRY,
            List.of(
                fitted(
                    io.rehearsal.proto.v1.FaultKind.FAULT_KIND_DEPENDENCY_DELAY,
                    Target.newBuilder().setDependency("payment-gateway").build(),
                    0.91),
                fitted(
                    io.rehearsal.proto.v1.FaultKind.FAULT_KIND_LATENCY_MULTIPLIER,
                    service("catalog"),
                    0.4)));

    assertThat(r.verdict()).isEqualTo(SuspectFit.Verdict.OVERTURNED);
    assertThat(order(r)).containsExactly("payment-gateway", "catalog", "frontend");
    assertThat(r.targets().get(0).getReason())
        .startsWith("fit 0.91 (DEPENDENCY_DELAY payment-gateway 3.00), telemetry #2; ");
    assertThat(r.targets().get(2).getReason())
        .startsWith("fit 0.00 (no fitted hypothesis names it)");
    assertThat(r.detail())
        .startsWith("the fit puts payment-gateway DEPENDENCY_LATENCY first (goodness 0.91");
  }

  @Test
  void shouldConfirmTheFirstSuspectWhenItsFaultFitsBestOrTiesWithinTheTieMargin() {
    SuspectFit.Result r =
        SuspectFit.rerank(
            TELEMETRY,
            List.of(
                fitted(
                    io.rehearsal.proto.v1.FaultKind.FAULT_KIND_TRAFFIC_SURGE,
                    Target.newBuilder().setService("frontend").setEndpoint("GET /browse").build(),
                    0.82),
                fitted(
                    io.rehearsal.proto.v1.FaultKind.FAULT_KIND_LATENCY_MULTIPLIER,
                    service("catalog"),
                    0.80)));

    assertThat(r.verdict()).isEqualTo(SuspectFit.Verdict.CONFIRMED);
    assertThat(order(r)).containsExactly("catalog", "frontend", "payment-gateway");
    assertThat(r.detail()).startsWith("the fit confirms catalog LATENCY first (goodness 0.80)");
  }

  @Test
  void shouldKeepTheTelemetryOrderWhenNoHypothesisNamesASuspectWithItsKind() {
    SuspectFit.Result r =
        SuspectFit.rerank(
            TELEMETRY,
            List.of(
                // catalog, but errors, not latency; and a kind this detector does not know
                fitted(
                    io.rehearsal.proto.v1.FaultKind.FAULT_KIND_ADDED_ERRORS,
                    service("catalog"),
                    0.9),
                FaultHypothesis.newBuilder()
                    .setKindValue(99)
                    .setTarget(service("catalog"))
                    .build()));

    assertThat(r.verdict()).isEqualTo(SuspectFit.Verdict.UNCONFIRMED);
    assertThat(order(r)).containsExactly("catalog", "payment-gateway", "frontend");
    assertThat(r.detail())
        .isEqualTo(
            "no fitted hypothesis names a suspect (best fit: ADDED_ERRORS catalog 3.00);"
                + " telemetry order kept");
    assertThat(SuspectFit.rerank(TELEMETRY, List.of()).detail())
        .isEqualTo("the evaluation fitted no fault hypothesis; telemetry order kept");
  }

  @Test
  void shouldKnowEveryContractFaultKindWhenMappingToTheTwin() {
    assertThat(
            Arrays.stream(io.rehearsal.proto.v1.FaultKind.values())
                .filter(k -> k != io.rehearsal.proto.v1.FaultKind.UNRECOGNIZED)
                .filter(k -> k != io.rehearsal.proto.v1.FaultKind.FAULT_KIND_UNSPECIFIED)
                .map(SuspectFit::kind)
                .distinct())
        .hasSize(io.rehearsal.twin.spec.FaultKind.values().length)
        .doesNotContainNull();
  }
}
