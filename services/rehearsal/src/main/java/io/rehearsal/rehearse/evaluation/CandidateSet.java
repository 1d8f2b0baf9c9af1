package io.rehearsal.rehearse.evaluation;

import io.rehearsal.twin.spec.InvalidSpecException;
import io.rehearsal.twin.spec.Remediation;
import io.rehearsal.twin.spec.ScenarioCheck;
import io.rehearsal.twin.spec.SloSpec;
import io.rehearsal.twin.spec.TwinSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A candidate file: the remediations to rehearse for one incident, and optionally the SLOs to judge
 * them by. YAML (or JSON), read by {@link #read(Path)}:
 *
 * <pre>{@code
 * incident: payment-gateway-slowdown      # optional, for people
 * slos:                                   # optional: replace the twin's SLOs for this evaluation
 *   - {endpoint: frontend/POST /checkout, percentile: 99, latency: 1.0, availability: 0.99}
 * objectives:                             # optional: how candidates are scored ({@link Objectives})
 *   sloWeights: {frontend/POST /checkout: 2, frontend/GET /browse: 1}   # default: all equal
 *   costPerReplicaSecond: 0.00001         # default 1e-5 score units per replica-second
 *   riskAversion: 0.2                     # default 0.2, in [0, 1]
 * candidates:
 *   - name: scale payment to 4
 *     blastRadius: 0.1                    # optional, in [0, 1]; default 1 (reaches everything)
 *     cost: 0                             # optional declared cost of doing it (>= 0), reported only
 *     remediations:                       # the TwinSpec scenario's form; at: seconds after the
 *       - {kind: SCALE, target: payment, value: 4}   # decision (default 0)
 * }</pre>
 *
 * <p>Remediation times are relative to the decision: {@link #candidates(double)} shifts them to the
 * simulation's clock. Invalid files raise {@link InvalidSpecException} naming the path, e.g. {@code
 * candidates[2].remediations[0].target: unknown service 'paymnt'} ({@link #validateAgainst}).
 *
 * @param incident the incident the candidates are for (free text), or null
 * @param slos SLOs that replace the twin's for the evaluation; empty keeps the twin's
 * @param candidates at least one, unique names, none named {@link EvaluationPlan#DO_NOTHING}
 * @param objectives how the candidates are scored, or null for {@link Objectives#DEFAULT}
 */
public record CandidateSet(
    String incident, List<SloSpec> slos, List<Entry> candidates, Scoring objectives) {

  /** Validates the names and copies the lists. */
  public CandidateSet {
    objectives = objectives == null ? new Scoring(null, null, null) : objectives;
    slos = slos == null ? List.of() : List.copyOf(slos);
    candidates = candidates == null ? List.of() : List.copyOf(candidates);
    if (candidates.isEmpty()) {
      throw new InvalidSpecException("candidates: must list at least one candidate");
    }
    Set<String> names = new HashSet<>();
    for (int i = 0; i < candidates.size(); i++) {
      String name = candidates.get(i).name();
      if (name.equals(EvaluationPlan.DO_NOTHING) || !names.add(name)) {
        throw new InvalidSpecException(
            "candidates["
                + i
                + "].name: must be unique and not 'do nothing', but was '"
                + name
                + "'");
      }
    }
  }

  /**
   * One candidate of the file.
   *
   * @param name unique name
   * @param remediations what is done, at least one; {@code at} counts from the decision
   * @param blastRadius share of production the action reaches, in [0, 1] (default 1)
   * @param cost declared cost of carrying it out, >= 0 (default 0), in the user's unit; reported,
   *     not simulated
   */
  public record Entry(
      String name, List<Remediation> remediations, Double blastRadius, Double cost) {
    /** Validates the entry and fills defaults. */
    public Entry {
      if (name == null || name.isBlank()) {
        throw new InvalidSpecException("name: must not be blank, but was " + name);
      }
      remediations = remediations == null ? List.of() : List.copyOf(remediations);
      if (remediations.isEmpty()) {
        throw new InvalidSpecException("remediations: must list at least one remediation");
      }
      blastRadius = blastRadius == null ? 1.0 : blastRadius;
      if (!(blastRadius >= 0 && blastRadius <= 1)) {
        throw new InvalidSpecException("blastRadius: must be in [0, 1], but was " + blastRadius);
      }
      cost = cost == null ? 0.0 : cost;
      if (!(cost >= 0) || Double.isInfinite(cost)) {
        throw new InvalidSpecException("cost: must be >= 0, but was " + cost);
      }
    }
  }

  /**
   * The file's {@code objectives:} section; each field left out takes its value from {@link
   * Objectives#DEFAULT}.
   *
   * @param sloWeights relative weight per SLO endpoint, or null for equal weights
   * @param costPerReplicaSecond score units lost per replica-second, or null
   * @param riskAversion weight of the mean-to-worst-decile utility gap, in [0, 1], or null
   */
  public record Scoring(
      Map<String, Double> sloWeights, Double costPerReplicaSecond, Double riskAversion) {
    /** The objectives these fields give, defaults filled in. */
    public Objectives toObjectives() {
      Objectives d = Objectives.DEFAULT;
      try {
        return new Objectives(
            sloWeights == null ? d.sloWeights() : sloWeights,
            costPerReplicaSecond == null ? d.costWeight() : costPerReplicaSecond,
            riskAversion == null ? d.riskAversion() : riskAversion);
      } catch (IllegalArgumentException e) {
        String m = e.getMessage().replace("costWeight", "costPerReplicaSecond");
        throw new InvalidSpecException("objectives." + m.replaceFirst(" must", ": must"));
      }
    }
  }

  /** How the candidates are scored: the file's objectives, defaults filled in. */
  public Objectives scoring() {
    return objectives.toObjectives();
  }

  /**
   * Reads and validates a candidate file; {@code .json} as JSON, anything else as YAML.
   *
   * @throws InvalidSpecException naming the path (or line, for a syntax error) and the bad value
   * @throws java.io.UncheckedIOException if the file cannot be read
   */
  public static CandidateSet read(Path file) {
    return CandidateFiles.read(file);
  }

  /** Parses a YAML candidate set. */
  public static CandidateSet fromYaml(String text) {
    return CandidateFiles.fromYaml(text);
  }

  /**
   * Checks every remediation's targets and the SLOs' endpoints against a twin.
   *
   * @throws InvalidSpecException e.g. {@code candidates[2].remediations[0].target: unknown service
   *     'paymnt'}
   */
  public void validateAgainst(TwinSpec spec) {
    for (int i = 0; i < candidates.size(); i++) {
      try {
        ScenarioCheck.check(spec.index(), List.of(), candidates.get(i).remediations());
      } catch (InvalidSpecException e) {
        throw e.under("candidates[" + i + "]");
      }
    }
    judgedBy(spec);
  }

  /**
   * The twin with this file's SLOs in place of its own (the twin itself when the file has none).
   *
   * @throws InvalidSpecException if an SLO names an unknown endpoint ({@code slos[i].endpoint})
   */
  public TwinSpec judgedBy(TwinSpec spec) {
    if (slos.isEmpty()) {
      return spec;
    }
    return spec.withSlos(slos);
  }

  /** The candidates with remediation times moved from the decision to the simulation's clock. */
  public List<Candidate> candidates(double decisionTime) {
    List<Candidate> out = new ArrayList<>();
    for (Entry e : candidates) {
      List<Remediation> shifted = e.remediations().stream().map(r -> at(r, decisionTime)).toList();
      out.add(new Candidate(e.name(), shifted, e.blastRadius()));
    }
    return out;
  }

  /** The entry with that name. */
  public Entry entry(String name) {
    return candidates.stream()
        .filter(c -> c.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown candidate '" + name + "'"));
  }

  private static Remediation at(Remediation r, double offset) {
    return new Remediation(
        r.kind(),
        r.at() + offset,
        r.delay(),
        r.target(),
        r.value(),
        r.to(),
        r.retry(),
        r.breaker(),
        r.autoscaler(),
        r.weights());
  }
}
