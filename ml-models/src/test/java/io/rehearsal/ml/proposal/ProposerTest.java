package io.rehearsal.ml.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import io.rehearsal.ml.rca.FaultKind;
import io.rehearsal.ml.rca.RcaInput;
import io.rehearsal.ml.rca.RcaInputBuilder;
import io.rehearsal.ml.rca.RcaWindows;
import io.rehearsal.ml.rca.Suspect;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProposerTest {
  private static final long START = 1_000_000_000L;
  private static final Catalog SHOP =
      Catalogs.read(Path.of("../examples/reference-shop/catalog.yaml"));

  /** frontend (1 replica) calls catalog (2 replicas), catalog calls the external search-api. */
  private static RcaInput input(String catalogVersionDuring) {
    RcaInputBuilder b =
        new RcaInputBuilder(
            new RcaWindows(START, START + 28_000, START + 30_000, START + 60_000, 10_000));
    for (long t = START; t < START + 60_000; t += 100) {
      b.served("frontend", "GET /browse", t, 30, 5, false, true);
      b.served("frontend", "POST /cart", t, 10, 10, false, true);
      b.served("catalog", "GET /items", t, 25, 5, false, true);
      b.called("frontend", "GET /browse", "catalog", "GET /items", t, 25, false, true, 200);
      b.called("catalog", "GET /items", "search-api", "", t, 20, false, true, 200);
      String version = t < START + 30_000 ? "1.0" : catalogVersionDuring;
      b.instance("catalog", "catalog-1", version, t);
      b.instance("catalog", "catalog-2", version, t);
      b.instance("frontend", "frontend-1", "1.0", t);
    }
    return b.build("inc-1", List.of());
  }

  private static Suspect suspect(String target, FaultKind kind, boolean dependency) {
    return new Suspect(target, "", dependency, kind, 1.0, List.of("evidence for " + target));
  }

  @Test
  void shouldProposeWithinGuardsAndSayWhyWhenAServiceIsSlow() {
    Proposals p =
        new Proposer(SHOP)
            .propose(
                input("1.0"),
                List.of(suspect("catalog", FaultKind.LATENCY, false)),
                List.of(),
                START / 1000);
    assertThat(p.candidates())
        .extracting(Proposal::name)
        .containsExactly(
            "restart catalog",
            "scale catalog to 3",
            "scale catalog to 4",
            "frontend/GET /browse -> catalog/GET /items: timeout 0.1 s, 0 retries",
            "shed 30% of frontend/GET /browse");
    assertThat(p.heldBack())
        .anyMatch(h -> h.startsWith("roll back catalog: no recent service.version change"));
    Proposal restart = p.candidates().get(0);
    assertThat(restart.why().get(0)).contains("restart clears a degraded process");
    assertThat(restart.why().get(1))
        .isEqualTo("answers suspect catalog LATENCY (score 1.00): evidence for catalog");
    assertThat(restart.blastRadius()).isEqualTo(0.5); // 10 of 20 entry requests/s reach catalog
    assertThat(p.candidates().get(0).prior()).isGreaterThan(p.candidates().get(1).prior());
  }

  @Test
  void shouldProposeARollbackWhenANewVersionAppeared() {
    Proposals p =
        new Proposer(SHOP)
            .propose(
                input("1.1"),
                List.of(suspect("catalog", FaultKind.ERRORS, false)),
                List.of(),
                START / 1000);
    assertThat(p.candidates().get(0).name()).isEqualTo("roll back catalog");
    assertThat(p.candidates().get(0).steps().get(0).delay()).isEqualTo(5.0);
    assertThat(p.candidates().get(0).why()).anyMatch(w -> w.contains("[1.1] appeared"));
  }

  @Test
  void shouldHoldBackAnActionStillCoolingDown() {
    long now = START / 1000 + 60;
    List<RecentAction> recent = List.of(new RecentAction("catalog", ActionKind.RESTART, now - 120));
    Proposals p =
        new Proposer(SHOP)
            .propose(
                input("1.0"),
                List.of(suspect("catalog", FaultKind.LOST_REPLICA, false)),
                recent,
                now);
    assertThat(p.candidates()).extracting(Proposal::name).doesNotContain("restart catalog");
    assertThat(p.heldBack())
        .contains("restart catalog: the same action on catalog ran 120 s ago (cool-down 600 s)");
  }

  @Test
  void shouldChangeTheCallersNotTheDependencyWhenADependencyIsSlow() {
    Proposals p =
        new Proposer(SHOP)
            .propose(
                input("1.0"),
                List.of(suspect("search-api", FaultKind.DEPENDENCY_LATENCY, true)),
                List.of(),
                START / 1000);
    assertThat(p.candidates())
        .extracting(Proposal::name)
        .containsExactly(
            "catalog/GET /items -> search-api: timeout 2 s, 0 retries",
            "catalog/GET /items -> search-api: timeout 0.2 s, 0 retries",
            "scale catalog to 4",
            "shed 50% of frontend/GET /browse");
    assertThat(p.candidates().get(2).why()).contains("from 2 to 4 replicas (limit 4)");
    assertThat(p.heldBack()).isEmpty();
  }

  @Test
  void shouldHoldBackAScaleOutsideTheReplicaLimits() {
    Catalog small =
        Catalogs.parse(
            "guards: {replicas: {min: 1, max: 3}}\n"
                + "rules:\n  - when: {kind: SATURATION}\n"
                + "    propose: [{action: SCALE, replicas: [2, 3, 9], why: more workers}]\n",
            "small.yaml");
    Proposals p =
        new Proposer(small)
            .propose(
                input("1.0"),
                List.of(suspect("catalog", FaultKind.SATURATION, false)),
                List.of(),
                START / 1000);
    assertThat(p.candidates()).extracting(Proposal::name).containsExactly("scale catalog to 3");
    assertThat(p.heldBack())
        .containsExactly(
            "scale catalog to 2: not above the current 2 replicas",
            "scale catalog to 9: outside the replica limits 1..3");
  }

  @Test
  void shouldKeepToTheBudgetAndListTheRestWhenManySuspectsMatch() {
    List<Suspect> two =
        List.of(
            suspect("catalog", FaultKind.LATENCY, false),
            new Suspect("frontend", "", false, FaultKind.LOAD_SURGE, 0.5, List.of("more")));
    Proposals p = new Proposer(SHOP).propose(input("1.0"), two, List.of(), START / 1000);
    assertThat(p.candidates()).hasSize(6);
    assertThat(p.heldBack()).anyMatch(h -> h.endsWith("over the budget of 6 candidates"));
  }

  @Test
  void shouldLetThePreRankerOrderTheCandidatesWhenTheCatalogYieldsMoreThanTheBudget() {
    Catalog three =
        Catalogs.parse(
            "budget: 3\n"
                + "rules:\n  - when: {kind: LATENCY}\n    propose:\n"
                + "      - {action: SHED_LOAD, fraction: [0.3], why: shed}\n"
                + "      - {action: SCALE, add: [1, 2], why: scale}\n"
                + "      - {action: RESTART, why: restart}\n",
            "three.yaml");
    List<Suspect> catalogSlow = List.of(suspect("catalog", FaultKind.LATENCY, false));
    Proposals plain =
        new Proposer(three).propose(input("1.0"), catalogSlow, List.of(), START / 1000);
    assertThat(plain.candidates().get(0).name()).startsWith("shed 30%");
    PreRanker learned = PreRanker.train(PreRankerTest.history(), 42);
    Proposals ranked =
        new Proposer(three, learned).propose(input("1.0"), catalogSlow, List.of(), START / 1000);
    assertThat(ranked.candidates()).hasSize(3);
    assertThat(ranked.candidates().get(0).name()).isEqualTo("restart catalog");
    assertThat(ranked.candidates())
        .extracting(Proposal::name)
        .doesNotContain("shed 30% of frontend/GET /browse");
    assertThat(ranked.candidates().get(0).why()).last().asString().startsWith("pre-ranker: ");
  }
}
