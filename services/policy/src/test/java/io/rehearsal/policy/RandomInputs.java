package io.rehearsal.policy;

import io.rehearsal.rehearse.evaluation.EvidenceFlag;
import io.rehearsal.rehearse.evaluation.Recommendation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * Seeded random policy inputs for the reference shop, biased towards the thresholds the shop policy
 * and the guards test (delta 2, P 0.9, CI 0, p99 MAPE 0.15, ages 1h, 6h and 24h, 3 restarts,
 * traffic 0.5), so boundaries are hit often.
 */
final class RandomInputs {

  static final List<String> SERVICES =
      List.of("frontend", "catalog", "cart", "checkout", "inventory", "payment");
  static final Instant START = Instant.parse("2026-12-01T00:00:00Z");

  private final Random random;
  private boolean nice;

  RandomInputs(long seed) {
    this.random = new Random(seed);
  }

  /** A random instant in December 2026, on a whole minute. */
  Instant clock() {
    return START.plus(Duration.ofMinutes(random.nextInt(31 * 24 * 60)));
  }

  /**
   * A random input. About a third are "nice": each of their aspects leans towards what the shop's
   * auto-allow rule wants, so ALLOWs and their near misses are common rather than one in 10^5.
   */
  PolicyInput input(Instant now) {
    nice = chance(0.35);
    Action action = action();
    return new PolicyInput(
        action,
        chance(nice ? 0.03 : 0.15) ? Optional.empty() : Optional.of(evidence(now)),
        chance(nice ? 0.02 : 0.1) ? Optional.empty() : Optional.of(twin(now)),
        recent(now),
        chance(nice ? 0.3 : 1) ? freezes(now) : List.of(),
        chance(nice ? 0.3 : 1) ? killSwitch() : KillSwitch.OFF,
        approvals(),
        chance(nice ? 0.05 : 0.2)
            ? AutomationBudget.exhausted("target:" + action.target().key() + " 3 per 1h")
            : AutomationBudget.AVAILABLE);
  }

  /** True, for a nice input, most of the time. */
  private boolean favor() {
    return nice && chance(0.85);
  }

  private Action action() {
    ActionKind kind = favor() ? ActionKind.SCALE : pick(ActionKind.values());
    Environment environment = favor() ? Environment.STAGING : pick(Environment.values());
    String service = pick(SERVICES);
    double traffic = pick(new double[] {0.0, 0.1, 0.3, 0.5, 0.5000001, 0.51, 0.8, 1.0});
    return new Action(
        kind.name().toLowerCase(java.util.Locale.ROOT) + "-" + service,
        kind,
        Target.service(service),
        environment,
        parameters(kind),
        chance(0.5) ? "loop:autoscale-guard" : "alice",
        new BlastRadius(traffic, random.nextInt(6), List.of(service), List.of("eu-west-1")));
  }

  private Map<String, Object> parameters(ActionKind kind) {
    Map<String, Object> parameters = new HashMap<>();
    if (kind == ActionKind.SCALE) {
      int shape = favor() ? 0 : random.nextInt(4);
      if (shape <= 1) {
        parameters.put("delta", (long) (favor() ? 1 + random.nextInt(2) : random.nextInt(8) - 3));
      } else if (shape == 2) {
        parameters.put("absolute", (long) random.nextInt(4));
      }
    } else if (kind == ActionKind.RESTART) {
      parameters.put("rolling", random.nextBoolean());
    }
    return parameters;
  }

  private Evidence evidence(Instant now) {
    int rank = favor() ? 1 : 1 + random.nextInt(4);
    Set<EvidenceFlag> flags = EnumSet.noneOf(EvidenceFlag.class);
    for (EvidenceFlag flag : EvidenceFlag.values()) {
      if (chance(nice ? 0.03 : 0.12)) {
        flags.add(flag);
      }
    }
    double lower =
        favor() ? pick(new double[] {0.001, 0.02}) : pick(new double[] {-0.03, -0.001, 0.0, 0.001});
    return new Evidence(
        "sha256:" + Long.toHexString(random.nextLong()),
        rank,
        rank == 1 && chance(0.8),
        flags,
        favor() ? pick(new double[] {0.9, 0.95, 1.0}) : pick(new double[] {0.3, 0.85, 0.8999, 0.9}),
        lower,
        lower + 0.05,
        favor() ? Recommendation.Kind.RESTORES : pick(Recommendation.Kind.values()),
        now.minus(
            Duration.ofMinutes(
                favor()
                    ? pick(new int[] {0, 5, 30, 59, 60})
                    : pick(new int[] {0, 5, 30, 59, 60, 61, 120, 600}))));
  }

  private TwinFidelity twin(Instant now) {
    return new TwinFidelity(
        random.nextDouble() * 0.2,
        favor() ? pick(new double[] {0.02, 0.1, 0.15}) : pick(new double[] {0.15, 0.1500001, 0.3}),
        chance(nice ? 0.02 : 0.1),
        now.minus(
            Duration.ofMinutes(
                favor()
                    ? pick(new int[] {10, 120, 360})
                    : pick(new int[] {10, 360, 361, 1440, 1441, 3000}))));
  }

  private List<PastAction> recent(Instant now) {
    List<PastAction> recent = new ArrayList<>();
    int n = random.nextInt(6);
    for (int i = 0; i < n; i++) {
      ActionKind kind = chance(0.6) ? ActionKind.RESTART : pick(ActionKind.values());
      recent.add(new PastAction(kind, now.minus(Duration.ofMinutes(random.nextInt(121)))));
    }
    return recent;
  }

  private List<FreezeWindow> freezes(Instant now) {
    if (!chance(0.15)) {
      return List.of();
    }
    Instant start = now.plus(Duration.ofMinutes(random.nextInt(241) - 120));
    Set<Environment> environments = chance(0.5) ? Set.of() : Set.of(pick(Environment.values()));
    Set<String> services = chance(0.5) ? Set.of() : Set.of(pick(SERVICES));
    return List.of(
        new FreezeWindow(
            "freeze",
            start,
            start.plus(Duration.ofMinutes(1 + random.nextInt(120))),
            environments,
            services));
  }

  private KillSwitch killSwitch() {
    double roll = random.nextDouble();
    if (roll < 0.04) {
      return new KillSwitch(true, Set.of());
    }
    return roll < 0.1 ? new KillSwitch(false, Set.of(pick(SERVICES))) : KillSwitch.OFF;
  }

  private List<Approval> approvals() {
    List<Approval> approvals = new ArrayList<>();
    int n = random.nextInt(3);
    for (int i = 0; i < n; i++) {
      approvals.add(new Approval("user" + i, Set.of(pick(List.of("sre", "oncall", "payments")))));
    }
    return approvals;
  }

  boolean chance(double p) {
    return random.nextDouble() < p;
  }

  int nextInt(int bound) {
    return random.nextInt(bound);
  }

  <T> T pick(T[] values) {
    return values[random.nextInt(values.length)];
  }

  <T> T pick(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  private double pick(double[] values) {
    return values[random.nextInt(values.length)];
  }

  private int pick(int[] values) {
    return values[random.nextInt(values.length)];
  }
}
