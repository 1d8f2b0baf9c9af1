package io.rehearsal.ml.detect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Contextual Anomaly Detector, open-source edition (CAD OSE, M. Smirnov, as run by NAB), written
 * from the algorithm's description. Each value becomes facts (its level's bits, {@link
 * ValueFacts}); the facts of the previous step (the previous value's bits and the numbers of up to
 * 15 contexts that were active, the "neurons") form the left side of contexts whose right side is
 * this value's facts ({@link ContextMemory}). Per step:
 *
 * <ul>
 *   <li>{@code active} = share of the contexts selected by the previous step whose right side is
 *       fully present now (the past predicted this value);
 *   <li>{@code added} = share of this step's potential new contexts that really were new, counted
 *       only when the whole step was a new context (the step taught something new);
 *   <li>the score is {@code (1 - active + added) / 2}, or 0 when every fact of the value was
 *       predicted by the previous step's best contexts;
 *   <li>a score is reported only when no score of the last {@code restPeriod} steps reached the
 *       base threshold 0.75 (the history starts with one 1.0), so one episode raises one alarm.
 * </ul>
 *
 * Deterministic; the order of the work follows the reference so that the scores match it.
 */
final class CadOse {

  static final double BASE_THRESHOLD = 0.75;
  static final int MAX_LEFT_LENGTH = 7;
  static final int MAX_ACTIVE = 15;
  private static final long NEURON_BASE = 1L << 31;
  private static final long[] NOTHING = new long[0];
  private static final Comparator<ContextMemory.Active> BY_STRENGTH =
      Comparator.comparingInt(ContextMemory.Active::activations)
          .thenComparingLong(ContextMemory.Active::leftHash)
          .thenComparingLong(ContextMemory.Active::rightHash);

  private final ContextMemory memory;
  private final int restPeriod;
  private final double baseThreshold;
  private ContextMemory.Facts leftFacts = ContextMemory.Facts.of(NOTHING);
  private long predicted;
  private long steps;
  private long lastHigh; // history index of the last score >= the base threshold (0: the first 1.0)

  /**
   * @param restPeriod steps a score of 0.75 or more silences (at least 1)
   */
  CadOse(int restPeriod) {
    this(restPeriod, BASE_THRESHOLD, MAX_LEFT_LENGTH);
  }

  /**
   * @param restPeriod steps a high score silences (at least 1)
   * @param baseThreshold score from which the next {@code restPeriod} steps are silenced
   * @param maxLeftLength longest matched left part that may make a potential new context
   */
  CadOse(int restPeriod, double baseThreshold, int maxLeftLength) {
    if (restPeriod < 1) {
      throw new IllegalArgumentException("restPeriod must be at least 1, but was " + restPeriod);
    }
    this.restPeriod = restPeriod;
    this.baseThreshold = baseThreshold;
    this.memory = new ContextMemory(maxLeftLength);
  }

  /** Scores a value already turned into its level ({@link ValueFacts#of}), then learns it. */
  double score(int level) {
    long[] facts = ValueFacts.of(level);
    boolean unpredicted = (ValueFacts.mask(facts) & ~predicted) != 0;
    double current = unpredicted ? step(facts) : stepQuietly(facts);
    steps++;
    boolean rested = lastHigh < steps - restPeriod;
    if (current >= baseThreshold) {
      lastHigh = steps;
    }
    return rested ? current : 0.0;
  }

  private double stepQuietly(long[] facts) {
    step(facts);
    return 0.0;
  }

  /** One step of learning; returns {@code (1 - active + added) / 2}. */
  private double step(long[] facts) {
    ContextMemory.Facts right = ContextMemory.Facts.of(facts);
    boolean newStep = false;
    int skip = 0;
    if (leftFacts.facts().length > 0) {
      int id = memory.addZeroLevel(leftFacts, right);
      newStep = id >= 0;
      skip = newStep ? id : 0;
    }
    ContextMemory.Selection sel = memory.crossRight(facts, newStep, skip);
    List<ContextMemory.Potential> potentials = sel.potentials().list();
    int unique = potentials.size() + (sel.potentials().contains(leftFacts, right) ? 0 : 1);
    double active = sel.selected() > 0 ? (double) sel.active().size() / sel.selected() : 0.0;
    leftFacts = withNeurons(facts, sel.active());
    ContextMemory.Prediction next = memory.crossLeft(leftFacts.facts(), potentials);
    predicted = next.predictedFacts();
    int added = next.added() + (newStep ? 1 : 0);
    double addedShare = newStep ? (double) added / unique : 0.0;
    return (1.0 - active + addedShare) / 2.0;
  }

  /** This value's facts followed by the strongest active contexts' numbers, sorted. */
  private static ContextMemory.Facts withNeurons(long[] facts, List<ContextMemory.Active> active) {
    List<ContextMemory.Active> sorted = new ArrayList<>(active);
    sorted.sort(BY_STRENGTH);
    long[] neurons =
        sorted.subList(Math.max(0, sorted.size() - MAX_ACTIVE), sorted.size()).stream()
            .mapToLong(a -> NEURON_BASE + a.id())
            .sorted()
            .toArray();
    long[] out = new long[facts.length + neurons.length];
    System.arraycopy(facts, 0, out, 0, facts.length);
    System.arraycopy(neurons, 0, out, facts.length, neurons.length);
    return ContextMemory.Facts.of(out);
  }
}
