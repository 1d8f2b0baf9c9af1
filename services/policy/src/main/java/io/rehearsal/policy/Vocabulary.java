package io.rehearsal.policy;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelSourceLocation;
import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.ast.CelExpr.ExprKind.Kind;
import dev.cel.common.navigation.CelNavigableAst;
import dev.cel.common.navigation.CelNavigableExpr;
import io.rehearsal.rehearse.evaluation.EvidenceFlag;
import io.rehearsal.rehearse.evaluation.Recommendation;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks what CEL's type checker cannot: a string literal compared with an enum-valued variable
 * must be one of its values ({@code remediation.kind == "SCAEL"} would silently never match), and a
 * literal time zone must exist ({@code is_weekend(now, "Europe/Pariss")} would fail at every
 * decision).
 */
final class Vocabulary {

  private static final Map<String, Set<String>> VALUES =
      Map.of(
          "remediation.kind", names(ActionKind.values()),
          "remediation.environment", names(Environment.values()),
          "evidence.recommendation", names(Recommendation.Kind.values()),
          "evidence.flags", names(EvidenceFlag.values()));

  private static final Set<String> COMPARISONS = Set.of("_==_", "_!=_", "@in");
  private static final Set<String> ZONED =
      Set.of(
          "is_weekend",
          "is_business_hours",
          "getHours",
          "getMinutes",
          "getDayOfWeek",
          "getDayOfMonth",
          "getDate",
          "getDayOfYear",
          "getMonth",
          "getFullYear");

  private Vocabulary() {}

  private static Set<String> names(Enum<?>[] values) {
    return Arrays.stream(values).map(Enum::name).collect(Collectors.toUnmodifiableSet());
  }

  /** Every problem found, as issues located within the expression. */
  static List<Cel.Issue> check(CelAbstractSyntaxTree ast) {
    List<Cel.Issue> issues = new ArrayList<>();
    CelNavigableAst.fromAst(ast)
        .getRoot()
        .allNodes()
        .map(CelNavigableExpr::expr)
        .filter(e -> e.getKind() == Kind.CALL)
        .forEach(call -> check(ast, call, issues));
    return issues;
  }

  private static void check(CelAbstractSyntaxTree ast, CelExpr call, List<Cel.Issue> issues) {
    String function = call.call().function();
    List<CelExpr> args = call.call().args();
    if (COMPARISONS.contains(function) && args.size() == 2) {
      literalsAgainst(ast, args.get(0), args.get(1), issues);
      literalsAgainst(ast, args.get(1), args.get(0), issues);
    }
    if (function.equals("recent_actions") && args.size() == 2) {
      literal(args.get(0))
          .filter(kind -> !VALUES.get("remediation.kind").contains(kind))
          .ifPresent(kind -> issues.add(unknown(ast, args.get(0), "remediation.kind", kind)));
    }
    if (ZONED.contains(function) && !args.isEmpty()) {
      CelExpr zone = args.get(args.size() - 1);
      literal(zone)
          .filter(z -> !validZone(z))
          .ifPresent(z -> issues.add(issue(ast, zone, "unknown time zone '" + z + "'")));
    }
  }

  /** When {@code variable} is enum-valued, each string literal in {@code other} must be a value. */
  private static void literalsAgainst(
      CelAbstractSyntaxTree ast, CelExpr variable, CelExpr other, List<Cel.Issue> issues) {
    Optional<String> name = ast.getReference(variable.id()).map(r -> r.name());
    if (name.isEmpty() || !VALUES.containsKey(name.get())) {
      return;
    }
    List<CelExpr> literals =
        other.getKind() == Kind.LIST ? other.list().elements() : List.of(other);
    for (CelExpr literal : literals) {
      literal(literal)
          .filter(value -> !VALUES.get(name.get()).contains(value))
          .ifPresent(value -> issues.add(unknown(ast, literal, name.get(), value)));
    }
  }

  private static Optional<String> literal(CelExpr expr) {
    return expr.getKind() == Kind.CONSTANT
            && expr.constant().getKind() == CelConstant.Kind.STRING_VALUE
        ? Optional.of(expr.constant().stringValue())
        : Optional.empty();
  }

  private static boolean validZone(String zone) {
    try {
      ZoneId.of(zone);
      return true;
    } catch (DateTimeException e) {
      return false;
    }
  }

  private static Cel.Issue unknown(
      CelAbstractSyntaxTree ast, CelExpr literal, String variable, String value) {
    return issue(
        ast,
        literal,
        "'"
            + value
            + "' is not a value of "
            + variable
            + " (one of "
            + VALUES.get(variable).stream().sorted().toList()
            + ")");
  }

  private static Cel.Issue issue(CelAbstractSyntaxTree ast, CelExpr expr, String message) {
    Integer offset = ast.getSource().getPositionsMap().get(expr.id());
    Optional<CelSourceLocation> at =
        offset == null ? Optional.empty() : ast.getSource().getOffsetLocation(offset);
    return new Cel.Issue(
        at.map(CelSourceLocation::getLine).orElse(1),
        at.map(l -> l.getColumn() + 1).orElse(1),
        message);
  }
}
