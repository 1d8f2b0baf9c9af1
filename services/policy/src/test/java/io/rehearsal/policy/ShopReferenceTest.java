package io.rehearsal.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * 50,000 seeded random requests decided by the engine with the reference shop's policy and by
 * {@link ShopReference}, an independent plain-Java rewrite of that policy and of the guards.
 */
class ShopReferenceTest {

  static final Path SHOP = Path.of("../../examples/reference-shop/policy/shop.yaml");
  static final int REQUESTS = 50_000;

  @Test
  void shouldAgreeWithTheReferenceEvaluatorWhenDecidingRandomRequests() {
    Tally tally = compare(PolicySet.load(SHOP), REQUESTS);

    String figures = REQUESTS + " requests, effects " + tally.effects;
    assertThat(tally.wrongAllows).as("wrong ALLOWs; " + figures).isEmpty();
    assertThat(tally.mismatches).as("any disagreement; " + figures).isEmpty();
    assertThat(tally.effects.get(Effect.ALLOW))
        .as("ALLOWs exercised; " + figures)
        .isGreaterThan(1_000);
    assertThat(tally.effects.get(Effect.DENY)).as(figures).isGreaterThan(2_000);
    assertThat(tally.effects.get(Effect.REQUIRE_APPROVAL)).as(figures).isGreaterThan(5_000);
  }

  /** The comparison has teeth: loosening one threshold of the policy shows up as wrong ALLOWs. */
  @Test
  void shouldReportWrongAllowsWhenThePolicyIsLooserThanTheReference() throws Exception {
    String loosened =
        Files.readString(SHOP)
            .replace("evidence.p_improvement >= 0.9", "evidence.p_improvement >= 0.8");
    assertThat(loosened).isNotEqualTo(Files.readString(SHOP));

    Tally tally = compare(PolicySet.parse(loosened, "loosened.yaml", "loosened"), 5_000);

    assertThat(tally.wrongAllows).isNotEmpty();
  }

  private static Tally compare(PolicySet policies, int requests) {
    RandomInputs random = new RandomInputs(20261207L);
    Tally tally = new Tally();
    for (int i = 0; i < requests; i++) {
      Instant now = random.clock();
      PolicyInput input = random.input(now);
      Verdict verdict =
          new PolicyEngine(policies, GuardSettings.DEFAULTS, Clock.fixed(now, ZoneOffset.UTC))
              .decide(input);
      ShopReference.Expected expected = ShopReference.decide(input, now);
      tally.effects.merge(verdict.effect(), 1, Integer::sum);
      ShopReference.Expected got =
          new ShopReference.Expected(
              verdict.effect(), verdict.rule().orElse(null), verdict.approvers().count());
      if (!got.equals(expected)) {
        String what =
            "#" + i + " at " + now + ": engine " + got + ", reference " + expected + ", " + input;
        tally.mismatches.add(what);
        if (got.effect() == Effect.ALLOW) {
          tally.wrongAllows.add(what);
        }
      }
    }
    return tally;
  }

  private static final class Tally {
    final List<String> wrongAllows = new ArrayList<>();
    final List<String> mismatches = new ArrayList<>();
    final Map<Effect, Integer> effects = new EnumMap<>(Effect.class);
  }
}
