package io.rehearsal.sandbox.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rehearsal.sandbox.testing.ReferenceShop;
import io.rehearsal.twin.spec.ArrivalPattern;
import io.rehearsal.twin.spec.TwinSpec;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ForkTest {

  private static final TwinSpec TWIN = ReferenceShop.twin();

  @Test
  void shouldWriteTheSameBytesWhenCanonicalBytesAreParsedAndWrittenAgain() {
    byte[] bytes = Fork.canonical(TWIN);

    assertThat(Fork.canonical(Fork.parse(bytes))).isEqualTo(bytes);
    assertThat(Fork.parse(bytes)).isEqualTo(TWIN);
  }

  @Test
  void shouldApplyReplicasAndRatesWhenForking() {
    TwinSpec fork = Fork.fork(TWIN, Map.of("catalog", 5), Map.of("frontend/POST /cart", 12.5));

    assertThat(
            fork.services().stream()
                .filter(s -> s.name().equals("catalog"))
                .findFirst()
                .orElseThrow()
                .replicas())
        .isEqualTo(5);
    assertThat(
            fork.traffic().stream()
                .filter(t -> t.endpoint().equals("frontend/POST /cart"))
                .findFirst()
                .orElseThrow()
                .arrivals())
        .isEqualTo(new ArrivalPattern.Poisson(12.5));
    assertThat(Fork.canonical(fork)).isNotEqualTo(Fork.canonical(TWIN));
    assertThat(Fork.fork(TWIN, Map.of(), Map.of())).isEqualTo(TWIN);
  }

  @Test
  void shouldNameTheUnknownServiceOrEndpointWhenForking() {
    assertThatThrownBy(() -> Fork.fork(TWIN, Map.of("ghost", 1), Map.of()))
        .hasMessageContaining("'ghost'");
    assertThatThrownBy(() -> Fork.fork(TWIN, Map.of(), Map.of("catalog/GET /items", 3.0)))
        .hasMessageContaining("'catalog/GET /items' is not an entry endpoint");
  }
}
