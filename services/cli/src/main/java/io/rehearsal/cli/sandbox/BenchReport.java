package io.rehearsal.cli.sandbox;

import java.util.List;

/**
 * The figures of {@code sandbox bench}.
 *
 * @param secondsOneWorker wall seconds from plan to decision with one worker (first seed)
 * @param secondsTwoWorkers wall seconds from plan to decision with two workers, median over the
 *     seeds
 * @param secondsTwoWorkersPerSeed the same for every seed
 * @param replicationsUsed runs of all arms together (first seed)
 * @param stages stages of the procedure (first seed)
 * @param bestCandidate best candidate of the first seed, or null (do nothing)
 * @param bestPerSeed best candidate per seed (null: do nothing)
 * @param top1Agreement share of seeds that pick the most often picked best candidate
 * @param identicalAcrossWorkers whether 1 and 2 workers gave equal results (first seed)
 * @param rate entry requests per second of the scaled twin
 * @param factor scaling factor of the twin
 * @param horizon simulated seconds after the decision
 * @param candidates number of candidates
 * @param cores processors available to the JVM
 */
record BenchReport(
    double secondsOneWorker,
    double secondsTwoWorkers,
    List<Double> secondsTwoWorkersPerSeed,
    int replicationsUsed,
    int stages,
    String bestCandidate,
    List<String> bestPerSeed,
    double top1Agreement,
    boolean identicalAcrossWorkers,
    double rate,
    double factor,
    double horizon,
    int candidates,
    int cores) {
  static final double TARGET_SECONDS_TWO_WORKERS = 30;
  static final double TARGET_TOP1_AGREEMENT = 1.0;

  boolean targetsMet() {
    return secondsTwoWorkers <= TARGET_SECONDS_TWO_WORKERS
        && top1Agreement >= TARGET_TOP1_AGREEMENT;
  }
}
