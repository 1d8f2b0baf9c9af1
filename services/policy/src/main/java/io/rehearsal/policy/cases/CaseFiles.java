package io.rehearsal.policy.cases;

import io.rehearsal.policy.Action;
import io.rehearsal.policy.ActionKind;
import io.rehearsal.policy.Approval;
import io.rehearsal.policy.AutomationBudget;
import io.rehearsal.policy.BlastRadius;
import io.rehearsal.policy.Effect;
import io.rehearsal.policy.Environment;
import io.rehearsal.policy.Evidence;
import io.rehearsal.policy.FreezeWindow;
import io.rehearsal.policy.GuardSettings;
import io.rehearsal.policy.KillSwitch;
import io.rehearsal.policy.PastAction;
import io.rehearsal.policy.PolicyInput;
import io.rehearsal.policy.Target;
import io.rehearsal.policy.TwinFidelity;
import io.rehearsal.policy.yaml.YamlNode;
import io.rehearsal.rehearse.evaluation.EvidenceFlag;
import io.rehearsal.rehearse.evaluation.Recommendation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads case files (the format is in the module README). Ages ({@code age}, {@code ago}) are
 * relative to the case's {@code clock}, so a case reads like the situation it describes.
 */
public final class CaseFiles {

  private static final List<String> TOP = List.of("policy", "guards", "cases", "fixtures");
  private static final List<String> CASE =
      List.of(
          "name",
          "clock",
          "request",
          "evidence",
          "twin",
          "recent",
          "freezes",
          "kill_switch",
          "approvals",
          "rate_limited",
          "expect");

  private static final Pattern CASES_KEY = Pattern.compile("(?m)^cases:");

  private CaseFiles() {}

  /**
   * True when the file is a case file: it has a top-level {@code cases:} key. Decided on the text,
   * so a case file with a YAML error is still found (and its error reported) rather than skipped.
   */
  public static boolean isCaseFile(Path file) {
    try {
      return CASES_KEY.matcher(Files.readString(file, StandardCharsets.UTF_8)).find();
    } catch (IOException e) {
      return false;
    }
  }

  /** Every case file under {@code dir} (recursively), sorted by path. */
  public static List<Path> find(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files
          .filter(Files::isRegularFile)
          .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
          .filter(CaseFiles::isCaseFile)
          .sorted()
          .collect(Collectors.toList());
    }
  }

  /**
   * Loads a case file.
   *
   * @throws YamlProblem at the first problem, with {@code file:line}
   * @throws IOException when the file cannot be read
   */
  public static CaseFile load(Path file) throws IOException {
    YamlNode root = YamlNode.parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    root.allowOnly(TOP);
    Optional<Path> policy =
        root.get("policy")
            .map(p -> file.toAbsolutePath().getParent().resolve(p.text()).normalize());
    GuardSettings guards = root.get("guards").map(CaseFiles::guards).orElse(GuardSettings.DEFAULTS);
    List<PolicyCase> cases = new ArrayList<>();
    for (YamlNode node : root.require("cases").items()) {
      cases.add(testCase(node));
    }
    return new CaseFile(file, policy, guards, cases);
  }

  private static GuardSettings guards(YamlNode node) {
    node.allowOnly(List.of("max_evidence_age", "max_twin_age"));
    return new GuardSettings(
        node.get("max_evidence_age")
            .map(YamlNode::asDuration)
            .orElse(GuardSettings.DEFAULTS.maxEvidenceAge()),
        node.get("max_twin_age")
            .map(YamlNode::asDuration)
            .orElse(GuardSettings.DEFAULTS.maxTwinAge()));
  }

  /** Parses one case (also used by {@code rehearsal policy explain}). */
  static PolicyCase testCase(YamlNode node) {
    node.allowOnly(CASE);
    String name = node.require("name").text();
    Instant clock = node.require("clock").asInstant();
    try {
      PolicyInput input =
          new PolicyInput(
              action(node.require("request")),
              node.get("evidence").map(e -> evidence(e, clock)),
              node.get("twin").map(t -> twin(t, clock)),
              node.get("recent").map(r -> recent(r, clock)).orElse(List.of()),
              node.get("freezes").map(CaseFiles::freezes).orElse(List.of()),
              node.get("kill_switch").map(CaseFiles::killSwitch).orElse(KillSwitch.OFF),
              node.get("approvals").map(CaseFiles::approvals).orElse(List.of()),
              node.get("rate_limited")
                  .map(r -> AutomationBudget.exhausted(r.text()))
                  .orElse(AutomationBudget.AVAILABLE));
      YamlNode expect =
          node.require("expect").allowOnly(List.of("effect", "rule", "default_deny", "approvers"));
      return new PolicyCase(
          name,
          node.file() + ":" + node.line(),
          clock,
          input,
          expect.require("effect").asEnum(Effect.class),
          expect.get("rule").map(YamlNode::text),
          expect.get("default_deny").map(YamlNode::asBoolean).orElse(false),
          expect
              .get("approvers")
              .map(a -> OptionalInt.of((int) a.asLong()))
              .orElse(OptionalInt.empty()));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw node.problem("case '" + name + "': " + e.getMessage());
    }
  }

  private static Action action(YamlNode node) {
    node.allowOnly(
        List.of("id", "kind", "target", "environment", "parameters", "requester", "blast_radius"));
    ActionKind kind = node.require("kind").asEnum(ActionKind.class);
    return new Action(
        node.get("id").map(YamlNode::text).orElse(kind.name().toLowerCase(java.util.Locale.ROOT)),
        kind,
        target(node.require("target")),
        node.require("environment").asEnum(Environment.class),
        node.get("parameters").map(CaseFiles::parameters).orElse(Map.of()),
        node.get("requester").map(YamlNode::text).orElse("loop:test"),
        node.get("blast_radius").map(CaseFiles::blastRadius).orElse(BlastRadius.NONE));
  }

  private static Target target(YamlNode node) {
    node.allowOnly(List.of("service", "endpoint", "dependency", "region"));
    return new Target(
        text(node, "service"),
        text(node, "endpoint"),
        text(node, "dependency"),
        text(node, "region"));
  }

  private static String text(YamlNode node, String key) {
    return node.get(key).map(YamlNode::text).orElse("");
  }

  private static Map<String, Object> parameters(YamlNode node) {
    Map<String, Object> parameters = new LinkedHashMap<>();
    node.entries().forEach((k, v) -> parameters.put(k, v.asPlainValue()));
    return parameters;
  }

  private static BlastRadius blastRadius(YamlNode node) {
    node.allowOnly(List.of("traffic_fraction", "replicas", "services", "regions"));
    return new BlastRadius(
        node.get("traffic_fraction").map(YamlNode::asDouble).orElse(0.0),
        (int) node.get("replicas").map(YamlNode::asLong).orElse(0L).longValue(),
        node.get("services").map(YamlNode::texts).orElse(List.of()),
        node.get("regions").map(YamlNode::texts).orElse(List.of()));
  }

  private static Evidence evidence(YamlNode node, Instant clock) {
    node.allowOnly(
        List.of(
            "hash",
            "rank",
            "best",
            "flags",
            "p_improvement",
            "utility_ci",
            "recommendation",
            "age",
            "created_at"));
    List<YamlNode> ci = node.require("utility_ci").items();
    if (ci.size() != 2) {
      throw node.require("utility_ci").problem("utility_ci must be [lower, upper]");
    }
    Set<EvidenceFlag> flags =
        node.get("flags")
            .map(
                f ->
                    f.items().stream()
                        .map(i -> i.asEnum(EvidenceFlag.class))
                        .collect(Collectors.toSet()))
            .orElse(Set.of());
    return new Evidence(
        node.get("hash").map(YamlNode::text).orElse("sha256:test"),
        (int) node.require("rank").asLong(),
        node.get("best").map(YamlNode::asBoolean).orElse(false),
        flags,
        node.require("p_improvement").asDouble(),
        ci.get(0).asDouble(),
        ci.get(1).asDouble(),
        node.require("recommendation").asEnum(Recommendation.Kind.class),
        when(node, "created_at", "age", clock));
  }

  private static Instant when(YamlNode node, String instantKey, String ageKey, Instant clock) {
    Optional<YamlNode> at = node.get(instantKey);
    if (at.isPresent()) {
      return at.get().asInstant();
    }
    return clock.minus(node.require(ageKey).asDuration());
  }

  private static TwinFidelity twin(YamlNode node, Instant clock) {
    node.allowOnly(List.of("p50_mape", "p99_mape", "stale", "age", "calibrated_at"));
    return new TwinFidelity(
        node.require("p50_mape").asDouble(),
        node.require("p99_mape").asDouble(),
        node.get("stale").map(YamlNode::asBoolean).orElse(false),
        when(node, "calibrated_at", "age", clock));
  }

  private static List<PastAction> recent(YamlNode node, Instant clock) {
    List<PastAction> actions = new ArrayList<>();
    for (YamlNode item : node.items()) {
      item.allowOnly(List.of("kind", "at", "ago"));
      actions.add(
          new PastAction(
              item.require("kind").asEnum(ActionKind.class), when(item, "at", "ago", clock)));
    }
    return actions;
  }

  private static List<FreezeWindow> freezes(YamlNode node) {
    List<FreezeWindow> freezes = new ArrayList<>();
    for (YamlNode item : node.items()) {
      item.allowOnly(List.of("name", "start", "end", "environments", "services"));
      freezes.add(
          new FreezeWindow(
              item.require("name").text(),
              item.require("start").asInstant(),
              item.require("end").asInstant(),
              item.get("environments")
                  .map(
                      e ->
                          e.items().stream()
                              .map(i -> i.asEnum(Environment.class))
                              .collect(Collectors.toSet()))
                  .orElse(Set.of()),
              item.get("services").map(s -> Set.copyOf(s.texts())).orElse(Set.of())));
    }
    return freezes;
  }

  private static KillSwitch killSwitch(YamlNode node) {
    node.allowOnly(List.of("global", "targets"));
    return new KillSwitch(
        node.get("global").map(YamlNode::asBoolean).orElse(false),
        node.get("targets").map(t -> Set.copyOf(t.texts())).orElse(Set.of()));
  }

  private static List<Approval> approvals(YamlNode node) {
    List<Approval> approvals = new ArrayList<>();
    for (YamlNode item : node.items()) {
      item.allowOnly(List.of("approver", "groups"));
      approvals.add(
          new Approval(
              item.require("approver").text(),
              item.get("groups").map(g -> Set.copyOf(g.texts())).orElse(Set.of())));
    }
    return approvals;
  }
}
