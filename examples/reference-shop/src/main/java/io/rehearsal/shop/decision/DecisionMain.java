package io.rehearsal.shop.decision;

import io.rehearsal.shop.Overlay;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.TreeSet;

/**
 * Planning helpers of {@code record-decisions.sh} and {@code run.sh --actions}:
 *
 * <pre>
 * DecisionMain actions CANDIDATES.yaml NAME...   the candidate's steps, one "AT VERB ARG..." a line
 * DecisionMain callers OVERLAY.yaml SERVICE      the services that call SERVICE, one a line
 * </pre>
 */
public final class DecisionMain {
  private DecisionMain() {}

  /** Entry point. */
  public static void main(String[] argv) throws Exception {
    if (argv.length < 3) {
      throw new IllegalArgumentException(
          "usage: DecisionMain actions CANDIDATES NAME... | callers OVERLAY SERVICE");
    }
    switch (argv[0]) {
      case "actions" -> {
        String name = String.join(" ", Arrays.copyOfRange(argv, 2, argv.length));
        CandidateActions.of(Path.of(argv[1]), name).forEach(a -> System.out.println(a.line()));
      }
      case "callers" -> {
        Overlay overlay = Overlay.load(Path.of(argv[1]));
        TreeSet<String> callers = new TreeSet<>();
        overlay.calls().stream()
            .filter(c -> c.to().equals(argv[2]))
            .forEach(c -> callers.add(c.from()));
        callers.forEach(System.out::println);
      }
      default -> throw new IllegalArgumentException("unknown command: " + argv[0]);
    }
  }
}
