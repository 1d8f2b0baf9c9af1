package io.rehearsal.policy;

import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The variables rules may read, with their CEL types, and their values for one input. Missing
 * evidence or twin data reads as the least favourable value (absent, zero probability, maximal age
 * and error), so a rule that forgets to test {@code evidence.present} still errs on the safe side.
 */
final class Variables {

  /** The age of something that does not exist: about 100 years. */
  static final Duration NEVER = Duration.ofDays(36_500);

  private static final CelType STRINGS = ListType.create(SimpleType.STRING);

  /** One declared variable. */
  record Var(String name, CelType type, String doc) {}

  static final List<Var> ALL =
      List.of(
          new Var("remediation.id", SimpleType.STRING, "candidate id"),
          new Var("remediation.kind", SimpleType.STRING, "SCALE, ROLLBACK, RESTART, ..."),
          new Var("remediation.environment", SimpleType.STRING, "DEVELOPMENT, STAGING, PRODUCTION"),
          new Var("remediation.target.service", SimpleType.STRING, "target service or ''"),
          new Var("remediation.target.endpoint", SimpleType.STRING, "target endpoint or ''"),
          new Var("remediation.target.dependency", SimpleType.STRING, "target dependency or ''"),
          new Var("remediation.target.region", SimpleType.STRING, "target region or ''"),
          new Var(
              "remediation.parameters",
              MapType.create(SimpleType.STRING, SimpleType.DYN),
              "the kind's parameters, e.g. delta"),
          new Var("remediation.requester", SimpleType.STRING, "who asks"),
          new Var("blast_radius.traffic_fraction", SimpleType.DOUBLE, "in [0, 1]"),
          new Var("blast_radius.replicas", SimpleType.INT, "replicas touched"),
          new Var("blast_radius.services", STRINGS, "services changed"),
          new Var("blast_radius.regions", STRINGS, "regions touched"),
          new Var("evidence.present", SimpleType.BOOL, "evidence was found"),
          new Var("evidence.hash", SimpleType.STRING, "evidence hash or ''"),
          new Var("evidence.rank", SimpleType.INT, "1 = best; 0 without evidence"),
          new Var("evidence.best", SimpleType.BOOL, "the recommended candidate"),
          new Var("evidence.flags", STRINGS, "NO_EFFECT, WORSE_THAN_DO_NOTHING, ..."),
          new Var("evidence.p_improvement", SimpleType.DOUBLE, "P(utility beats do nothing)"),
          new Var("evidence.utility_ci.lower", SimpleType.DOUBLE, "utility difference CI low"),
          new Var("evidence.utility_ci.upper", SimpleType.DOUBLE, "utility difference CI high"),
          new Var(
              "evidence.recommendation",
              SimpleType.STRING,
              "RESTORES, BEST_MITIGATION, DO_NOTHING or ''"),
          new Var("evidence.age", SimpleType.DURATION, "since the evaluation"),
          new Var("twin.present", SimpleType.BOOL, "fidelity is known"),
          new Var("twin.p50_mape", SimpleType.DOUBLE, "fraction; 1.0 when unknown"),
          new Var("twin.p99_mape", SimpleType.DOUBLE, "fraction; 1.0 when unknown"),
          new Var("twin.stale", SimpleType.BOOL, "drift check marked it stale"),
          new Var("twin.age", SimpleType.DURATION, "since calibration"),
          new Var("recent.count", SimpleType.INT, "actions on the target in the history given"),
          new Var("recent.last_action_age", SimpleType.DURATION, "since the last action"),
          new Var("now", SimpleType.TIMESTAMP, "the decision's clock"),
          new Var("calendar.freeze_active", SimpleType.BOOL, "a freeze covers the action now"),
          new Var("calendar.freezes", STRINGS, "names of the freezes covering it"),
          new Var("kill_switch.active", SimpleType.BOOL, "global or for this target"),
          new Var("approvals.count", SimpleType.INT, "approvals so far"),
          new Var("approvals.approvers", STRINGS, "who approved"),
          new Var("approvals.groups", STRINGS, "groups of the approvers"));

  private Variables() {}

  /** The value of every declared variable for {@code input} at {@code now}. */
  static Map<String, Object> bind(PolicyInput input, Instant now) {
    Map<String, Object> vars = new HashMap<>();
    bindAction(vars, input.action());
    bindEvidence(vars, input.evidence(), now);
    bindTwin(vars, input.twin(), now);
    bindContext(vars, input, now);
    return vars;
  }

  private static void bindAction(Map<String, Object> vars, Action action) {
    vars.put("remediation.id", action.id());
    vars.put("remediation.kind", action.kind().name());
    vars.put("remediation.environment", action.environment().name());
    vars.put("remediation.target.service", action.target().service());
    vars.put("remediation.target.endpoint", action.target().endpoint());
    vars.put("remediation.target.dependency", action.target().dependency());
    vars.put("remediation.target.region", action.target().region());
    vars.put("remediation.parameters", action.parameters());
    vars.put("remediation.requester", action.requester());
    BlastRadius blast = action.blastRadius();
    vars.put("blast_radius.traffic_fraction", blast.trafficFraction());
    vars.put("blast_radius.replicas", (long) blast.replicas());
    vars.put("blast_radius.services", blast.services());
    vars.put("blast_radius.regions", blast.regions());
  }

  private static void bindEvidence(
      Map<String, Object> vars, Optional<Evidence> found, Instant now) {
    vars.put("evidence.present", found.isPresent());
    vars.put("evidence.hash", found.map(Evidence::hash).orElse(""));
    vars.put("evidence.rank", (long) found.map(Evidence::rank).orElse(0));
    vars.put("evidence.best", found.map(Evidence::best).orElse(false));
    vars.put("evidence.flags", found.map(Variables::flagNames).orElse(List.of()));
    vars.put("evidence.p_improvement", found.map(Evidence::probabilityOfImprovement).orElse(0.0));
    vars.put("evidence.utility_ci.lower", found.map(Evidence::utilityCiLower).orElse(0.0));
    vars.put("evidence.utility_ci.upper", found.map(Evidence::utilityCiUpper).orElse(0.0));
    vars.put("evidence.recommendation", found.map(e -> e.recommendation().name()).orElse(""));
    vars.put("evidence.age", found.map(e -> age(e.createdAt(), now)).orElse(NEVER));
  }

  private static List<String> flagNames(Evidence evidence) {
    return evidence.flags().stream().map(Enum::name).sorted().toList();
  }

  private static void bindTwin(Map<String, Object> vars, Optional<TwinFidelity> twin, Instant now) {
    vars.put("twin.present", twin.isPresent());
    vars.put("twin.p50_mape", twin.map(TwinFidelity::p50Mape).orElse(1.0));
    vars.put("twin.p99_mape", twin.map(TwinFidelity::p99Mape).orElse(1.0));
    vars.put("twin.stale", twin.map(TwinFidelity::stale).orElse(true));
    vars.put("twin.age", twin.map(t -> age(t.calibratedAt(), now)).orElse(NEVER));
  }

  private static void bindContext(Map<String, Object> vars, PolicyInput input, Instant now) {
    Action action = input.action();
    vars.put("recent.count", (long) input.recent().size());
    vars.put(
        "recent.last_action_age",
        input.recent().stream().map(a -> age(a.at(), now)).min(Duration::compareTo).orElse(NEVER));
    vars.put("now", now);
    List<String> freezes =
        input.freezes().stream()
            .filter(f -> f.covers(now, action))
            .map(FreezeWindow::name)
            .toList();
    vars.put("calendar.freeze_active", !freezes.isEmpty());
    vars.put("calendar.freezes", freezes);
    vars.put("kill_switch.active", input.killSwitch().stops(action));
    vars.put("approvals.count", (long) input.approvals().size());
    vars.put("approvals.approvers", input.approvals().stream().map(Approval::approver).toList());
    TreeSet<String> groups = new TreeSet<>();
    input.approvals().forEach(a -> groups.addAll(a.groups()));
    vars.put("approvals.groups", List.copyOf(groups));
  }

  /** Time from {@code then} to {@code now}; 0 for something from the future. */
  static Duration age(Instant then, Instant now) {
    Duration age = Duration.between(then, now);
    return age.isNegative() ? Duration.ZERO : age;
  }
}
