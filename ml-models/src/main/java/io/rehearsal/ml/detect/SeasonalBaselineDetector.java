package io.rehearsal.ml.detect;

/**
 * A robust seasonal baseline: the distance of a point from the median of the same time-of-day slot
 * on the previous days, and from the median of the recent points, each in units of the matching
 * median absolute deviation. The smaller of the two is the score, so a point is normal when it fits
 * either its season or its recent level: daily cycles do not alarm, and neither does a level the
 * series has kept for a while.
 */
final class SeasonalBaselineDetector implements StreamingDetector {

  private static final double MAD_TO_SIGMA = 1.4826;
  private static final long DAY = 86_400;

  private final DetectorConfig.Seasonal config;
  private final RollingStats recent;
  private final RollingStats[] slots;
  private final RollingStats scale;

  SeasonalBaselineDetector(DetectorConfig.Seasonal config) {
    this.config = config;
    this.recent = new RollingStats(config.recentWindow());
    this.slots = new RollingStats[config.slotsPerDay()];
    this.scale = new RollingStats(config.recentWindow() * 4);
  }

  @Override
  public double update(long epochSecond, double value) {
    if (!Double.isFinite(value)) {
      return 0;
    }
    double score = score(epochSecond, value);
    learn(epochSecond, value);
    return score;
  }

  private double score(long t, double v) {
    if (recent.size() < config.minHistory()) {
      return 0;
    }
    double floor = floor();
    double local = deviation(recent, v, floor);
    RollingStats slot = slots[slot(t)];
    if (slot == null || slot.size() < config.minSeasons()) {
      return local;
    }
    return Math.min(local, deviation(slot, v, floor));
  }

  private static double deviation(RollingStats stats, double v, double floor) {
    double median = stats.median();
    double sigma = Math.max(MAD_TO_SIGMA * stats.mad(median), floor);
    return Math.abs(v - median) / sigma;
  }

  /** A scale floor from the long-run spread, so flat stretches do not divide by zero. */
  private double floor() {
    return Math.max(Math.sqrt(scale.variance()) * config.floorFraction(), 1e-9);
  }

  private void learn(long t, double v) {
    recent.add(v);
    scale.add(v);
    int s = slot(t);
    if (slots[s] == null) {
      slots[s] = new RollingStats(config.seasons());
    }
    slots[s].add(v);
  }

  private int slot(long t) {
    long secondOfDay = Math.floorMod(t, DAY);
    return (int) Math.min(slots.length - 1, secondOfDay * slots.length / DAY);
  }
}
