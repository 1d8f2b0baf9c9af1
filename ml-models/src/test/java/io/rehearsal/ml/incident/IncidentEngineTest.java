package io.rehearsal.ml.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class IncidentEngineTest {

  private static final long T0 = 1_800_000_000_000L;
  private static final List<Slo> SLOS = List.of(Slo.of("frontend/GET /browse", 200, 99, 0.99));

  /** A small shop: frontend calls catalog and cart, catalog calls db; 20 requests/s each. */
  private static List<IncidentEvent> run(
      IncidentEngine engine, int seconds, double catalogExtraMs, double errorShare, int faultAt) {
    SplittableRandom random = new SplittableRandom(7);
    List<IncidentEvent> events = new ArrayList<>();
    long id = 1;
    for (int s = 0; s < seconds; s++) {
      boolean fault = s >= faultAt;
      for (int i = 0; i < 20; i++) {
        long end = T0 + s * 1000L + i * 50L;
        double catalog = 10 + random.nextDouble() * 5 + (fault ? catalogExtraMs : 0);
        boolean failed = fault && random.nextDouble() < errorShare;
        engine.recordCall("frontend", "catalog");
        engine.recordCall("frontend", "cart");
        engine.recordRequest("catalog", "GET /items", end, catalog, failed, id++);
        engine.recordRequest("frontend", "GET /browse", end, catalog + 5, failed, id++);
        engine.recordRequest("cart", "GET /cart", end, 3 + random.nextDouble(), false, id++);
        events.addAll(engine.advanceTo(end));
      }
    }
    return events;
  }

  @Test
  void shouldOpenNoIncidentWhenTrafficIsSteady() {
    IncidentEngine engine = new IncidentEngine(IncidentConfig.defaults(), SLOS);
    run(engine, 120, 0, 0, Integer.MAX_VALUE);
    assertThat(engine.incidents()).isEmpty();
    assertThat(engine.counters().accepted()).isEqualTo(120 * 60);
  }

  @Test
  void shouldOpenOneIncidentWithGroupedSymptomsWhenCatalogSlowsDown() {
    IncidentEngine engine = new IncidentEngine(IncidentConfig.defaults(), SLOS);
    List<IncidentEvent> events = run(engine, 90, 60, 0, 40);
    assertThat(engine.incidents()).hasSize(1);
    Incident incident = engine.incidents().get(0);
    assertThat(incident.services()).containsExactlyInAnyOrder("catalog", "frontend");
    assertThat(incident.symptoms()).extracting(Symptom::signal).contains(Signal.LATENCY_P50);
    assertThat(incident.openedSecond() - T0 / 1000).isBetween(40L, 50L);
    assertThat(events.get(0).type()).isEqualTo(IncidentEvent.Type.OPENED);
  }

  @Test
  void shouldRaiseSloBurnWhenErrorsBurnTheBudgetInBothWindows() {
    IncidentEngine engine = new IncidentEngine(IncidentConfig.defaults(), SLOS);
    run(engine, 90, 0, 0.3, 40);
    assertThat(engine.incidents()).hasSize(1);
    assertThat(engine.incidents().get(0).symptoms())
        .extracting(Symptom::signal)
        .contains(Signal.SLO_BURN, Signal.ERROR_RATE);
  }

  @Test
  void shouldResolveAndThenReopenWhenTheFaultFlapsWithinTheCooldown() {
    IncidentEngine engine = new IncidentEngine(IncidentConfig.defaults(), SLOS);
    SplittableRandom random = new SplittableRandom(3);
    List<IncidentEvent> events = new ArrayList<>();
    long id = 1;
    for (int s = 0; s < 200; s++) {
      boolean fault = (s >= 40 && s < 60) || (s >= 100 && s < 120);
      for (int i = 0; i < 20; i++) {
        long end = T0 + s * 1000L + i * 50L;
        double latency = 10 + random.nextDouble() * 5 + (fault ? 80 : 0);
        engine.recordRequest("catalog", "GET /items", end, latency, false, id++);
        events.addAll(engine.advanceTo(end));
      }
    }
    assertThat(engine.incidents()).hasSize(1);
    assertThat(events)
        .extracting(IncidentEvent::type)
        .containsSubsequence(
            IncidentEvent.Type.OPENED,
            IncidentEvent.Type.RESOLVED,
            IncidentEvent.Type.REOPENED,
            IncidentEvent.Type.RESOLVED);
    assertThat(engine.incidents().get(0).reopened()).isEqualTo(1);
  }

  @Test
  void shouldCountAndDropBadInputWhenPointsAreNanLateDuplicateOrSkewed() {
    IncidentEngine engine = new IncidentEngine(IncidentConfig.defaults(), SLOS);
    engine.recordRequest("catalog", "GET /items", T0, 10, false, 1);
    engine.advanceTo(T0 + 10_000);
    assertThat(engine.recordRequest("catalog", "GET /items", T0 + 10_000, Double.NaN, false, 2))
        .isFalse();
    assertThat(engine.recordRequest("catalog", "GET /items", T0 + 1_000, 10, false, 3)).isFalse();
    assertThat(engine.recordRequest("catalog", "GET /items", T0 + 10_000, 10, false, 4)).isTrue();
    assertThat(engine.recordRequest("catalog", "GET /items", T0 + 10_000, 10, false, 4)).isFalse();
    assertThat(engine.recordRequest("catalog", "GET /items", T0 + 3_600_000, 1, false, 5))
        .isFalse();
    assertThat(engine.recordRequest("", "GET /items", T0 + 10_000, 1, false, 6)).isFalse();
    assertThat(engine.advanceTo(T0)).isEmpty();
    assertThat(engine.counters()).isEqualTo(new InputCounters(2, 1, 1, 1, 1, 1, 1));
  }

  @Test
  void shouldMarkMitigatingOnlyWhenTheIncidentIsOpen() {
    IncidentEngine engine = new IncidentEngine(IncidentConfig.defaults(), SLOS);
    run(engine, 60, 60, 0, 30);
    String id = engine.incidents().get(0).id();
    assertThat(engine.mitigating(id)).isPresent();
    assertThat(engine.mitigating(id)).isEmpty();
    assertThat(engine.mitigating("inc-unknown")).isEmpty();
    assertThat(engine.incidents().get(0).state()).isEqualTo(IncidentState.MITIGATING);
  }
}
