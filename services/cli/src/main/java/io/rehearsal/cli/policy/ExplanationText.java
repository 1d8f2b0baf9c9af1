package io.rehearsal.cli.policy;

import io.rehearsal.policy.Effect;
import io.rehearsal.policy.Explanation;
import io.rehearsal.policy.GuardTrace;
import io.rehearsal.policy.PolicySet;
import io.rehearsal.policy.RuleTrace;
import io.rehearsal.policy.Verdict;
import io.rehearsal.policy.cases.PolicyCase;
import java.util.Locale;
import java.util.Map;

/** Renders a verdict's explanation as text for the terminal. */
final class ExplanationText {

  private ExplanationText() {}

  static String render(PolicySet set, PolicyCase c, Verdict verdict) {
    Explanation x = verdict.explanation();
    StringBuilder s = new StringBuilder();
    s.append("case:    ").append(c.name()).append(" (").append(c.location()).append(")\n");
    s.append("policy:  ").append(set.name()).append(' ').append(x.policyVersion()).append('\n');
    s.append("now:     ").append(x.now()).append('\n');
    s.append("rules (").append(x.rules().size()).append(" of ").append(set.rules().size());
    s.append(" evaluated, first match wins):\n");
    int i = 1;
    for (RuleTrace trace : x.rules()) {
      rule(s, i++, trace);
    }
    s.append("guards:\n");
    for (GuardTrace guard : x.guards()) {
      guard(s, guard);
    }
    s.append("verdict: ").append(summary(verdict)).append('\n');
    verdict.reasons().forEach(r -> s.append("  - ").append(r).append('\n'));
    return s.toString();
  }

  private static void rule(StringBuilder s, int index, RuleTrace trace) {
    String outcome = trace.outcome().name().toLowerCase(Locale.ROOT).replace('_', ' ');
    s.append(
        String.format(
            Locale.ROOT,
            "  %2d. %-34s %-17s %s%n",
            index,
            trace.rule().name(),
            trace.rule().effect(),
            outcome));
    for (Map.Entry<String, String> input : trace.inputs().entrySet()) {
      s.append("        ")
          .append(input.getKey())
          .append(" = ")
          .append(input.getValue())
          .append('\n');
    }
    trace.error().ifPresent(e -> s.append("        error: ").append(e).append('\n'));
  }

  private static void guard(StringBuilder s, GuardTrace g) {
    String result =
        !g.triggered()
            ? "clear"
            : g.changed() ? g.before() + " -> " + g.after() : "holds (no change)";
    String line =
        String.format(
            Locale.ROOT,
            "      %-22s %-28s %s",
            g.guard().label(),
            result,
            g.triggered() ? g.detail() : "");
    s.append(line.stripTrailing()).append('\n');
  }

  private static String summary(Verdict v) {
    StringBuilder s = new StringBuilder(v.effect().name());
    s.append(v.rule().map(r -> " (rule " + r + ")").orElse(" (no rule matched: default deny)"));
    if (v.effect() == Effect.REQUIRE_APPROVAL) {
      s.append(", ").append(v.approvers().count()).append(" approver");
      s.append(v.approvers().count() == 1 ? "" : "s");
      if (!v.approvers().groups().isEmpty()) {
        s.append(" from ").append(v.approvers().groups());
      }
      v.expiry()
          .ifPresent(
              e ->
                  s.append(", expires after ")
                      .append(e.toString().substring(2).toLowerCase(Locale.ROOT)));
    }
    v.evidenceHash().ifPresent(h -> s.append(", evidence ").append(h));
    return s.toString();
  }
}
