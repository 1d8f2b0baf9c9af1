package io.rehearsal.policy.yaml;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions.ScalarStyle;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A YAML node that remembers its file and line, so every typed read can fail with {@code file:line:
 * message}. Policy and case files are read through it rather than through a data binder because a
 * binder forgets where a value came from.
 */
public final class YamlNode {

  private static final Pattern DURATION_PART = Pattern.compile("(\\d+)(ms|d|h|m|s)");

  private final Node node;
  private final String file;
  private final String path;

  private YamlNode(Node node, String file, String path) {
    this.node = node;
    this.file = file;
    this.path = path;
  }

  /**
   * Parses one YAML document.
   *
   * @param text the document
   * @param file the file name to put in problems
   * @return the root node
   * @throws YamlProblem on a syntax error or an empty document
   */
  public static YamlNode parse(String text, String file) {
    Node root;
    try {
      LoaderOptions options = new LoaderOptions();
      // Case files share fixtures through many aliases; the files are local and trusted.
      options.setMaxAliasesForCollections(10_000);
      root = new Yaml(new SafeConstructor(options)).compose(new StringReader(text));
    } catch (MarkedYAMLException e) {
      int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
      throw new YamlProblem(file, line, "YAML syntax error: " + e.getProblem());
    } catch (RuntimeException e) {
      throw new YamlProblem(file, 0, "YAML error: " + e.getMessage());
    }
    if (root == null) {
      throw new YamlProblem(file, 1, "empty document");
    }
    return new YamlNode(root, file, "");
  }

  /** 1-based line where this node starts. */
  public int line() {
    return node.getStartMark().getLine() + 1;
  }

  /** Field path from the document root, e.g. {@code rules[2].when}. */
  public String path() {
    return path.isEmpty() ? "(document)" : path;
  }

  /** The file name given to {@link #parse}. */
  public String file() {
    return file;
  }

  /** A problem located at this node. */
  public YamlProblem problem(String message) {
    return new YamlProblem(file, line(), message);
  }

  /** True for a mapping. */
  public boolean isMap() {
    return node instanceof MappingNode;
  }

  /** True for a block scalar ({@code |} or {@code >}): its text starts on the next line. */
  public boolean isBlockScalar() {
    return node instanceof ScalarNode s
        && (s.getScalarStyle() == ScalarStyle.LITERAL || s.getScalarStyle() == ScalarStyle.FOLDED);
  }

  /** The entries of a mapping, in file order; fails on duplicate keys. */
  public Map<String, YamlNode> entries() {
    if (!(node instanceof MappingNode mapping)) {
      throw problem(path() + " must be a mapping");
    }
    Map<String, YamlNode> entries = new LinkedHashMap<>();
    Set<String> merged = new HashSet<>();
    for (NodeTuple tuple : mapping.getValue()) {
      YamlNode key = new YamlNode(tuple.getKeyNode(), file, path);
      if (tuple.getKeyNode().getTag() == Tag.MERGE) {
        merge(entries, new YamlNode(tuple.getValueNode(), file, path), merged);
        continue;
      }
      String name = key.text();
      String childPath = path.isEmpty() ? name : path + "." + name;
      if (entries.put(name, new YamlNode(tuple.getValueNode(), file, childPath)) != null
          && !merged.contains(name)) {
        throw key.problem("duplicate key '" + name + "' in " + path());
      }
      merged.remove(name);
    }
    return entries;
  }

  /** YAML merge keys ({@code <<: *base}): the base's entries, which explicit keys override. */
  private void merge(Map<String, YamlNode> entries, YamlNode base, Set<String> merged) {
    List<YamlNode> bases = base.node instanceof SequenceNode ? base.items() : List.of(base);
    for (YamlNode b : bases) {
      for (Map.Entry<String, YamlNode> e : b.entries().entrySet()) {
        String k = e.getKey();
        if (!entries.containsKey(k)) {
          entries.put(k, e.getValue().at(path.isEmpty() ? k : path + "." + k));
          merged.add(k);
        }
      }
    }
  }

  private YamlNode at(String newPath) {
    return new YamlNode(node, file, newPath);
  }

  /** Fails with a problem naming the first key not in {@code allowed}. */
  public YamlNode allowOnly(Collection<String> allowed) {
    for (Map.Entry<String, YamlNode> e : entries().entrySet()) {
      if (!allowed.contains(e.getKey())) {
        throw e.getValue()
            .problem(
                "unknown key '" + e.getKey() + "' in " + path() + " (allowed: " + allowed + ")");
      }
    }
    return this;
  }

  /** The value under {@code key}, if present and not null. */
  public Optional<YamlNode> get(String key) {
    YamlNode child = entries().get(key);
    return child == null || child.isNull() ? Optional.empty() : Optional.of(child);
  }

  /** The value under {@code key}; fails naming the key when it is missing. */
  public YamlNode require(String key) {
    return get(key).orElseThrow(() -> problem("missing '" + key + "' in " + path()));
  }

  /** True for an explicit null ({@code ~}, {@code null} or nothing). */
  public boolean isNull() {
    return node instanceof ScalarNode s && s.getTag().getValue().endsWith(":null");
  }

  /** The items of a sequence. */
  public List<YamlNode> items() {
    if (!(node instanceof SequenceNode sequence)) {
      throw problem(path() + " must be a list");
    }
    List<YamlNode> items = new ArrayList<>();
    for (Node item : sequence.getValue()) {
      items.add(new YamlNode(item, file, path + "[" + items.size() + "]"));
    }
    return items;
  }

  /** The text of a scalar. */
  public String text() {
    if (!(node instanceof ScalarNode scalar)) {
      throw problem(path() + " must be a single value");
    }
    return scalar.getValue();
  }

  /** The strings of a sequence of scalars. */
  public List<String> texts() {
    return items().stream().map(YamlNode::text).toList();
  }

  /** A whole number. */
  public long asLong() {
    try {
      return Long.parseLong(text().trim());
    } catch (NumberFormatException e) {
      throw problem(path() + " must be a whole number, but was '" + text() + "'");
    }
  }

  /** A number. */
  public double asDouble() {
    try {
      return Double.parseDouble(text().trim());
    } catch (NumberFormatException e) {
      throw problem(path() + " must be a number, but was '" + text() + "'");
    }
  }

  /** {@code true} or {@code false}. */
  public boolean asBoolean() {
    String value = text().trim().toLowerCase(Locale.ROOT);
    if (!value.equals("true") && !value.equals("false")) {
      throw problem(path() + " must be true or false, but was '" + text() + "'");
    }
    return value.equals("true");
  }

  /** A duration such as {@code 90s}, {@code 30m}, {@code 2h30m}, {@code 1d} or {@code 250ms}. */
  public Duration asDuration() {
    String value = text().trim();
    Matcher m = DURATION_PART.matcher(value);
    Duration total = Duration.ZERO;
    int end = 0;
    while (m.lookingAt()) {
      total = total.plus(part(Long.parseLong(m.group(1)), m.group(2)));
      end = m.end();
      m.region(end, value.length());
    }
    if (end == 0 || end != value.length()) {
      throw problem(path() + " must be a duration like 30m, 2h or 1d, but was '" + value + "'");
    }
    return total;
  }

  private static Duration part(long amount, String unit) {
    return switch (unit) {
      case "ms" -> Duration.ofMillis(amount);
      case "s" -> Duration.ofSeconds(amount);
      case "m" -> Duration.ofMinutes(amount);
      case "h" -> Duration.ofHours(amount);
      default -> Duration.ofDays(amount);
    };
  }

  /** An ISO-8601 instant such as {@code 2026-12-07T10:00:00Z}. */
  public Instant asInstant() {
    try {
      return Instant.parse(text().trim());
    } catch (DateTimeParseException e) {
      throw problem(
          path() + " must be an instant like 2026-12-07T10:00:00Z, but was '" + text() + "'");
    }
  }

  /** An enum constant, named case-insensitively; the problem lists the allowed names. */
  public <E extends Enum<E>> E asEnum(Class<E> type) {
    String value = text().trim().toUpperCase(Locale.ROOT);
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equals(value)) {
        return constant;
      }
    }
    throw problem(
        path()
            + " must be one of "
            + List.of(type.getEnumConstants())
            + ", but was '"
            + text()
            + "'");
  }

  /**
   * A scalar as the closest plain Java value: {@code Long}, {@code Double}, {@code Boolean} or
   * {@code String}; nested maps and lists convert recursively (for CEL's {@code dyn} values).
   */
  public Object asPlainValue() {
    if (node instanceof MappingNode) {
      Map<String, Object> map = new LinkedHashMap<>();
      entries().forEach((k, v) -> map.put(k, v.asPlainValue()));
      return map;
    }
    if (node instanceof SequenceNode) {
      return items().stream().map(YamlNode::asPlainValue).toList();
    }
    String tag = node.getTag().getValue();
    if (tag.endsWith(":int")) {
      return asLong();
    }
    if (tag.endsWith(":float")) {
      return asDouble();
    }
    if (tag.endsWith(":bool")) {
      return asBoolean();
    }
    return text();
  }
}
