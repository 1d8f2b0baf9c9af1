package io.rehearsal.policy;

import io.rehearsal.policy.yaml.YamlProblem;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A policy set that cannot be used: every problem found, each located at {@code file:line}. Thrown
 * at load time only, never while deciding.
 */
public final class PolicyLoadException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient List<YamlProblem> problems;

  /**
   * @param problems what is wrong, at least one
   */
  public PolicyLoadException(List<YamlProblem> problems) {
    super(problems.stream().map(YamlProblem::getMessage).collect(Collectors.joining("\n")));
    this.problems = List.copyOf(problems);
  }

  /** Every problem, in file order. */
  public List<YamlProblem> problems() {
    return problems;
  }
}
