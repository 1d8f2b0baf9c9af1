package io.rehearsal.twin.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.rehearsal.twin.spec.ArrivalPattern;
import io.rehearsal.twin.spec.Distribution;
import io.rehearsal.twin.spec.EndpointSpec;
import io.rehearsal.twin.spec.ServiceSpec;
import io.rehearsal.twin.spec.TrafficSpec;
import io.rehearsal.twin.spec.TwinSpec;
import io.rehearsal.twin.spec.TwinSpecs;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class LeanNetworkTest {
  private static final TwinSpec SHOP = TwinSpecs.read(Path.of("../../examples/twin/shop.yaml"));

  @Test
  void shouldVisitAsManyStationsAsTheCallGraphWhenRunningTheShop() {
    LeanNetwork lean = new LeanNetwork(SHOP);
    LeanNetwork.LeanRun run = lean.run(600, 1);
    double visits = (double) run.visits() / run.requests();
    // 160k requests; visits per request vary by about 4 (sd), so the mean is good to ~0.02.
    assertThat(visits).isCloseTo(lean.expectedVisitsPerRequest(), within(0.1));
    assertThat(lean.expectedVisitsPerRequest()).isBetween(12.0, 13.0);
    assertThat(run.events()).isGreaterThan(run.visits());
  }

  @Test
  void shouldMatchMm1MeanResponseTimeWhenOneStationHasOneServer() {
    // lambda = 500/s, E[S] = 1 ms: rho = 0.5, E[T] = E[S] / (1 - rho) = 2 ms. About 5e5 requests;
    // Whitt's relative error for rho = 0.5 over 1000 s of 1 ms services is ~0.5%; 3% is ample.
    EndpointSpec e = EndpointSpec.of("e", new Distribution.Exponential(0.001));
    ServiceSpec s = new ServiceSpec("s", "1", 1, 1, null, null, null, null, List.of(e));
    TwinSpec spec =
        TwinSpec.builder("mm1")
            .service(s)
            .traffic(new TrafficSpec("s/e", new ArrivalPattern.Poisson(500)))
            .build();
    LeanNetwork.LeanRun run = new LeanNetwork(spec).run(1000, 3);
    assertThat(run.meanLatency()).isCloseTo(0.002, within(0.00006));
    assertThat(run.requests()).isBetween(490_000L, 510_000L);
  }

  @Test
  void shouldGiveTheSameRunWhenTheSeedIsTheSame() {
    LeanNetwork lean = new LeanNetwork(SHOP);
    assertThat(lean.run(60, 5)).isEqualTo(lean.run(60, 5));
    assertThat(lean.run(60, 5)).isNotEqualTo(lean.run(60, 6));
  }

  @Test
  void shouldRejectARunWhenItIsLongerThanTheTimeEncodingAllows() {
    assertThatThrownBy(() -> new LeanNetwork(SHOP).run(10_000, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("seconds must be in (0, 8796], but was 10000.0");
  }
}
