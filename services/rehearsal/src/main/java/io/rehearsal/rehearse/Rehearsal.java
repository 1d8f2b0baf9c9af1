package io.rehearsal.rehearse;

import io.rehearsal.rehearse.evaluation.Candidate;
import io.rehearsal.rehearse.evaluation.EvaluationPlan;
import io.rehearsal.rehearse.evaluation.Objectives;
import io.rehearsal.rehearse.evaluation.ReplicationPolicy;
import io.rehearsal.rehearse.fitting.FaultFitter;
import io.rehearsal.rehearse.fitting.FaultHypothesis;
import io.rehearsal.rehearse.fitting.FitConfig;
import io.rehearsal.rehearse.fitting.SymptomPoint;
import io.rehearsal.rehearse.fitting.Symptoms;
import io.rehearsal.twin.run.SimulationConfig;
import io.rehearsal.twin.spec.Scenario;
import io.rehearsal.twin.spec.TwinSpec;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rehearsal, the one use case that {@code rehearsal sandbox evaluate} and the sandbox service
 * share: fit the incident's fault in the twin, put the best hypothesis on the twin's clock, and
 * plan "do nothing" and every candidate under it. The plan then runs in this process ({@link
 * io.rehearsal.rehearse.evaluation.Evaluator}) or on workers behind a job transport ({@link
 * io.rehearsal.rehearse.jobs.DistributedEvaluator}), with the same result bit for bit.
 *
 * <pre>{@code
 * List<FaultHypothesis> fitted = Rehearsal.fit(twin, symptoms, baseline, FitConfig.of(seed, 2));
 * Timeline t = Timeline.afterObservation(60, symptoms.span(), 300, 10);
 * EvaluationPlan plan = Rehearsal.plan("incident 42", twin, fitted, candidates, t, settings);
 * EvaluationResult result = Evaluator.evaluate(plan, 2);
 * }</pre>
 */
public final class Rehearsal {
  private Rehearsal() {}

  /**
   * How the candidates are judged and how much simulation they get.
   *
   * @param seed base seed of every arm's streams
   * @param objectives scoring
   * @param policy ranking-and-selection budget
   * @param jobSize replications per job when the plan is split into jobs
   */
  public record Settings(long seed, Objectives objectives, ReplicationPolicy policy, int jobSize) {}

  /**
   * The fault hypotheses that best reproduce {@code symptoms} on {@code twin}, best first. Only the
   * baseline of endpoints in the symptoms takes part; it removes the twin's standing bias ({@link
   * FaultFitter#fit(Symptoms, Map)}).
   */
  public static List<FaultHypothesis> fit(
      TwinSpec twin, Symptoms symptoms, Map<String, SymptomPoint> baseline, FitConfig config) {
    Map<String, SymptomPoint> shared = new HashMap<>(baseline);
    shared.keySet().retainAll(symptoms.names());
    return new FaultFitter(twin, config).fit(symptoms, shared);
  }

  /**
   * The plan that rehearses {@code candidates} and "do nothing" under the best of {@code fitted}
   * (no fault if none fitted), starting at the timeline's onset and measured over its window.
   */
  public static EvaluationPlan plan(
      String name,
      TwinSpec twin,
      List<FaultHypothesis> fitted,
      List<Candidate> candidates,
      Timeline t,
      Settings s) {
    Scenario incident =
        new Scenario(
            name,
            fitted.isEmpty() ? List.of() : List.of(fitted.get(0).toFault(t.onset(), 0)),
            List.of());
    return new EvaluationPlan(
        twin,
        incident,
        candidates,
        new SimulationConfig(t.end(), t.measuredFrom(), t.bucket(), false),
        s.seed(),
        s.objectives(),
        s.policy(),
        s.jobSize());
  }
}
