package io.rehearsal.policy.cases;

import io.rehearsal.policy.PolicyEngine;
import io.rehearsal.policy.PolicySet;
import io.rehearsal.policy.Verdict;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs cases against a policy set, each with a fixed clock at the case's instant: the same runner
 * behind {@code rehearsal policy test} and the module's JUnit tests.
 */
public final class CaseRunner {

  private CaseRunner() {}

  /** Runs every case of {@code file} against {@code policies}. */
  public static List<CaseResult> run(PolicySet policies, CaseFile file) {
    List<CaseResult> results = new ArrayList<>();
    for (PolicyCase c : file.cases()) {
      PolicyEngine engine =
          new PolicyEngine(policies, file.guards(), Clock.fixed(c.clock(), ZoneOffset.UTC));
      results.add(check(c, engine.decide(c.input())));
    }
    return results;
  }

  /** Compares a verdict with a case's expectations. */
  public static CaseResult check(PolicyCase c, Verdict verdict) {
    List<String> failures = new ArrayList<>();
    if (verdict.effect() != c.effect()) {
      failures.add("expected effect " + c.effect() + ", got " + verdict.effect());
    }
    String got = verdict.rule().orElse("(none)");
    c.rule()
        .filter(expected -> !expected.equals(got))
        .ifPresent(expected -> failures.add("expected rule " + expected + ", got " + got));
    if (c.defaultDeny() && !verdict.defaultDeny()) {
      failures.add("expected no rule to match, got " + got);
    }
    c.approvers()
        .ifPresent(
            n -> {
              if (verdict.approvers().count() != n) {
                failures.add("expected " + n + " approvers, got " + verdict.approvers().count());
              }
            });
    return new CaseResult(c, verdict, failures);
  }
}
