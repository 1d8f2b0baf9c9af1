package io.rehearsal.ml.detect;

/**
 * CAD OSE ({@link CadOse}) on a stream, without look-ahead. NAB's harness hands CAD OSE the whole
 * file's minimum and maximum; a stream knows neither, so this detector learns them:
 *
 * <ul>
 *   <li>a warm-up of a fixed {@code gridWarmUp} rows (a global constant, never derived from the
 *       series' length) scores 0 and buffers the rows;
 *   <li>at its end the value range is the warm-up's minimum and maximum, quantised into {@code
 *       levels} levels exactly as NAB's CAD OSE quantises the file's range ({@code (v - min) /
 *       ((max - min) / (levels - 1))}, truncated; no margin); the buffered rows are then replayed
 *       into CAD OSE's memory (their scores discarded) and every later row is scored, then learned;
 *   <li>when a value leaves the range seen so far by more than Numenta's spatial tolerance ({@link
 *       SpatialDetector}: 5 % of that range), the range is <em>re-quantised</em>: it becomes the
 *       minimum and maximum of every value seen so far and this one, and CAD OSE's memory is
 *       rebuilt by replaying the last {@code gridWarmUp} rows (a bounded ring buffer; the rebuilt
 *       memory learns from as many rows as the first one did) under it, keeping the rest period
 *       running. Later level shifts are then new levels, as NAB's CAD OSE (told the file's range)
 *       sees them, instead of being clamped to the old top or bottom level;
 *   <li>values past the range by less than the tolerance are clamped to the bottom or top level.
 * </ul>
 *
 * At row {@code i} only rows up to {@code i} are used. After a score of {@code restThreshold} or
 * more the detector rests: {@code restPeriod} rows (CAD OSE's own rest, as NAB runs it) and {@code
 * restSeconds} of the series' clock, both when both are set. The default rests in time only: NAB's
 * CAD OSE rests a number of rows, which is twelve times as long on an hourly series as on a
 * 5-minute one.
 */
final class ContextOseDetector implements StreamingDetector {

  private static final long NO_HIGH = Long.MIN_VALUE;

  private final DetectorConfig.Context config;
  private final SpatialDetector spatial = new SpatialDetector();
  private final double[] recent; // the last gridWarmUp rows, a ring
  private long seen;
  private double lowest = Double.POSITIVE_INFINITY;
  private double highest = Double.NEGATIVE_INFINITY;
  private CadOse cad;
  private double min;
  private double step = Double.NaN; // NaN until the warm-up is over
  private int rebuilds;
  private long lastHighSecond = NO_HIGH;

  ContextOseDetector(DetectorConfig.Context config) {
    this.config = config;
    this.cad = newCad();
    this.recent = new double[Math.max(1, config.gridWarmUp())];
  }

  @Override
  public double update(long epochSecond, double value) {
    if (!Double.isFinite(value)) {
      return 0;
    }
    boolean outside = spatial.update(epochSecond, value) > 0;
    double score = 0;
    if (!Double.isNaN(step)) {
      if (outside) {
        requantise(value);
      }
      score = rest(epochSecond, cad.score(level(value)));
    }
    lowest = Math.min(lowest, value);
    highest = Math.max(highest, value);
    recent[(int) (seen++ % recent.length)] = value;
    if (Double.isNaN(step) && seen == recent.length) {
      setRange(lowest, highest); // the warm-up is over: its rows are the ring
      replay();
    }
    return score;
  }

  /**
   * The score, or 0 while resting in time: within {@code restSeconds} of the last reported-row
   * score of {@code restThreshold} or more (a high score while resting starts the rest again). Rows
   * replayed into a rebuilt memory are not reported and start no rest.
   */
  private double rest(long epochSecond, double score) {
    if (config.restSeconds() == 0) {
      return score;
    }
    boolean quiet =
        lastHighSecond != NO_HIGH && epochSecond - lastHighSecond <= config.restSeconds();
    if (score >= config.restThreshold()) {
      lastHighSecond = epochSecond;
    }
    return quiet ? 0 : score;
  }

  /** Times the memory was rebuilt under a wider range. */
  int rebuilds() {
    return rebuilds;
  }

  private CadOse newCad() {
    return new CadOse(config.restPeriod(), config.restThreshold(), config.maxContext());
  }

  private void setRange(double lo, double hi) {
    double width = hi - lo;
    int top = config.levels() - 1;
    if (width == 0.0) {
      // a flat warm-up: one level per unit around the value, as CAD OSE's flat files
      min = lo - top / 2.0;
      step = 1.0;
    } else {
      min = lo;
      step = width / top;
    }
  }

  /** A value left the range seen so far: widen the range to it and rebuild the memory under it. */
  private void requantise(double value) {
    rebuilds++;
    setRange(Math.min(lowest, value), Math.max(highest, value));
    CadOse rebuilt = newCad();
    CadOse old = cad;
    cad = rebuilt;
    replay();
    rebuilt.restLike(old);
  }

  /** Feeds the ring's rows, oldest first, into the memory; their scores are discarded. */
  private void replay() {
    long n = Math.min(seen, recent.length);
    for (long i = seen - n; i < seen; i++) {
      cad.score(level(recent[(int) (i % recent.length)]));
    }
  }

  private int level(double v) {
    double level = (v - min) / step;
    return (int) Math.max(0, Math.min(config.levels() - 1, level));
  }
}
