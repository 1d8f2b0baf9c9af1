package io.rehearsal.rehearse.fitting;

import io.rehearsal.twin.spec.FaultKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Re-ranks root-cause suspects found in the telemetry by how well each, injected in the twin,
 * reproduces the incident's symptoms (abduction restricted to the suspects): the fault fit tries
 * only the suspects' kinds and targets ({@link FaultFitter#fit(Symptoms, Map, List)}), each suspect
 * takes the goodness of fit of its best hypothesis, and the suspects are ordered by that goodness,
 * rounded to {@link #TIE} so that fits the twin cannot tell apart keep the telemetry's order. A
 * suspect the twin cannot express (a target it lacks, a kind it has no fault for) explains nothing:
 * goodness 0. The telemetry ranker and the fitter stay independent; the caller maps its suspects'
 * kinds to the twin's (e.g. through the label kinds of {@code rehearse.incident.LabelKind}).
 *
 * <pre>{@code
 * List<SuspectRefit.Refit> ranked = SuspectRefit.rerank(fitter, symptoms, baseline,
 *     List.of(new SuspectRefit.Candidate("catalog", Set.of(FaultKind.LATENCY)), ...));
 * }</pre>
 */
public final class SuspectRefit {
  /** Goodness-of-fit differences below this are ties, decided by the telemetry's rank. */
  public static final double TIE = 0.05;

  private SuspectRefit() {}

  /**
   * One suspect to refit.
   *
   * @param target the service, dependency or database it names
   * @param kinds the twin fault kinds that express it (any of them may fit)
   */
  public record Candidate(String target, Set<FaultKind> kinds) {
    /** Copies the kinds. */
    public Candidate {
      Objects.requireNonNull(target, "target");
      kinds = Set.copyOf(kinds);
    }
  }

  /**
   * A suspect after the fit.
   *
   * @param telemetryRank its place in the telemetry's ranking, from 0
   * @param candidate the suspect
   * @param best its best-fitting hypothesis, null when the twin cannot express it
   */
  public record Refit(int telemetryRank, Candidate candidate, FaultHypothesis best) {
    /** The share of the symptoms' deviation from normal it explains, 0 without a hypothesis. */
    public double goodness() {
      return best == null ? 0 : best.goodnessOfFit();
    }
  }

  /**
   * The candidates (in the telemetry's order) ordered by goodness of fit, ties by that order.
   *
   * @throws IllegalArgumentException if the symptoms name an endpoint the twin does not have
   */
  public static List<Refit> rerank(
      FaultFitter fitter,
      Symptoms observed,
      Map<String, SymptomPoint> baseline,
      List<Candidate> candidates) {
    List<HypothesisSeed> seeds = new ArrayList<>();
    for (Candidate c : candidates) {
      c.kinds().stream().sorted().forEach(k -> seeds.add(new HypothesisSeed(k, c.target())));
    }
    return rerank(candidates, fitter.fit(observed, baseline, seeds));
  }

  /**
   * The candidates (in the telemetry's order) ordered by hypotheses fitted elsewhere, e.g. the ones
   * a sandbox evaluation reports for the incident (its fit over the whole pruned space, best
   * first): each candidate takes the goodness of the first hypothesis that names its target with
   * one of its kinds, 0 when none does (not fitted, or not among those reported), and the order is
   * the one {@link #rerank(FaultFitter, Symptoms, Map, List)} gives, ties within {@link #TIE} by
   * the telemetry's order.
   *
   * @param fitted hypotheses, lowest loss (best fit) first
   */
  public static List<Refit> rerank(List<Candidate> candidates, List<FaultHypothesis> fitted) {
    List<Refit> out = new ArrayList<>();
    for (int i = 0; i < candidates.size(); i++) {
      out.add(new Refit(i, candidates.get(i), best(candidates.get(i), fitted)));
    }
    out.sort(
        Comparator.comparingLong((Refit r) -> -Math.round(r.goodness() / TIE))
            .thenComparingInt(Refit::telemetryRank));
    return out;
  }

  /** The first (lowest-loss) hypothesis naming the candidate; fitted is in loss order. */
  private static FaultHypothesis best(Candidate c, List<FaultHypothesis> fitted) {
    for (FaultHypothesis h : fitted) {
      if (c.kinds().contains(h.kind()) && names(c.target(), h)) {
        return h;
      }
    }
    return null;
  }

  private static boolean names(String target, FaultHypothesis h) {
    if (h.kind() == FaultKind.TRAFFIC_SURGE) {
      return h.target().equals(target)
          || h.target().startsWith(target + "/")
          || (h.target().equals("*") && !target.contains("/"));
    }
    return h.target().equals(target);
  }
}
