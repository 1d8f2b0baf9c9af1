package io.rehearsal.rehearse.reality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RankingAgreementTest {

  /** An arm whose blocks spread by {@code noise} around its utility, alternating. */
  private static RealArm arm(double utility, double noise) {
    return arm(utility, utility + noise, utility - noise, utility + noise, utility - noise);
  }

  private static RealArm arm(double utility, Double... blocks) {
    return new RealArm(utility, utility, utility, 0, List.of(blocks), List.of());
  }

  private static final Map<String, RealArm> CLEAR =
      Map.of("a", arm(0.9, 0.001), "b", arm(0.6, 0.001), "c", arm(0.3, 0.001));

  @Test
  void shouldGiveTauOneWhenTheOrdersAgree() {
    assertThat(RankingAgreement.kendallTau(List.of("a", "b", "c"), CLEAR)).isEqualTo(1);
  }

  @Test
  void shouldGiveTauMinusOneWhenTheOrdersAreReversed() {
    assertThat(RankingAgreement.kendallTau(List.of("c", "b", "a"), CLEAR)).isEqualTo(-1);
  }

  @Test
  void shouldCountConcordantMinusDiscordantPairsOverAllPairs() {
    // pairs (a,c) +, (a,b) +, (c,b) -: (2 - 1) / 3
    assertThat(RankingAgreement.kendallTau(List.of("a", "c", "b"), CLEAR))
        .isCloseTo(1 / 3.0, within(1e-12));
    Map<String, RealArm> four =
        Map.of("a", arm(4, 0), "b", arm(3, 0), "c", arm(2, 0), "d", arm(1, 0));
    // b,a,d,c: 4 concordant, 2 discordant of 6
    assertThat(RankingAgreement.kendallTau(List.of("b", "a", "d", "c"), four))
        .isCloseTo(2 / 6.0, within(1e-12));
  }

  @Test
  void shouldCountNeitherWayWhenTwoArmsHaveTheSameRealUtility() {
    Map<String, RealArm> tie = Map.of("a", arm(1, 0), "b", arm(1, 0), "c", arm(0, 0));
    assertThat(RankingAgreement.kendallTau(List.of("b", "a", "c"), tie))
        .isCloseTo(2 / 3.0, within(1e-12));
  }

  @Test
  void shouldAgreeAtTheTopWithoutRegretWhenTheTwinPicksTheRealBest() {
    RankingAgreement r = RankingAgreement.compare("i", List.of("a", "c", "b"), CLEAR, 0.95);

    assertThat(r.top1()).isTrue();
    assertThat(r.realRanking()).containsExactly("a", "b", "c");
    assertThat(r.realBest()).containsExactly("a");
    assertThat(r.regret()).isZero();
  }

  @Test
  void shouldCountATiedArmAsTheBestWhenTheRealIntervalContainsZero() {
    // block differences a - b: 0.11, -0.09, 0.06, -0.04: mean 0.01, the interval holds 0
    Map<String, RealArm> close =
        Map.of(
            "a", arm(0.90, 0.95, 0.85, 0.95, 0.85),
            "b", arm(0.89, 0.84, 0.94, 0.89, 0.89),
            "c", arm(0.3, 0.001));

    RankingAgreement r = RankingAgreement.compare("i", List.of("b", "a", "c"), close, 0.95);

    assertThat(r.realBest()).containsExactlyInAnyOrder("a", "b");
    assertThat(r.top1()).isTrue();
    assertThat(r.regret()).isCloseTo(0.01, within(1e-12));
  }

  @Test
  void shouldMissTheTopAndLoseTheDifferenceWhenTheTwinPicksAClearlyWorseArm() {
    RankingAgreement r = RankingAgreement.compare("i", List.of("c", "a", "b"), CLEAR, 0.95);

    assertThat(r.top1()).isFalse();
    assertThat(r.regret()).isCloseTo(0.6, within(1e-12));
  }

  @Test
  void shouldAverageOverIncidentsWhenSummarised() {
    RankingAgreement good = RankingAgreement.compare("x", List.of("a", "b", "c"), CLEAR, 0.95);
    RankingAgreement bad = RankingAgreement.compare("y", List.of("c", "b", "a"), CLEAR, 0.95);

    RankingAgreement.Summary s = RankingAgreement.Summary.of(List.of(good, bad));

    assertThat(s.incidents()).isEqualTo(2);
    assertThat(s.top1Agreement()).isEqualTo(0.5);
    assertThat(s.kendallTau()).isZero();
    assertThat(s.regret()).isCloseTo(0.3, within(1e-12));
  }

  @Test
  void shouldRefuseARankingOfOtherArms() {
    assertThatThrownBy(() -> RankingAgreement.compare("i", List.of("a", "b"), CLEAR, 0.95))
        .hasMessageContaining("[a, b]");
  }
}
