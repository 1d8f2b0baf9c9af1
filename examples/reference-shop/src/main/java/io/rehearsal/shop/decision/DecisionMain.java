package io.rehearsal.shop.decision;

import io.rehearsal.shop.Overlay;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Planning helpers of {@code record-decisions.sh} and {@code run.sh --actions}:
 *
 * <pre>
 * DecisionMain actions CANDIDATES.yaml NAME...   the candidate's steps, one "AT VERB ARG..." a line
 * DecisionMain calls OVERLAY.yaml                 every call of the overlay, one "FROM TO" a line
 * </pre>
 */
public final class DecisionMain {
  private DecisionMain() {}

  /** Entry point. */
  public static void main(String[] argv) throws Exception {
    if (argv.length < 2) {
      throw new IllegalArgumentException(
          "usage: DecisionMain actions CANDIDATES NAME... | calls OVERLAY");
    }
    switch (argv[0]) {
      case "actions" -> {
        String name = String.join(" ", Arrays.copyOfRange(argv, 2, argv.length));
        CandidateActions.of(Path.of(argv[1]), name).forEach(a -> System.out.println(a.line()));
      }
      case "calls" ->
          Overlay.load(Path.of(argv[1]))
              .calls()
              .forEach(c -> System.out.println(c.from() + " " + c.to()));
      default -> throw new IllegalArgumentException("unknown command: " + argv[0]);
    }
  }
}
