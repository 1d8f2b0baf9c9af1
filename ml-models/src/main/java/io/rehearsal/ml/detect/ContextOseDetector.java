package io.rehearsal.ml.detect;

import java.util.HashSet;
import java.util.Set;

/**
 * Contextual anomaly detection (the idea of NAB's CAD OSE, written here from its description): each
 * value becomes a symbol (its level on a grid: over the range seen so far while warming up, then
 * frozen with the warm-up range's step, so a later extreme value does not rename every symbol); the
 * detector remembers which symbol followed each context (the last 1..k symbols) and scores a point
 * by the share of its contexts that never led to its symbol (or one within two levels) before.
 * Patterns seen once are learned at once, so a repeated shape is quiet and a new one is loud. After
 * a loud point it rests a while, as CAD OSE does, so one episode makes one alarm.
 */
final class ContextOseDetector implements StreamingDetector {

  private static final int MAX_LEVEL = 100_000;
  private static final int TOLERANCE = 2;

  private final DetectorConfig.Context config;
  private final Set<Long> seen = new HashSet<>();
  private final int[] history;
  private int filled;
  private double min = Double.NaN;
  private double max = Double.NaN;
  private int resting;
  private int seenPoints;
  private double gridBase;
  private double gridStep = Double.NaN;

  ContextOseDetector(DetectorConfig.Context config) {
    this.config = config;
    this.history = new int[config.maxContext()];
  }

  @Override
  public double update(long epochSecond, double value) {
    if (!Double.isFinite(value)) {
      return 0;
    }
    widenRange(value);
    freezeGridAfterWarmUp();
    int symbol = symbol(value);
    double novelty = novelty(symbol);
    learn(symbol);
    return rest(novelty);
  }

  private double rest(double novelty) {
    if (resting > 0) {
      resting--;
      return 0;
    }
    if (novelty >= config.restThreshold()) {
      resting = config.restPeriod();
    }
    return novelty;
  }

  private void widenRange(double v) {
    if (Double.isNaN(min)) {
      min = v;
      max = v;
    }
    min = Math.min(min, v);
    max = Math.max(max, v);
  }

  private void freezeGridAfterWarmUp() {
    if (++seenPoints == config.gridWarmUp() && max > min) {
      gridBase = min;
      gridStep = (max - min) / config.levels();
    }
  }

  private int symbol(double v) {
    if (!Double.isNaN(gridStep)) {
      // Unbounded levels on the frozen grid, clamped only to keep keys small.
      return (int) Math.max(-MAX_LEVEL, Math.min(MAX_LEVEL, Math.floor((v - gridBase) / gridStep)));
    }
    double range = max - min;
    if (range <= 0) {
      return 0;
    }
    int levels = config.levels();
    return (int) Math.min(levels - 1, Math.floor((v - min) / range * levels));
  }

  private double novelty(int symbol) {
    int contexts = Math.min(filled, history.length);
    if (contexts == 0) {
      return 0;
    }
    int unseen = 0;
    long key = 17;
    for (int k = 1; k <= contexts; k++) {
      key = key * 1_000_003L + history[history.length - k];
      if (!seenNear(key, symbol)) {
        unseen++;
      }
    }
    return (double) unseen / contexts;
  }

  /** A level within {@link #TOLERANCE} counts as seen: noise of a level or two is not news. */
  private boolean seenNear(long key, int symbol) {
    for (int d = -TOLERANCE; d <= TOLERANCE; d++) {
      if (seen.contains(key * 31 + symbol + d)) {
        return true;
      }
    }
    return false;
  }

  private void learn(int symbol) {
    int contexts = Math.min(filled, history.length);
    long key = 17;
    for (int k = 1; k <= contexts; k++) {
      key = key * 1_000_003L + history[history.length - k];
      seen.add(key * 31 + symbol);
    }
    System.arraycopy(history, 1, history, 0, history.length - 1);
    history[history.length - 1] = symbol;
    filled++;
  }
}
