package io.rehearsal.twin.spec;

import java.util.ArrayList;
import java.util.List;

/**
 * Timed faults and timed remediations applied to a twin during a run. A candidate remediation is
 * rehearsed as the incident scenario {@link #with(List) with} its remediations added.
 *
 * @param name scenario name
 * @param faults faults, in any order
 * @param remediations remediations, in any order
 */
public record Scenario(String name, List<Fault> faults, List<Remediation> remediations) {
  /** A scenario with nothing in it ("do nothing" on a healthy system). */
  public static final Scenario NONE = new Scenario("none", List.of(), List.of());

  /** Copies the lists. */
  public Scenario {
    if (name == null || name.isBlank()) {
      throw new InvalidSpecException("name: must not be blank, but was " + name);
    }
    faults = faults == null ? List.of() : List.copyOf(faults);
    remediations = remediations == null ? List.of() : List.copyOf(remediations);
  }

  /** This scenario plus more remediations, under a new name. */
  public Scenario with(String newName, List<Remediation> more) {
    List<Remediation> all = new ArrayList<>(remediations);
    all.addAll(more);
    return new Scenario(newName, faults, all);
  }

  /** This scenario plus more remediations. */
  public Scenario with(List<Remediation> more) {
    return with(name, more);
  }

  /**
   * Checks that every target names something in {@code spec}.
   *
   * @throws InvalidSpecException naming the bad path and value
   */
  public void validateAgainst(TwinSpec spec) {
    ScenarioCheck.check(spec.index(), faults, remediations);
  }
}
