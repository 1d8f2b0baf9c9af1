package io.rehearsal.cli.sandbox;

import io.rehearsal.rehearse.evaluation.ReplicationPolicy;
import picocli.CommandLine.Option;

/**
 * The replication options every rehearsing verb shares ({@code --min-replications}, {@code
 * --max-replications}, {@code --pcs}, {@code --indifference}), as one picocli mixin. A command
 * states its own defaults by the instance it declares, e.g. {@code @Mixin ReplicationOptions
 * replication = new ReplicationOptions(4, 40);}.
 */
final class ReplicationOptions {

  private static final int BATCH = 5;

  @Option(
      names = "--min-replications",
      paramLabel = "N",
      description = "First-stage replications per arm (default: ${DEFAULT-VALUE}).")
  int minReplications;

  @Option(
      names = "--max-replications",
      paramLabel = "N",
      description = "Replications per arm at most (default: ${DEFAULT-VALUE}).")
  int maxReplications;

  @Option(
      names = "--pcs",
      paramLabel = "P",
      description = "Required probability of correct selection (default: ${DEFAULT-VALUE}).")
  double pcs = ReplicationPolicy.DEFAULT.probabilityOfCorrectSelection();

  @Option(
      names = "--indifference",
      paramLabel = "X",
      description =
          "Utility difference below which arms count as equal (default: ${DEFAULT-VALUE}).")
  double indifference = ReplicationPolicy.DEFAULT.indifferenceZone();

  /** picocli's no-argument form: the evaluation's own defaults. */
  ReplicationOptions() {
    this(ReplicationPolicy.DEFAULT.minReplications(), ReplicationPolicy.DEFAULT.maxReplications());
  }

  ReplicationOptions(int minReplications, int maxReplications) {
    this.minReplications = minReplications;
    this.maxReplications = maxReplications;
  }

  /**
   * The policy these options describe.
   *
   * @throws IllegalArgumentException naming the options when they do not make a policy
   */
  ReplicationPolicy policy() {
    try {
      return new ReplicationPolicy(minReplications, maxReplications, BATCH, pcs, indifference);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "--min-replications, --max-replications, --pcs, --indifference: " + e.getMessage(), e);
    }
  }
}
