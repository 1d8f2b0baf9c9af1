package io.rehearsal.policy;

import io.rehearsal.rehearse.evaluation.EvidenceFlag;
import io.rehearsal.rehearse.evaluation.Recommendation;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;

/**
 * The reference shop's policy (examples/reference-shop/policy/shop.yaml) and the built-in guards,
 * written again by hand in plain Java without CEL, the engine or its helpers: the oracle the
 * randomized test compares the engine with.
 */
final class ShopReference {

  /** The expected outcome. */
  record Expected(Effect effect, String rule, int approvers) {}

  private static final Duration HOUR = Duration.ofHours(1);

  private ShopReference() {}

  static Expected decide(PolicyInput in, Instant now) {
    Expected byRules = rules(in, now);
    Effect effect = guard(byRules.effect(), in, now);
    int approvers = 0;
    if (effect == Effect.REQUIRE_APPROVAL) {
      approvers = byRules.effect() == Effect.REQUIRE_APPROVAL ? byRules.approvers() : 1;
    }
    return new Expected(effect, byRules.rule(), approvers);
  }

  private static Expected rules(PolicyInput in, Instant now) {
    Action a = in.action();
    Environment env = a.environment();
    String service = a.target().service();
    if (frozen(in, now)) {
      return new Expected(Effect.DENY, "deny-during-freeze", 0);
    }
    if (a.kind() == ActionKind.RESTART && restartsInLastHour(in, now) >= 3) {
      return new Expected(Effect.DENY, "deny-restart-storm", 0);
    }
    if (a.kind() == ActionKind.SCALE && Long.valueOf(0).equals(a.parameters().get("absolute"))) {
      return new Expected(Effect.DENY, "deny-scale-to-zero", 0);
    }
    if (env == Environment.PRODUCTION && in.evidence().isEmpty()) {
      return new Expected(Effect.DENY, "deny-production-without-evidence", 0);
    }
    if (env == Environment.STAGING
        && a.kind() == ActionKind.SCALE
        && smallUp(a)
        && convincing(in, now)) {
      return new Expected(Effect.ALLOW, "staging-small-scale-up", 0);
    }
    if (env == Environment.STAGING && a.kind() == ActionKind.RESTART && convincing(in, now)) {
      return new Expected(Effect.ALLOW, "staging-restart", 0);
    }
    if (env == Environment.STAGING || env == Environment.DEVELOPMENT) {
      return new Expected(Effect.REQUIRE_APPROVAL, "staging-needs-approval", 1);
    }
    if (a.kind() == ActionKind.ROLLBACK
        && (service.equals("checkout") || service.equals("payment"))) {
      return new Expected(Effect.REQUIRE_APPROVAL, "prod-rollback-checkout-payment", 2);
    }
    if (a.blastRadius().trafficFraction() > 0.5 && !parisBusinessHours(now)) {
      return new Expected(Effect.REQUIRE_APPROVAL, "prod-wide-blast-off-hours", 2);
    }
    return new Expected(Effect.REQUIRE_APPROVAL, "prod-needs-approval", 1);
  }

  private static boolean frozen(PolicyInput in, Instant now) {
    for (FreezeWindow f : in.freezes()) {
      boolean during = now.compareTo(f.start()) >= 0 && now.compareTo(f.end()) < 0;
      boolean env =
          f.environments().isEmpty() || f.environments().contains(in.action().environment());
      boolean svc = f.services().isEmpty() || f.services().contains(in.action().target().service());
      if (during && env && svc) {
        return true;
      }
    }
    return false;
  }

  private static int restartsInLastHour(PolicyInput in, Instant now) {
    int n = 0;
    for (PastAction p : in.recent()) {
      Duration ago = Duration.between(p.at(), now);
      if (p.kind() == ActionKind.RESTART && !ago.isNegative() && ago.compareTo(HOUR) < 0) {
        n++;
      }
    }
    return n;
  }

  private static boolean smallUp(Action a) {
    Object delta = a.parameters().get("delta");
    return delta instanceof Long d && d > 0 && d <= 2;
  }

  private static boolean convincing(PolicyInput in, Instant now) {
    if (in.evidence().isEmpty() || in.twin().isEmpty()) {
      return false;
    }
    Evidence e = in.evidence().get();
    TwinFidelity t = in.twin().get();
    return e.best()
        && e.probabilityOfImprovement() >= 0.9
        && e.utilityCiLower() > 0
        && t.p99Mape() <= 0.15
        && !t.stale()
        && Duration.between(t.calibratedAt(), now).compareTo(Duration.ofHours(6)) <= 0;
  }

  private static boolean parisBusinessHours(Instant now) {
    ZonedDateTime paris = now.atZone(ZoneId.of("Europe/Paris"));
    boolean weekday =
        paris.getDayOfWeek() != DayOfWeek.SATURDAY && paris.getDayOfWeek() != DayOfWeek.SUNDAY;
    return weekday && paris.getHour() >= 9 && paris.getHour() < 17;
  }

  private static Effect guard(Effect effect, PolicyInput in, Instant now) {
    Action a = in.action();
    if (in.killSwitch().global() || in.killSwitch().targets().contains(a.target().service())) {
      return Effect.DENY;
    }
    if (frozen(in, now)) {
      return Effect.DENY;
    }
    if (effect != Effect.ALLOW) {
      return effect;
    }
    if (in.evidence().isEmpty()) {
      return Effect.REQUIRE_APPROVAL;
    }
    Evidence e = in.evidence().get();
    Set<EvidenceFlag> flags = e.flags();
    if (flags.contains(EvidenceFlag.WORSE_THAN_DO_NOTHING)) {
      return Effect.DENY;
    }
    boolean inconclusive =
        flags.contains(EvidenceFlag.NO_EFFECT)
            || flags.contains(EvidenceFlag.PRECISION_NOT_REACHED)
            || e.recommendation() == Recommendation.Kind.DO_NOTHING;
    boolean staleEvidence = Duration.between(e.createdAt(), now).compareTo(HOUR) > 0;
    boolean staleTwin =
        in.twin().isEmpty()
            || in.twin().get().stale()
            || Duration.between(in.twin().get().calibratedAt(), now).compareTo(Duration.ofHours(24))
                > 0;
    boolean rateLimited = in.budget().exhausted();
    return inconclusive || staleEvidence || staleTwin || rateLimited
        ? Effect.REQUIRE_APPROVAL
        : Effect.ALLOW;
  }
}
