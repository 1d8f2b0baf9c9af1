package io.rehearsal.twin.engine;

import io.rehearsal.twin.run.ServiceResult.ScalingDecision;
import io.rehearsal.twin.spec.AutoscalerSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Horizontal pod autoscalers with Kubernetes semantics. Every period: the metric is averaged per
 * ready replica over the period; within the tolerance the recommendation is the current desired
 * count, otherwise ceil(mean ready replicas * metric / target); scale-up uses the lowest
 * recommendation in its stabilisation window, scale-down the highest; then min/max clamp.
 */
final class Autoscaling {
  private final Sim sim;
  private final AutoscalerSpec[] spec;
  private final int[] generation;
  private final double[] lastBusy;
  private final double[] lastPresent;
  private final double[] lastReady;
  private final long[] lastArrivals;
  private final double[][] historyTime;
  private final int[][] historyValue;
  private final int[] historySize;
  final List<List<ScalingDecision>> decisions = new ArrayList<>();

  Autoscaling(Sim sim) {
    this.sim = sim;
    int s = sim.model.services;
    spec = sim.model.autoscaler.clone();
    generation = new int[s];
    lastBusy = new double[s];
    lastPresent = new double[s];
    lastReady = new double[s];
    lastArrivals = new long[s];
    historyTime = new double[s][16];
    historyValue = new int[s][16];
    historySize = new int[s];
    for (int i = 0; i < s; i++) {
      decisions.add(new ArrayList<>());
    }
  }

  void start() {
    for (int s = 0; s < spec.length; s++) {
      if (spec[s] != null) {
        sim.events.push(spec[s].period(), Sim.PRIORITY_LATE, Sim.AUTOSCALE, s, generation[s], 0);
      }
    }
  }

  void replace(int s, AutoscalerSpec autoscaler) {
    spec[s] = autoscaler;
    generation[s]++;
    historySize[s] = 0;
    mark(s);
    sim.events.push(
        sim.now() + autoscaler.period(), Sim.PRIORITY_LATE, Sim.AUTOSCALE, s, generation[s], 0);
  }

  void onSync(int s, int gen) {
    if (gen != generation[s] || spec[s] == null) {
      return;
    }
    AutoscalerSpec as = spec[s];
    sim.replicas.integrate(s, sim.now());
    double ready = (sim.replicas.readyIntegral[s] - lastReady[s]) / as.period();
    double metric = metric(s, as);
    mark(s);
    sim.events.push(sim.now() + as.period(), Sim.PRIORITY_LATE, Sim.AUTOSCALE, s, gen, 0);
    if (!(ready > 0) || Double.isNaN(metric)) {
      return;
    }
    int current = sim.control.desired[s];
    int recommendation = recommend(current, ready, metric, as);
    int desired = stabilise(s, current, recommendation, as);
    decisions
        .get(s)
        .add(new ScalingDecision(sim.now(), current, ready, metric, recommendation, desired));
    if (desired != current) {
      sim.control.scaleTo(s, desired);
    }
  }

  private double metric(int s, AutoscalerSpec as) {
    Replicas reps = sim.replicas;
    double readyTime = reps.readyIntegral[s] - lastReady[s];
    if (readyTime <= 0) {
      return Double.NaN;
    }
    return switch (as.metric()) {
      case UTILIZATION -> (reps.busyIntegral[s] - lastBusy[s]) / (readyTime * sim.model.workers[s]);
      case CONCURRENCY -> (reps.presentIntegral[s] - lastPresent[s]) / readyTime;
      case REQUEST_RATE -> (reps.arrivals[s] - lastArrivals[s]) / readyTime;
    };
  }

  /** The Kubernetes replica formula with tolerance. */
  static int recommend(int current, double ready, double metric, AutoscalerSpec as) {
    double ratio = metric / as.target();
    if (Math.abs(ratio - 1) <= as.tolerance()) {
      return current;
    }
    return (int) Math.ceil(ready * ratio - 1e-9);
  }

  private int stabilise(int s, int current, int recommendation, AutoscalerSpec as) {
    record(s, recommendation);
    int up = recommendation;
    int down = recommendation;
    double now = sim.now();
    for (int i = 0; i < historySize[s]; i++) {
      double t = historyTime[s][i];
      if (t > now - as.scaleUpWindow()) {
        up = Math.min(up, historyValue[s][i]);
      }
      if (t > now - as.scaleDownWindow()) {
        down = Math.max(down, historyValue[s][i]);
      }
    }
    int desired = current;
    if (desired < up) {
      desired = up;
    }
    if (desired > down) {
      desired = down;
    }
    return Math.max(as.min(), Math.min(as.max(), desired));
  }

  private void record(int s, int recommendation) {
    double horizon = Math.max(spec[s].scaleUpWindow(), spec[s].scaleDownWindow());
    int kept = 0;
    for (int i = 0; i < historySize[s]; i++) {
      if (historyTime[s][i] > sim.now() - horizon) {
        historyTime[s][kept] = historyTime[s][i];
        historyValue[s][kept++] = historyValue[s][i];
      }
    }
    if (kept == historyTime[s].length) {
      historyTime[s] = Arrays.copyOf(historyTime[s], kept * 2);
      historyValue[s] = Arrays.copyOf(historyValue[s], kept * 2);
    }
    historyTime[s][kept] = sim.now();
    historyValue[s][kept++] = recommendation;
    historySize[s] = kept;
  }

  private void mark(int s) {
    Replicas reps = sim.replicas;
    reps.integrate(s, sim.now());
    lastBusy[s] = reps.busyIntegral[s];
    lastPresent[s] = reps.presentIntegral[s];
    lastReady[s] = reps.readyIntegral[s];
    lastArrivals[s] = reps.arrivals[s];
  }
}
