package io.rehearsal.ml.detect;

/**
 * Every global parameter of the detectors, validated once. The same configuration is used for every
 * series: nothing here is per file or per category.
 *
 * @param seed seed of the random parts (the forest's trees)
 * @param context the contextual detector
 * @param seasonal the seasonal baseline
 * @param forest the random cut forest
 * @param likelihood the likelihood post-processing of each component's raw scores
 * @param combination how the components' likelihoods make one score
 */
public record DetectorConfig(
    long seed,
    Context context,
    Seasonal seasonal,
    Forest forest,
    Likelihood likelihood,
    Combination combination) {

  /** Validates that every part is present. */
  public DetectorConfig {
    require(context != null, "context", "null");
    require(seasonal != null, "seasonal", "null");
    require(forest != null, "forest", "null");
    require(likelihood != null, "likelihood", "null");
    require(combination != null, "combination", "null");
  }

  /**
   * The defaults: CAD OSE with the spatial anomaly, seasonal baseline and forest off (on NAB's
   * development split they only added false positives or cost speed; see docs/ml-models.md).
   */
  public static DetectorConfig defaults() {
    return new DetectorConfig(
        42L,
        new Context(8, 7, 0.75, 0, 45_000, 150),
        new Seasonal(48, 64, 8, 3, 16, 0.05),
        new Forest(8, 30, 256),
        new Likelihood(8640, 10, 300, 1e-4),
        new Combination(1.0, 0.0, 0.0, 1.0, 1.0, 0, 30_000));
  }

  /** This configuration with another seed. */
  public DetectorConfig withSeed(long newSeed) {
    return new DetectorConfig(newSeed, context, seasonal, forest, likelihood, combination);
  }

  /**
   * The streaming contextual detector (CAD OSE without NAB's file range, {@link
   * ContextOseDetector}): it learns its value range from a fixed warm-up, never from look-ahead.
   *
   * @param levels levels a value is quantised into over the learned range (CAD OSE: 8)
   * @param maxContext longest matched left part that may make a new context (CAD OSE: 7)
   * @param restThreshold score from which the detector rests (CAD OSE's base threshold, 0.75)
   * @param restPeriod points it stays quiet after that (0: no bound in points)
   * @param restSeconds seconds of the series' own clock it stays quiet after that (0: no bound in
   *     time); a high score while quiet starts the rest again, as CAD OSE's rest does. A rest ends
   *     when both bounds have passed. In time, one rest means the same on a 5-minute and an hourly
   *     series: NAB's CAD OSE rests a number of rows, which on an hourly series is 12 times as long
   * @param gridWarmUp points of warm-up (scored 0) whose range is the range afterwards until a
   *     value leaves it, and points replayed into a memory rebuilt under a wider range (0 = 1
   *     point); a global constant, at most NAB's shortest probation (186 rows)
   */
  public record Context(
      int levels,
      int maxContext,
      double restThreshold,
      int restPeriod,
      long restSeconds,
      int gridWarmUp) {
    /** Validates the ranges. */
    public Context {
      require(levels >= 2 && levels <= 1024, "context.levels", levels);
      require(maxContext >= 1 && maxContext <= 16, "context.maxContext", maxContext);
      require(restThreshold > 0 && restThreshold <= 1, "context.restThreshold", restThreshold);
      require(restPeriod >= 0, "context.restPeriod", restPeriod);
      require(restSeconds >= 0, "context.restSeconds", restSeconds);
      require(gridWarmUp >= 0, "context.gridWarmUp", gridWarmUp);
    }
  }

  /**
   * The seasonal baseline.
   *
   * @param slotsPerDay time-of-day slots (48 = half-hour slots)
   * @param recentWindow points in the recent-level window
   * @param seasons past days kept per slot
   * @param minSeasons days a slot needs before it is used
   * @param minHistory points before any score
   * @param floorFraction share of the long-run standard deviation below which spread is not trusted
   */
  public record Seasonal(
      int slotsPerDay,
      int recentWindow,
      int seasons,
      int minSeasons,
      int minHistory,
      double floorFraction) {
    /** Validates the ranges. */
    public Seasonal {
      require(slotsPerDay >= 1 && slotsPerDay <= 1440, "seasonal.slotsPerDay", slotsPerDay);
      require(recentWindow >= 2, "seasonal.recentWindow", recentWindow);
      require(seasons >= 2, "seasonal.seasons", seasons);
      require(minSeasons >= 1 && minSeasons <= seasons, "seasonal.minSeasons", minSeasons);
      require(minHistory >= 2, "seasonal.minHistory", minHistory);
      require(floorFraction >= 0 && floorFraction <= 1, "seasonal.floorFraction", floorFraction);
    }
  }

  /**
   * The random cut forest.
   *
   * @param shingleSize consecutive values per point
   * @param trees trees in the forest
   * @param sampleSize points each tree keeps
   */
  public record Forest(int shingleSize, int trees, int sampleSize) {
    /** Validates the ranges. */
    public Forest {
      require(shingleSize >= 1 && shingleSize <= 64, "forest.shingleSize", shingleSize);
      require(trees >= 1 && trees <= 1000, "forest.trees", trees);
      require(sampleSize >= 16 && sampleSize <= 8192, "forest.sampleSize", sampleSize);
    }
  }

  /**
   * The likelihood post-processing.
   *
   * @param history raw scores whose mean and spread are the reference
   * @param shortWindow recent raw scores averaged before comparing
   * @param learningPeriod points before the likelihood speaks
   * @param minStdDev smallest spread trusted
   */
  public record Likelihood(int history, int shortWindow, int learningPeriod, double minStdDev) {
    /** Validates the ranges. */
    public Likelihood {
      require(history >= 10, "likelihood.history", history);
      require(shortWindow >= 1 && shortWindow <= history, "likelihood.shortWindow", shortWindow);
      require(learningPeriod >= 0, "likelihood.learningPeriod", learningPeriod);
      require(minStdDev > 0, "likelihood.minStdDev", minStdDev);
    }
  }

  /**
   * How the components' likelihoods make one score: a weighted mean, pushed towards the largest
   * component by {@code maxShare}; after a score of at least {@code restThreshold} the combination
   * reports 0 for {@code restPeriod} points, so one episode makes one alarm.
   *
   * @param contextWeight weight of the contextual detector
   * @param seasonalWeight weight of the seasonal baseline (0 skips it)
   * @param forestWeight weight of the random cut forest (0 skips the forest)
   * @param maxShare 0 = weighted mean, 1 = largest weighted component
   * @param restThreshold score from which the combination rests
   * @param restPeriod points of rest (0: no bound in points)
   * @param restSeconds seconds of rest on the series' clock (0: no bound in time); the rest ends
   *     when both bounds have passed, and with both 0 the combination never rests
   */
  public record Combination(
      double contextWeight,
      double seasonalWeight,
      double forestWeight,
      double maxShare,
      double restThreshold,
      int restPeriod,
      long restSeconds) {
    /** Validates the ranges. */
    public Combination {
      require(contextWeight >= 0, "combination.contextWeight", contextWeight);
      require(seasonalWeight >= 0, "combination.seasonalWeight", seasonalWeight);
      require(forestWeight >= 0, "combination.forestWeight", forestWeight);
      require(
          contextWeight + seasonalWeight + forestWeight > 0,
          "combination weights (sum)",
          contextWeight + seasonalWeight + forestWeight);
      require(maxShare >= 0 && maxShare <= 1, "combination.maxShare", maxShare);
      require(restThreshold > 0 && restThreshold <= 1, "combination.restThreshold", restThreshold);
      require(restPeriod >= 0, "combination.restPeriod", restPeriod);
      require(restSeconds >= 0, "combination.restSeconds", restSeconds);
    }
  }

  private static void require(boolean ok, String field, Object value) {
    if (!ok) {
      throw new IllegalArgumentException(field + " is out of range, but was " + value);
    }
  }
}
