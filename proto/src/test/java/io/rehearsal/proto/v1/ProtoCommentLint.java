package io.rehearsal.proto.v1;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Text-level lint of a .proto file: every service, rpc, message, enum, oneof, field, enum value and
 * reserved statement must sit directly under a {@code //} comment with some text in it. Every other
 * line must be blank, a comment, a closing brace or a syntax/package/import/option statement, so
 * that a declaration the patterns do not know is reported instead of skipped.
 */
final class ProtoCommentLint {

  private static final Pattern EXEMPT =
      Pattern.compile("^(syntax\\s*=.*|package\\s.*|import\\s.*|option\\s.*|\\}\\s*;?)$");
  private static final Pattern BLOCK =
      Pattern.compile("^(message|enum|service|oneof)\\s+\\w+\\s*\\{$");
  private static final Pattern RPC =
      Pattern.compile(
          "^rpc\\s+\\w+\\s*\\(\\s*(stream\\s+)?[\\w.]+\\s*\\)\\s*returns\\s*"
              + "\\(\\s*(stream\\s+)?[\\w.]+\\s*\\)\\s*[;{]$");
  private static final Pattern FIELD =
      Pattern.compile(
          "^((repeated|optional)\\s+)?(map<[\\w.]+,\\s*[\\w.]+>|[A-Za-z_][\\w.]*)\\s+[a-z_][a-z0-9_]*"
              + "\\s*=\\s*\\d+\\s*(\\[[^\\]]*\\])?\\s*;$");
  private static final Pattern ENUM_VALUE =
      Pattern.compile("^[A-Z][A-Z0-9_]*\\s*=\\s*-?\\d+\\s*(\\[[^\\]]*\\])?\\s*;$");
  private static final Pattern RESERVED = Pattern.compile("^reserved\\s+[^;]+;$");
  private static final List<Pattern> DECLARATIONS =
      List.of(BLOCK, RPC, FIELD, ENUM_VALUE, RESERVED);

  private ProtoCommentLint() {}

  /** Violations as {@code file:line: message}; empty when the file is fully commented. */
  static List<String> violations(String fileName, List<String> lines) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String problem = problem(lines, i);
      if (problem != null) {
        out.add(fileName + ":" + (i + 1) + ": " + problem);
      }
    }
    return out;
  }

  /** True for lines that must carry a comment: anything but blanks, comments and exemptions. */
  static boolean needsComment(String line) {
    String stripped = line.strip();
    return !stripped.isEmpty() && !stripped.startsWith("//") && !EXEMPT.matcher(stripped).matches();
  }

  private static String problem(List<String> lines, int index) {
    String line = lines.get(index).strip();
    if (!needsComment(line)) {
      return null;
    }
    if (DECLARATIONS.stream().noneMatch(p -> p.matcher(line).matches())) {
      return "unrecognised line (one declaration per line, comments above it): " + line;
    }
    return hasCommentAbove(lines, index) ? null : "no // comment directly above: " + line;
  }

  private static boolean hasCommentAbove(List<String> lines, int index) {
    int i = index - 1;
    boolean text = false;
    while (i >= 0 && lines.get(i).strip().startsWith("//")) {
      text |= lines.get(i).strip().length() > 2;
      i--;
    }
    return text;
  }
}
