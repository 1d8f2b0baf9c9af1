package io.rehearsal.gateway.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.rehearsal.proto.v1.Decision;
import io.rehearsal.proto.v1.Environment;
import io.rehearsal.proto.v1.Remediation;
import io.rehearsal.proto.v1.RemediationRequest;
import io.rehearsal.proto.v1.Target;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DispatchGuardsTest {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final FreezeWindow XMAS =
      new FreezeWindow(
          "xmas",
          BERLIN,
          LocalDateTime.parse("2026-12-24T00:00"),
          LocalDateTime.parse("2026-12-27T00:00"),
          Set.of(Environment.ENVIRONMENT_PRODUCTION));

  @Test
  void shouldFreezeByLocalTimeOfTheZoneWhenTheWindowIsInForce() {
    DispatchGuards guards = new DispatchGuards(false, Set.of(), List.of(XMAS));

    // 23:30 UTC on the 23rd is 00:30 on the 24th in Berlin: frozen; 23:30 UTC on the 26th is 00:30
    // on the 27th: free again.
    assertThat(
            guards.refusal(
                decision("checkout", Environment.ENVIRONMENT_PRODUCTION),
                at("2026-12-23T23:30:00Z")))
        .hasValueSatisfying(r -> assertThat(r).contains("freeze window 'xmas'"));
    assertThat(
            guards.refusal(
                decision("checkout", Environment.ENVIRONMENT_PRODUCTION),
                at("2026-12-23T22:30:00Z")))
        .isEmpty();
    assertThat(
            guards.refusal(
                decision("checkout", Environment.ENVIRONMENT_PRODUCTION),
                at("2026-12-26T23:30:00Z")))
        .isEmpty();
    assertThat(
            guards.refusal(
                decision("checkout", Environment.ENVIRONMENT_STAGING), at("2026-12-25T12:00:00Z")))
        .isEmpty();
  }

  @Test
  void shouldRefuseEverythingOrOneTargetWhenTheKillSwitchIsOn() {
    Instant now = at("2026-12-01T12:00:00Z");

    assertThat(
            new DispatchGuards(true, Set.of(), List.of())
                .refusal(decision("cart", Environment.ENVIRONMENT_STAGING), now))
        .hasValueSatisfying(r -> assertThat(r).contains("global kill switch"));
    DispatchGuards checkout = new DispatchGuards(false, Set.of("checkout"), List.of());
    assertThat(checkout.refusal(decision("checkout", Environment.ENVIRONMENT_STAGING), now))
        .isPresent();
    assertThat(checkout.refusal(decision("cart", Environment.ENVIRONMENT_STAGING), now)).isEmpty();
    assertThat(
            DispatchGuards.NONE.refusal(
                decision("checkout", Environment.ENVIRONMENT_PRODUCTION), now))
        .isEmpty();
  }

  private static Decision decision(String service, Environment environment) {
    return Decision.newBuilder()
        .setRequest(
            RemediationRequest.newBuilder()
                .setEnvironment(environment)
                .setRemediation(
                    Remediation.newBuilder().setTarget(Target.newBuilder().setService(service))))
        .build();
  }

  private static Instant at(String instant) {
    return Instant.parse(instant);
  }
}
