package io.rehearsal.sandbox.evaluation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.rehearsal.rehearse.evaluation.Candidate;
import io.rehearsal.rehearse.evaluation.EvaluationPlan;
import io.rehearsal.rehearse.evaluation.Objectives;
import io.rehearsal.rehearse.evaluation.ReplicationPolicy;
import io.rehearsal.twin.run.SimulationConfig;
import io.rehearsal.twin.spec.Scenario;
import io.rehearsal.twin.spec.TwinSpec;
import io.rehearsal.twin.spec.TwinSpecs;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An {@link EvaluationPlan} as bytes that travel to worker processes: the twin by its snapshot id,
 * scenarios in the twin's JSON, numbers as JSON doubles (shortest round-tripping form, so decoding
 * gives the same bits). Every process, the coordinator included, runs the plan decoded from the
 * same bytes, so they all simulate exactly the same inputs.
 *
 * @param twinSnapshot SHA-256 of the forked twin snapshot
 * @param incident the incident scenario (fitted fault), JSON
 * @param candidates per candidate: its remediations as a scenario named after it (JSON)
 * @param blastRadii per candidate, its blast radius
 * @param duration simulated seconds per replication
 * @param warmup seconds before the fork, excluded from the outcome
 * @param bucket time-series bucket width in seconds
 * @param seed base seed
 * @param sloWeights objectives' SLO weights, sorted
 * @param costWeight objectives' cost weight
 * @param riskAversion objectives' risk aversion
 * @param policy replication policy: min, max, batch
 * @param probabilityOfCorrectSelection policy's PCS
 * @param indifferenceZone policy's indifference zone
 * @param jobSize replications per job
 */
public record PlanDocument(
    String twinSnapshot,
    String incident,
    List<String> candidates,
    List<Double> blastRadii,
    double duration,
    double warmup,
    double bucket,
    long seed,
    TreeMap<String, Double> sloWeights,
    double costWeight,
    double riskAversion,
    List<Integer> policy,
    double probabilityOfCorrectSelection,
    double indifferenceZone,
    int jobSize) {

  private static final ObjectMapper JSON = JsonMapper.builder().build();

  /** The document of a plan run on snapshot {@code twinSnapshot}. */
  public static PlanDocument of(String twinSnapshot, EvaluationPlan plan) {
    List<String> candidates = new ArrayList<>();
    List<Double> radii = new ArrayList<>();
    for (Candidate c : plan.candidates()) {
      candidates.add(TwinSpecs.toJson(new Scenario(c.name(), List.of(), c.remediations())));
      radii.add(c.blastRadius());
    }
    SimulationConfig config = plan.config();
    ReplicationPolicy p = plan.policy();
    return new PlanDocument(
        twinSnapshot,
        TwinSpecs.toJson(plan.incident()),
        candidates,
        radii,
        config.duration(),
        config.warmup(),
        config.bucket(),
        plan.seed(),
        new TreeMap<>(plan.objectives().sloWeights()),
        plan.objectives().costWeight(),
        plan.objectives().riskAversion(),
        List.of(p.minReplications(), p.maxReplications(), p.batch()),
        p.probabilityOfCorrectSelection(),
        p.indifferenceZone(),
        plan.jobSize());
  }

  /** The plan on {@code spec}, which must be the snapshot {@link #twinSnapshot()} names. */
  public EvaluationPlan toPlan(TwinSpec spec) {
    List<Candidate> list = new ArrayList<>();
    for (int i = 0; i < candidates.size(); i++) {
      Scenario s = TwinSpecs.scenarioFromYaml(candidates.get(i));
      list.add(new Candidate(s.name(), s.remediations(), blastRadii.get(i)));
    }
    return new EvaluationPlan(
        spec,
        TwinSpecs.scenarioFromYaml(incident),
        list,
        new SimulationConfig(duration, warmup, bucket, false),
        seed,
        new Objectives(Map.copyOf(sloWeights), costWeight, riskAversion),
        new ReplicationPolicy(
            policy.get(0),
            policy.get(1),
            policy.get(2),
            probabilityOfCorrectSelection,
            indifferenceZone),
        jobSize);
  }

  /** The document's bytes (UTF-8 JSON). */
  public byte[] encode() {
    try {
      return JSON.writeValueAsBytes(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode a plan document", e);
    }
  }

  /**
   * Decodes a document.
   *
   * @throws IllegalArgumentException if the bytes are not an encoded plan document
   */
  public static PlanDocument decode(byte[] bytes) {
    try {
      return JSON.readValue(bytes, PlanDocument.class);
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException(
          "not a plan document: "
              + new String(bytes, 0, Math.min(80, bytes.length), StandardCharsets.UTF_8),
          e);
    }
  }
}
