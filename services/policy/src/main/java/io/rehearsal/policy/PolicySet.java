package io.rehearsal.policy;

import io.rehearsal.policy.yaml.YamlProblem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * An ordered list of rules, compiled and type-checked: the first rule whose condition holds
 * decides, and no match denies. Immutable; load once and share.
 *
 * <p>Its {@link #version()} is a SHA-256 over the rules' meaning (names, descriptions, conditions,
 * effects, approvers, expiries and the defaults), not over the file's bytes: re-indenting or
 * commenting a file keeps the version, changing any rule changes it.
 */
public final class PolicySet {

  private final String name;
  private final PolicyDefaults defaults;
  private final List<CompiledRule> rules;
  private final String version;

  private PolicySet(String name, PolicyDefaults defaults, List<CompiledRule> rules) {
    this.name = name;
    this.defaults = defaults;
    this.rules = List.copyOf(rules);
    this.version = version(defaults, this.rules);
  }

  /**
   * Loads one policy file.
   *
   * @param file a YAML policy file
   * @return the compiled set
   * @throws PolicyLoadException with every problem found, each at {@code file:line}
   */
  public static PolicySet load(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new PolicyLoadException(
          List.of(new YamlProblem(file.toString(), 0, "cannot read: " + e.getMessage())));
    }
    String base = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
    return parse(text, file.toString(), base);
  }

  /**
   * Parses a policy document.
   *
   * @param text the YAML
   * @param file the file name to put in problems
   * @param defaultName the set's name when the document names none
   * @return the compiled set
   * @throws PolicyLoadException with every problem found, each at {@code file:line}
   */
  public static PolicySet parse(String text, String file, String defaultName) {
    PolicyParser.Parsed parsed = PolicyParser.parse(text, file, defaultName);
    if (!parsed.problems().isEmpty()) {
      throw new PolicyLoadException(parsed.problems());
    }
    return new PolicySet(parsed.name(), parsed.defaults(), parsed.rules());
  }

  /** The set's name. */
  public String name() {
    return name;
  }

  /** The set-level defaults. */
  public PolicyDefaults defaults() {
    return defaults;
  }

  /** The rules in evaluation order. */
  public List<PolicyRule> rules() {
    return rules.stream().map(CompiledRule::rule).toList();
  }

  /** {@code sha256:} and the hex content hash decisions are bound to. */
  public String version() {
    return version;
  }

  List<CompiledRule> compiled() {
    return rules;
  }

  private static String version(PolicyDefaults defaults, List<CompiledRule> rules) {
    StringBuilder canonical = new StringBuilder();
    canonical.append("defaults\0").append(defaults).append('\n');
    for (CompiledRule compiled : rules) {
      PolicyRule r = compiled.rule();
      canonical.append(String.join("\0", r.name(), r.description(), r.when().strip()));
      canonical.append('\0').append(r.effect()).append('\0').append(r.approvers());
      canonical.append('\0').append(r.expiry()).append('\n');
    }
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256")
              .digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
      return "sha256:" + HexFormat.of().formatHex(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
