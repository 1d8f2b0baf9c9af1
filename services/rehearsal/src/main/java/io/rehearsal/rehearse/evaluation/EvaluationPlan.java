package io.rehearsal.rehearse.evaluation;

import io.rehearsal.twin.run.SimulationConfig;
import io.rehearsal.twin.spec.Scenario;
import io.rehearsal.twin.spec.TwinSpec;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Everything an evaluation needs, validated once: arm 0 is "do nothing" (the incident as is), arm
 * {@code i >= 1} is candidate {@code i - 1} (the incident with its remediations added). Workers in
 * other processes rebuild the same plan from the same inputs and run {@link Job}s against it.
 *
 * @param spec the (forked) twin
 * @param incident the fault scenario, usually the best fitted hypothesis
 * @param candidates candidate remediations, at least one, unique names
 * @param config run length and measurement of each replication (the horizon)
 * @param seed base seed; replication r of every arm uses the streams of (seed, r)
 * @param objectives scoring
 * @param policy ranking-and-selection budget
 * @param jobSize replications per job (>= 1)
 */
public record EvaluationPlan(
    TwinSpec spec,
    Scenario incident,
    List<Candidate> candidates,
    SimulationConfig config,
    long seed,
    Objectives objectives,
    ReplicationPolicy policy,
    int jobSize) {
  /** Name of arm 0 in results. */
  public static final String DO_NOTHING = "do nothing";

  /**
   * Validates the plan.
   *
   * @throws io.rehearsal.twin.spec.InvalidSpecException if a scenario names unknown targets
   * @throws IllegalArgumentException for no candidates, duplicate names or a bad job size
   */
  public EvaluationPlan {
    candidates = List.copyOf(candidates);
    if (candidates.isEmpty()) {
      throw new IllegalArgumentException("candidates must list at least one, but was empty");
    }
    Set<String> names = new HashSet<>();
    for (int i = 0; i < candidates.size(); i++) {
      String name = candidates.get(i).name();
      if (!names.add(name) || name.equals(DO_NOTHING)) {
        throw new IllegalArgumentException(
            "candidates["
                + i
                + "].name must be unique and not '"
                + DO_NOTHING
                + "', but was "
                + name);
      }
    }
    if (jobSize < 1) {
      throw new IllegalArgumentException("jobSize must be >= 1, but was " + jobSize);
    }
    incident.validateAgainst(spec);
    for (int i = 1; i <= candidates.size(); i++) {
      scenario(incident, candidates, i).validateAgainst(spec);
    }
  }

  /** Number of arms: "do nothing" plus the candidates. */
  public int arms() {
    return candidates.size() + 1;
  }

  /** The name of an arm. */
  public String armName(int arm) {
    return arm == 0 ? DO_NOTHING : candidates.get(arm - 1).name();
  }

  /** The scenario simulated for an arm. */
  public Scenario scenario(int arm) {
    return scenario(incident, candidates, arm);
  }

  private static Scenario scenario(Scenario incident, List<Candidate> candidates, int arm) {
    if (arm == 0) {
      return incident;
    }
    Candidate c = candidates.get(arm - 1);
    return incident.with(c.name(), c.remediations());
  }
}
