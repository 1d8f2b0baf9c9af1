package io.rehearsal.ml.detect;

import java.util.HashSet;
import java.util.Set;

/**
 * Contextual anomaly detection (the idea of NAB's CAD OSE, written here from its description): each
 * value becomes a symbol (its level in the range seen so far); the detector remembers which symbol
 * followed each context (the last 1..k symbols) and scores a point by the share of its contexts
 * that never led to its symbol (or a neighbouring one) before. Patterns seen once are learned at
 * once, so a repeated shape is quiet and a new one is loud. After a loud point it rests a while, as
 * CAD OSE does, so one episode makes one alarm.
 */
final class ContextOseDetector implements StreamingDetector {

  private final DetectorConfig.Context config;
  private final Set<Long> seen = new HashSet<>();
  private final int[] history;
  private int filled;
  private double min = Double.NaN;
  private double max = Double.NaN;
  private int resting;

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

  private int symbol(double v) {
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

  /** A neighbouring level counts as seen: noise of one level is not news. */
  private boolean seenNear(long key, int symbol) {
    return seen.contains(key * 31 + symbol)
        || seen.contains(key * 31 + symbol - 1)
        || seen.contains(key * 31 + symbol + 1);
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
