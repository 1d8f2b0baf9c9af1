package io.rehearsal.policy;

import io.rehearsal.policy.yaml.YamlNode;
import io.rehearsal.policy.yaml.YamlProblem;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a policy YAML file into rules and compiles their conditions, collecting every problem
 * (structure, unknown keys, CEL syntax and type errors) with its {@code file:line}.
 */
final class PolicyParser {

  private static final List<String> TOP = List.of("name", "description", "defaults", "rules");
  private static final List<String> RULE =
      List.of("name", "description", "when", "effect", "approvers", "expiry");
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,99}");

  private final String file;
  private final List<YamlProblem> problems = new ArrayList<>();
  private final List<CompiledRule> rules = new ArrayList<>();
  private final Set<String> names = new HashSet<>();

  private PolicyParser(String file) {
    this.file = file;
  }

  /** What a file holds: the rules that compiled and every problem found. */
  record Parsed(
      String name, PolicyDefaults defaults, List<CompiledRule> rules, List<YamlProblem> problems) {}

  static Parsed parse(String text, String file, String defaultName) {
    PolicyParser parser = new PolicyParser(file);
    try {
      YamlNode root = YamlNode.parse(text, file);
      root.allowOnly(TOP);
      String name = root.get("name").map(YamlNode::text).orElse(defaultName);
      PolicyDefaults defaults = parser.defaults(root);
      parser.rules(root.require("rules"));
      return new Parsed(name, defaults, parser.rules, parser.problems);
    } catch (YamlProblem e) {
      parser.problems.add(e);
      return new Parsed(defaultName, PolicyDefaults.NONE, parser.rules, parser.problems);
    }
  }

  private PolicyDefaults defaults(YamlNode root) {
    Optional<YamlNode> node = root.get("defaults");
    if (node.isEmpty()) {
      return PolicyDefaults.NONE;
    }
    YamlNode defaults = node.get().allowOnly(List.of("ttl", "approvers"));
    Optional<Duration> ttl = defaults.get("ttl").map(PolicyParser::positiveDuration);
    Approvers approvers = defaults.get("approvers").map(this::approvers).orElse(Approvers.one());
    return new PolicyDefaults(ttl, approvers);
  }

  private void rules(YamlNode node) {
    List<YamlNode> items = node.items();
    if (items.isEmpty()) {
      throw node.problem("rules must hold at least one rule");
    }
    for (YamlNode item : items) {
      try {
        rule(item);
      } catch (YamlProblem e) {
        problems.add(e);
      }
    }
  }

  private void rule(YamlNode node) {
    node.allowOnly(RULE);
    YamlNode nameNode = node.require("name");
    String name = nameNode.text();
    if (!NAME.matcher(name).matches()) {
      throw nameNode.problem(
          "rule name must match "
              + NAME.pattern()
              + " (lower case, digits, . _ -), but was '"
              + name
              + "'");
    }
    if (!names.add(name)) {
      throw nameNode.problem("duplicate rule name '" + name + "'");
    }
    String description = node.require("description").text();
    Effect effect = node.require("effect").asEnum(Effect.class);
    Approvers approvers = approversFor(node, name, effect);
    Optional<Duration> expiry = node.get("expiry").map(PolicyParser::positiveDuration);
    if (expiry.isPresent() && effect != Effect.REQUIRE_APPROVAL) {
      throw node.require("expiry")
          .problem("rule '" + name + "': expiry only applies to REQUIRE_APPROVAL, not " + effect);
    }
    YamlNode whenNode = node.require("when");
    String when = whenNode.text();
    PolicyRule rule =
        new PolicyRule(name, description, when, effect, approvers, expiry, file, node.line());
    Cel.Compiled compiled = Cel.compile(when);
    if (compiled.issues().isEmpty()) {
      rules.add(new CompiledRule(rule, compiled.program()));
      return;
    }
    for (Cel.Issue issue : compiled.issues()) {
      int line = whenNode.line() + (whenNode.isBlockScalar() ? issue.line() : issue.line() - 1);
      problems.add(
          new YamlProblem(
              file,
              line,
              "rule '"
                  + name
                  + "': when: "
                  + issue.message()
                  + " (column "
                  + issue.column()
                  + " of the condition)"));
    }
  }

  private Approvers approversFor(YamlNode node, String name, Effect effect) {
    Optional<YamlNode> approvers = node.get("approvers");
    if (effect == Effect.REQUIRE_APPROVAL) {
      return approvers
          .map(this::approvers)
          .orElseThrow(
              () ->
                  node.problem(
                      "rule '"
                          + name
                          + "': REQUIRE_APPROVAL needs approvers: {count: N, groups: [..]}"));
    }
    if (approvers.isPresent()) {
      throw approvers
          .get()
          .problem("rule '" + name + "': approvers only apply to REQUIRE_APPROVAL, not " + effect);
    }
    return Approvers.NONE;
  }

  private Approvers approvers(YamlNode node) {
    node.allowOnly(List.of("count", "groups"));
    YamlNode countNode = node.require("count");
    long count = countNode.asLong();
    if (count < 1 || count > 10) {
      throw countNode.problem("approvers.count must be between 1 and 10, but was " + count);
    }
    List<String> groups = node.get("groups").map(YamlNode::texts).orElse(List.of());
    return new Approvers((int) count, groups);
  }

  private static Duration positiveDuration(YamlNode node) {
    Duration d = node.asDuration();
    if (d.isZero()) {
      throw node.problem(node.path() + " must be positive, but was " + node.text());
    }
    return d;
  }
}
