package io.rehearsal.ml.nab;

/** NAB's application profiles: the weights of a true positive, a false positive and a miss. */
public enum CostProfile {
  /** Balanced: {@code A_TP=1, A_FP=0.11, A_FN=1}. */
  STANDARD("standard", 1.0, 0.11, 1.0),
  /** False positives cost twice as much: {@code A_FP=0.22}. */
  REWARD_LOW_FP_RATE("reward_low_FP_rate", 1.0, 0.22, 1.0),
  /** Misses cost twice as much: {@code A_FN=2}. */
  REWARD_LOW_FN_RATE("reward_low_FN_rate", 1.0, 0.11, 2.0);

  private final String nabName;
  private final double tpWeight;
  private final double fpWeight;
  private final double fnWeight;

  CostProfile(String nabName, double tpWeight, double fpWeight, double fnWeight) {
    this.nabName = nabName;
    this.tpWeight = tpWeight;
    this.fpWeight = fpWeight;
    this.fnWeight = fnWeight;
  }

  /** The profile's name in NAB's config and results. */
  public String nabName() {
    return nabName;
  }

  /** Weight of a detection at the very start of a window. */
  public double tpWeight() {
    return tpWeight;
  }

  /** Weight of a false positive far from any window. */
  public double fpWeight() {
    return fpWeight;
  }

  /** Cost of a window with no detection. */
  public double fnWeight() {
    return fnWeight;
  }
}
