package io.rehearsal.twin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.rehearsal.twin.run.RunResult;
import io.rehearsal.twin.run.SimulationConfig;
import io.rehearsal.twin.run.SloResult;
import io.rehearsal.twin.spec.Scenario;
import io.rehearsal.twin.spec.TwinSpec;
import io.rehearsal.twin.spec.TwinSpecs;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The reference topology: healthy behaviour, Little's law, and the payment-gateway incident. */
class ShopTest {
  private static final TwinSpec SHOP = TwinSpecs.read(Path.of("../../examples/twin/shop.yaml"));
  private static final Scenario INCIDENT =
      TwinSpecs.readScenario(Path.of("../../examples/twin/shop-incident.yaml"));

  @Test
  void shouldMeetSlosWhenNothingIsWrong() {
    RunResult r =
        new Simulation(SHOP, Scenario.NONE, SimulationConfig.of(600).withWarmup(60), 1).run(0);
    assertThat(r.slos()).allSatisfy(s -> assertThat(s.met()).as(s.toString()).isTrue());
  }

  @Test
  void shouldSatisfyLittlesLawWhenWholeTopologyRuns() {
    RunResult r =
        new Simulation(SHOP, Scenario.NONE, SimulationConfig.of(900).withWarmup(60), 3).run(0);
    double lambdaW = r.arrivalRate() * r.meanLatency();
    // Same sample path: only requests in flight at the window edges differ, about L / (lambda T)
    // ~ 1e-5 relative; 1% covers it with margin.
    assertThat(r.meanInSystem())
        .as("ORACLE shop Little L vs lambda*W (lambda=%.1f)", r.arrivalRate())
        .isCloseTo(lambdaW, within(0.01 * lambdaW));
  }

  @Test
  void shouldBreakTheCheckoutSloUntilTheSlowdownEndsWhenPaymentGatewaySlowsDown() {
    RunResult r =
        new Simulation(SHOP, INCIDENT, SimulationConfig.of(1200).withWarmup(60), 1).run(0);
    SloResult checkout = r.slos().get(2);
    assertThat(checkout.endpoint()).isEqualTo("frontend/POST /checkout");
    assertThat(checkout.met()).isFalse();
    assertThat(checkout.latency()).isGreaterThan(3);
    assertThat(r.slos().get(0).met()).isTrue();
    // The slowdown lasts 600 s from t=300; checkout recovers within a bucket or two of its end.
    assertThat(r.timeToRecover()).isBetween(600.0, 700.0);
  }
}
