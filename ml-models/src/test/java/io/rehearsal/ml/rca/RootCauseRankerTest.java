package io.rehearsal.ml.rca;

import static org.assertj.core.api.Assertions.assertThat;

import io.rehearsal.ml.incident.Signal;
import io.rehearsal.ml.incident.Symptom;
import java.util.List;
import org.junit.jupiter.api.Test;

class RootCauseRankerTest {
  private final RootCauseRanker ranker = new RootCauseRanker(RcaConfig.defaults());

  private static final List<Symptom> AT_FRONTEND =
      List.of(
          new Symptom(
              "frontend",
              "GET /browse",
              Signal.LATENCY_P99,
              Shop.ONSET / 1000 + 6,
              Shop.ONSET / 1000,
              120,
              60));

  private List<Suspect> rank(Shop shop) {
    return ranker.rank(shop.record(7).build("inc-1", AT_FRONTEND));
  }

  @Test
  void shouldBlameTheServiceWhoseSelfTimeRoseWhenItsCallerOnlyInheritsTheLatency() {
    Shop shop = new Shop();
    shop.catalogExtraMs = 40;
    List<Suspect> suspects = rank(shop);
    Suspect top = suspects.get(0);
    assertThat(top.label()).isEqualTo("catalog LATENCY");
    assertThat(top.endpoint()).isEqualTo("GET /items");
    assertThat(top.score()).isEqualTo(1.0);
    assertThat(top.why().get(0)).startsWith("catalog GET /items self time");
    assertThat(top.why()).contains("its callers anomalous: frontend");
    assertThat(top.why()).anyMatch(w -> w.startsWith("its callees normal: inventory, search-api"));
    assertThat(suspects).noneMatch(s -> s.target().equals("frontend") && s.score() > 0.1);
  }

  @Test
  void shouldBlameTheDependencyWhenOnlyCallsToItGotSlower() {
    Shop shop = new Shop();
    shop.searchExtraMs = 200;
    Suspect top = rank(shop).get(0);
    assertThat(top.label()).isEqualTo("search-api DEPENDENCY_LATENCY");
    assertThat(top.dependency()).isTrue();
    assertThat(top.why().get(0)).startsWith("catalog -> search-api calls take");
  }

  @Test
  void shouldBlameTheFailingServiceWhenItsCallerFailsOnlyBecauseOfIt() {
    Shop shop = new Shop();
    shop.catalogErrors = 0.3;
    List<Suspect> suspects = rank(shop);
    assertThat(suspects.get(0).label()).isEqualTo("catalog ERRORS");
    assertThat(suspects).noneMatch(s -> s.label().equals("frontend ERRORS"));
  }

  @Test
  void shouldFindTheLostReplicaWhenOneInstanceFallsSilentAndCallsAreRefused() {
    Shop shop = new Shop();
    shop.killCatalogReplica = true;
    Suspect top = rank(shop).get(0);
    assertThat(top.label()).isEqualTo("catalog LOST_REPLICA");
    // 30 s of the incident plus the 2-s guard before the onset, which no window records.
    assertThat(top.why()).anyMatch(w -> w.contains("catalog-2 stopped reporting for 32 s"));
  }

  @Test
  void shouldBlameTheEntryServiceWhenItsTrafficSurges() {
    Shop shop = new Shop();
    shop.surge = 2;
    assertThat(rank(shop).get(0).label()).isEqualTo("frontend LOAD_SURGE");
  }

  @Test
  void shouldGiveNoSuspectWhenNothingChanged() {
    assertThat(rank(new Shop())).isEmpty();
  }

  @Test
  void shouldGiveTheSameSuspectsWhenRunTwice() {
    Shop shop = new Shop();
    shop.catalogExtraMs = 40;
    shop.searchExtraMs = 60;
    assertThat(rank(shop)).isEqualTo(rank(shop));
  }
}
