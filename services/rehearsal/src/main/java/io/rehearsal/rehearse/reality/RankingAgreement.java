package io.rehearsal.rehearse.reality;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How well the twin's ranking of an incident's arms agrees with their real outcomes. Reality ranks
 * the arms by real utility; the arms whose difference from the real best has a {@link
 * PairedInterval} containing 0 tie with it. The twin agrees at the top when its best arm is one of
 * the tied best; Kendall's tau (tau-a: concordant minus discordant pairs over all pairs, exact real
 * ties counting neither) compares the whole orders; the regret is the real utility lost by
 * following the twin (real best minus the twin's pick, at least 0).
 *
 * @param incident the incident's id
 * @param twinRanking the arms, best first, as the twin ranks them
 * @param realRanking the arms, best first, by real utility
 * @param realBest the arms tied with the real best (the best included)
 * @param top1 whether the twin's best is among {@code realBest}
 * @param kendallTau rank agreement in [-1, 1]
 * @param regret real utility of the real best minus that of the twin's best
 */
public record RankingAgreement(
    String incident,
    List<String> twinRanking,
    List<String> realRanking,
    Set<String> realBest,
    boolean top1,
    double kendallTau,
    double regret) {

  /** Copies the collections. */
  public RankingAgreement {
    twinRanking = List.copyOf(twinRanking);
    realRanking = List.copyOf(realRanking);
    realBest = Set.copyOf(realBest);
  }

  /**
   * Compares the twin's ranking with the real arms.
   *
   * @param twinRanking every arm of {@code real}, best first
   * @param real each arm's real outcome by name
   * @param confidence confidence level of the real ties' intervals
   * @throws IllegalArgumentException if the ranking and the real arms name different arms
   */
  public static RankingAgreement compare(
      String incident, List<String> twinRanking, Map<String, RealArm> real, double confidence) {
    if (!Set.copyOf(twinRanking).equals(real.keySet()) || twinRanking.size() != real.size()) {
      throw new IllegalArgumentException(
          "the twin ranked " + twinRanking + " but the real arms are " + real.keySet());
    }
    List<String> realRanking = new ArrayList<>(real.keySet());
    realRanking.sort(
        Comparator.comparingDouble((String a) -> -real.get(a).utility())
            .thenComparing(Comparator.naturalOrder()));
    RealArm best = real.get(realRanking.get(0));
    Set<String> tied = new LinkedHashSet<>();
    for (String arm : realRanking) {
      List<Double> blocks = real.get(arm).blockUtilities();
      if (arm.equals(realRanking.get(0))
          || PairedInterval.of(best.blockUtilities(), blocks, confidence).containsZero()) {
        tied.add(arm);
      }
    }
    String twinBest = twinRanking.get(0);
    return new RankingAgreement(
        incident,
        twinRanking,
        realRanking,
        tied,
        tied.contains(twinBest),
        kendallTau(twinRanking, real),
        Math.max(0, best.utility() - real.get(twinBest).utility()));
  }

  /** Tau-a between an order (best first) and the real utilities; 1 for fewer than two arms. */
  static double kendallTau(List<String> order, Map<String, RealArm> real) {
    int n = order.size();
    if (n < 2) {
      return 1;
    }
    long concordant = 0;
    long discordant = 0;
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        double diff = real.get(order.get(i)).utility() - real.get(order.get(j)).utility();
        concordant += diff > 0 ? 1 : 0;
        discordant += diff < 0 ? 1 : 0;
      }
    }
    return (concordant - discordant) / (n * (n - 1) / 2.0);
  }

  /**
   * The means over incidents.
   *
   * @param incidents incidents compared
   * @param top1Agreement share of incidents where the twin's best is among the real tied best
   * @param kendallTau mean Kendall's tau
   * @param regret mean real utility lost by following the twin
   */
  public record Summary(int incidents, double top1Agreement, double kendallTau, double regret) {

    /** The summary of some comparisons (all 0 when there are none). */
    public static Summary of(List<RankingAgreement> all) {
      int n = all.size();
      if (n == 0) {
        return new Summary(0, 0, 0, 0);
      }
      double top1 = all.stream().filter(RankingAgreement::top1).count() / (double) n;
      double tau = all.stream().mapToDouble(RankingAgreement::kendallTau).average().orElse(0);
      double regret = all.stream().mapToDouble(RankingAgreement::regret).average().orElse(0);
      return new Summary(n, top1, tau, regret);
    }
  }
}
