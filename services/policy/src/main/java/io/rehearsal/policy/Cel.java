package io.rehearsal.policy;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelIssue;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerBuilder;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The CEL environment of policies: one compiler that knows {@link Variables} and {@link Functions}
 * and checks every condition to {@code bool}, and one runtime. Both are immutable and shared.
 */
final class Cel {

  private static final Pattern IDENT =
      Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*");

  private static final CelOptions OPTIONS =
      CelOptions.current()
          .evaluateCanonicalTypesToNativeValues(true)
          .enableHeterogeneousNumericComparisons(true)
          .build();

  private static final CelCompiler COMPILER = compiler();

  private static final CelRuntime RUNTIME =
      CelRuntimeFactory.standardCelRuntimeBuilder()
          .setOptions(OPTIONS)
          .addFunctionBindings(Functions.staticBindings())
          .build();

  private Cel() {}

  private static CelCompiler compiler() {
    CelCompilerBuilder builder =
        CelCompilerFactory.standardCelCompilerBuilder()
            .setOptions(OPTIONS)
            .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
            .setResultType(SimpleType.BOOL)
            .addFunctionDeclarations(Functions.declarations());
    Variables.ALL.forEach(v -> builder.addVar(v.name(), v.type()));
    return builder.build();
  }

  /** A problem in a condition: 1-based line within the expression, 1-based column. */
  record Issue(int line, int column, String message) {}

  /** The result of compiling one condition: a program, or the issues that prevent one. */
  record Compiled(CelRuntime.Program program, List<Issue> issues) {}

  static Compiled compile(String expression) {
    try {
      CelAbstractSyntaxTree ast = COMPILER.compile(expression).getAst();
      List<Issue> issues = Vocabulary.check(ast);
      return issues.isEmpty()
          ? new Compiled(RUNTIME.createProgram(ast), List.of())
          : new Compiled(null, issues);
    } catch (CelValidationException e) {
      List<Issue> issues = new ArrayList<>();
      for (CelIssue issue : e.getErrors()) {
        issues.add(issue(expression, issue));
      }
      return new Compiled(null, issues);
    } catch (CelEvaluationException e) {
      return new Compiled(null, List.of(new Issue(1, 1, e.getMessage())));
    }
  }

  private static Issue issue(String expression, CelIssue issue) {
    int line = Math.max(1, issue.getSourceLocation().getLine());
    int column = Math.max(0, issue.getSourceLocation().getColumn());
    return new Issue(line, column + 1, clarify(issue.getMessage(), expression, line, column));
  }

  /**
   * CEL reports an unknown dotted name by its first segment ("undeclared reference to
   * 'remediation'"); name the whole identifier the author wrote instead.
   */
  private static String clarify(String message, String expression, int line, int column) {
    String cleaned =
        message.replace(" (in container '')", "").replaceFirst(" \\(candidates: .*\\)$", "");
    if (!cleaned.startsWith("undeclared reference to")) {
      return cleaned;
    }
    String[] lines = expression.split("\n", -1);
    if (line > lines.length || column >= lines[line - 1].length()) {
      return cleaned;
    }
    Matcher m = IDENT.matcher(lines[line - 1]).region(column, lines[line - 1].length());
    return m.lookingAt() ? "undeclared reference to '" + m.group() + "'" : cleaned;
  }
}
