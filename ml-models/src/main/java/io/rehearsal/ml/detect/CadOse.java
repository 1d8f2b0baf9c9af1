package io.rehearsal.ml.detect;

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

  private final ContextMemory memory;
  private final int restPeriod;
  private final double baseThreshold;
  private final long[] facts = new long[ValueFacts.MAX_FACTS];
  private final long[] leftFacts = new long[ValueFacts.MAX_FACTS + MAX_ACTIVE];
  private final int[] neurons = new int[MAX_ACTIVE];
  private int leftLength;
  private long leftHash = FactHash.of(leftFacts, 0);
  private long steps;
  private long lastHigh; // history index of the last score >= the base threshold (0: the first 1.0)

  /**
   * @param restPeriod steps a score of 0.75 or more silences (0: none)
   */
  CadOse(int restPeriod) {
    this(restPeriod, BASE_THRESHOLD, MAX_LEFT_LENGTH);
  }

  /**
   * @param restPeriod steps a high score silences (0: none; the caller may rest by time instead)
   * @param baseThreshold score from which the next {@code restPeriod} steps are silenced
   * @param maxLeftLength longest matched left part that may make a potential new context
   */
  CadOse(int restPeriod, double baseThreshold, int maxLeftLength) {
    if (restPeriod < 0) {
      throw new IllegalArgumentException("restPeriod must not be negative, but was " + restPeriod);
    }
    this.restPeriod = restPeriod;
    this.baseThreshold = baseThreshold;
    this.memory = new ContextMemory(maxLeftLength);
  }

  /** Scores a value already turned into its level ({@link ValueFacts#of}), then learns it. */
  double score(int level) {
    int n = ValueFacts.write(level, facts);
    double current = step(n);
    boolean unpredicted = (ValueFacts.mask(facts, n) & ~memory.predictedFacts()) != 0;
    if (!unpredicted) {
      current = 0.0;
    }
    steps++;
    boolean rested = lastHigh < steps - restPeriod;
    if (current >= baseThreshold) {
      lastHigh = steps;
    }
    return rested ? current : 0.0;
  }

  /**
   * Takes over another detector's rest: the steps since its last high score count as steps since
   * this one's, so a rebuilt memory stays as quiet as the one it replaces.
   */
  void restLike(CadOse other) {
    lastHigh = steps - (other.steps - other.lastHigh);
  }

  /** Contexts in the memory. */
  int contexts() {
    return memory.size();
  }

  /** One step of learning on the first {@code n} of {@link #facts}; returns the novelty. */
  private double step(int n) {
    long hash = FactHash.of(facts, n);
    boolean newStep = false;
    int skip = 0;
    if (leftLength > 0) {
      int id = memory.addZeroLevel(leftFacts, leftLength, leftHash, facts, n, hash);
      newStep = id >= 0;
      skip = newStep ? id : 0;
    }
    memory.crossRight(facts, n, newStep, skip);
    int unique = memory.potentials() + (memory.proposedWholeStep() ? 0 : 1);
    int selected = memory.selected();
    double active = selected > 0 ? (double) memory.activeCount() / selected : 0.0;
    withNeurons(n);
    int added = memory.crossLeft(leftFacts, leftLength) + (newStep ? 1 : 0);
    double addedShare = newStep ? (double) added / unique : 0.0;
    return (1.0 - active + addedShare) / 2.0;
  }

  /** Next left facts: this value's facts followed by the strongest active contexts' numbers. */
  private void withNeurons(int n) {
    System.arraycopy(facts, 0, leftFacts, 0, n);
    int k = memory.strongest(MAX_ACTIVE, neurons);
    for (int i = 0; i < k; i++) {
      leftFacts[n + i] = NEURON_BASE + neurons[i];
    }
    leftLength = n + k;
    leftHash = FactHash.of(leftFacts, leftLength);
  }
}
