package io.rehearsal.rehearse.fitting;

import io.rehearsal.twin.engine.Engine;
import io.rehearsal.twin.run.RunResult;
import io.rehearsal.twin.run.SimulationConfig;
import io.rehearsal.twin.spec.Scenario;
import io.rehearsal.twin.spec.TwinSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiFunction;

/**
 * Abductive fault fitting: finds the faults whose simulation in the twin best reproduces observed
 * symptoms. Steps: simulate the twin without fault; prune the hypothesis space to targets on the
 * symptomatic call paths ({@link HypothesisSpace}); screen every hypothesis at a few magnitudes;
 * refine the magnitude of the best few by golden-section search on a log scale; rank all by the
 * normalised squared error ({@link SymptomDistance}); the goodness of fit is the share of the
 * symptoms' deviation from the fault-free twin that a hypothesis explains. Every simulation starts
 * {@code config.warmup()} seconds before the onset and uses the same seed (common random numbers).
 *
 * <pre>{@code
 * List<FaultHypothesis> ranked = new FaultFitter(spec, FitConfig.of(7, 2)).fit(symptoms);
 * Fault best = ranked.get(0).toFault(onsetInTwin, horizon);
 * }</pre>
 */
public final class FaultFitter {
  private final FitConfig config;
  private final Engine engine;
  private final HypothesisSpace space;

  /** Prepares a fitter for a twin. */
  public FaultFitter(TwinSpec spec, FitConfig config) {
    this.config = config;
    this.engine = new Engine(spec);
    this.space = new HypothesisSpace(spec);
  }

  /**
   * Ranks fault hypotheses for the symptoms, best first; empty when nothing is symptomatic.
   *
   * @throws IllegalArgumentException if the symptoms name an endpoint the twin does not have
   */
  public List<FaultHypothesis> fit(Symptoms observed) {
    return fit(observed, Map.of());
  }

  /**
   * Ranks fault hypotheses for symptoms observed on a system whose healthy figures per endpoint
   * were {@code baseline} (each the mean of per-bucket points of the same width before the onset).
   * The twin's standing difference from that baseline is removed from the observations first, so
   * hypotheses explain the change from normal rather than calibration error ({@link
   * BaselineShift}); endpoints missing from {@code baseline} are fitted as observed.
   *
   * @throws IllegalArgumentException if the symptoms name an endpoint the twin does not have
   */
  public List<FaultHypothesis> fit(Symptoms observed, Map<String, SymptomPoint> baseline) {
    ExecutorService pool = Executors.newFixedThreadPool(config.threads());
    try {
      return fit(observed, baseline, pool);
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * As {@link #fit(Symptoms, Map)}, with the simulations on the caller's {@code pool} (which this
   * does not shut down) instead of {@code config.threads()} threads of its own; the result does not
   * depend on the pool.
   */
  public List<FaultHypothesis> fit(
      Symptoms observed, Map<String, SymptomPoint> baseline, ExecutorService pool) {
    return fit(observed, baseline, pool, (shifted, healthy) -> space.prune(shifted, healthy));
  }

  /**
   * As {@link #fit(Symptoms, Map)}, trying only the hypotheses that name one of {@code seeds}
   * instead of the pruned space (e.g. the suspects root-cause ranking found in the telemetry); the
   * goodness of fit is measured the same way, so it says how much of the symptoms each seed
   * explains. Empty when no seed names something the twin has.
   *
   * @throws IllegalArgumentException if the symptoms name an endpoint the twin does not have
   */
  public List<FaultHypothesis> fit(
      Symptoms observed, Map<String, SymptomPoint> baseline, List<HypothesisSeed> seeds) {
    List<Hypothesis> seeded = space.seeded(seeds);
    if (seeded.isEmpty()) {
      return List.of();
    }
    ExecutorService pool = Executors.newFixedThreadPool(config.threads());
    try {
      return fit(observed, baseline, pool, (shifted, healthy) -> seeded);
    } finally {
      pool.shutdownNow();
    }
  }

  private List<FaultHypothesis> fit(
      Symptoms observed,
      Map<String, SymptomPoint> baseline,
      ExecutorService pool,
      BiFunction<Symptoms, Symptoms, List<Hypothesis>> spaceOf) {
    Symptoms healthy = new Trial(observed).symptoms(null, 0);
    Symptoms shifted = BaselineShift.apply(observed, healthy, baseline);
    Trial trial = new Trial(shifted);
    double unexplained = SymptomDistance.loss(shifted, healthy);
    List<Hypothesis> space = spaceOf.apply(shifted, healthy);
    List<double[]> screened = screen(pool, trial, space);
    List<Integer> order = byLoss(screened);
    List<Future<double[]>> refined = new ArrayList<>();
    for (int i = 0; i < Math.min(config.refine(), order.size()); i++) {
      Hypothesis h = space.get(order.get(i));
      double[] best = screened.get(order.get(i));
      refined.add(pool.submit(() -> refine(trial, h, best)));
    }
    for (int i = 0; i < refined.size(); i++) {
      screened.set(order.get(i), get(refined.get(i)));
    }
    return rank(space, screened, unexplained);
  }

  private List<double[]> screen(ExecutorService pool, Trial trial, List<Hypothesis> space) {
    List<Future<double[]>> futures = new ArrayList<>();
    for (Hypothesis h : space) {
      for (double m : h.grid()) {
        futures.add(pool.submit(() -> trial.fit(h, m)));
      }
    }
    List<double[]> best = new ArrayList<>();
    int k = 0;
    for (Hypothesis h : space) {
      double[] b = null;
      for (int g = 0; g < h.grid().length; g++) {
        double[] r = get(futures.get(k++));
        b = b == null || r[1] < b[1] ? r : b;
      }
      best.add(b);
    }
    return best;
  }

  private double[] refine(Trial trial, Hypothesis h, double[] screened) {
    if (!h.continuous() || config.refineEvaluations() < 2) {
      return screened;
    }
    double lo = Math.log(h.lo());
    double hi = Math.log(h.hi());
    double[] grid = h.grid();
    for (double g : grid) {
      if (g < screened[0]) {
        lo = Math.max(lo, Math.log(g));
      } else if (g > screened[0]) {
        hi = Math.min(hi, Math.log(g));
      }
    }
    double[][] best = {screened};
    GoldenSection.minimise(
        x -> {
          double[] fit = trial.fit(h, Math.exp(x));
          best[0] = fit[1] < best[0][1] ? fit : best[0];
          return fit[1];
        },
        lo,
        hi,
        config.refineEvaluations());
    return best[0];
  }

  /**
   * Ranks by loss; a hypothesis's goodness of fit is the share of the fault-free twin's loss
   * ({@code unexplained}: how far the symptoms are from normal) that it removes, clamped to [0, 1].
   */
  private static List<FaultHypothesis> rank(
      List<Hypothesis> space, List<double[]> fits, double unexplained) {
    List<FaultHypothesis> out = new ArrayList<>();
    for (int i = 0; i < space.size(); i++) {
      Hypothesis h = space.get(i);
      double[] f = fits.get(i);
      double explained = unexplained > 0 ? Math.max(0, 1 - f[1] / unexplained) : 0;
      out.add(new FaultHypothesis(h.kind(), h.target(), f[0], f[1], explained, h.capacity()));
    }
    out.sort(
        Comparator.comparingDouble(FaultHypothesis::loss)
            .thenComparing(FaultHypothesis::kind)
            .thenComparing(FaultHypothesis::target));
    return out;
  }

  private static List<Integer> byLoss(List<double[]> fits) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < fits.size(); i++) {
      order.add(i);
    }
    order.sort(Comparator.comparingDouble((Integer i) -> fits.get(i)[1]).thenComparing(i -> i));
    return order;
  }

  private static double[] get(Future<double[]> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while fitting", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("a fitting simulation failed", e.getCause());
    }
  }

  /** Simulations aligned with the observed symptoms. */
  private final class Trial {
    private final Symptoms observed;
    private final SimulationConfig sim;

    Trial(Symptoms observed) {
      this.observed = observed;
      this.sim =
          new SimulationConfig(
              config.warmup() + observed.span(), config.warmup(), observed.bucket(), false);
    }

    /** {magnitude, loss} of one simulation. */
    double[] fit(Hypothesis h, double magnitude) {
      return new double[] {magnitude, SymptomDistance.loss(observed, symptoms(h, magnitude))};
    }

    Symptoms symptoms(Hypothesis h, double magnitude) {
      Scenario scenario =
          h == null
              ? Scenario.NONE
              : new Scenario(
                  h.label(),
                  List.of(
                      new FaultHypothesis(h.kind(), h.target(), magnitude, 0, 0, 0)
                          .toFault(config.warmup(), observed.span())),
                  List.of());
      List<Symptoms> runs = new ArrayList<>();
      for (int r = 0; r < config.replications(); r++) {
        RunResult run = engine.run(scenario, sim, config.seed(), r);
        runs.add(Symptoms.fromRun(run, config.warmup(), observed.buckets(), observed.names()));
      }
      return Symptoms.mean(runs);
    }
  }
}
