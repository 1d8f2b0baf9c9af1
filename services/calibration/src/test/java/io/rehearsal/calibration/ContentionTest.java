package io.rehearsal.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContentionTest {

  @Test
  void shouldMatchTheErlangCFormulaWhenTheHostHasOneOrTwoCores() {
    assertThat(Contention.erlangC(1, 0.6)).isCloseTo(0.6, within(1e-12));
    assertThat(Contention.erlangC(2, 1.0)).isCloseTo(1.0 / 3, within(1e-12));
  }

  @Test
  void shouldStretchLikeMm1WhenThereIsOneCore() {
    assertThat(Contention.stretch(1, 0.5)).isCloseTo(2.0, within(1e-12));
    assertThat(Contention.stretch(2, 0)).isEqualTo(1.0);
  }

  @Test
  void shouldRemoveExactlyTheStretchTheTwinWillAddBackWhenDeflating() {
    // 100/s of 8 ms, all CPU, on 2 cores: the measured load includes the stretch.
    List<Contention.Load> loads = List.of(new Contention.Load("a/x", 100, 0.008, 1.0));
    double[] k = new double[1];
    Map<String, Contention.Share> shares = Contention.deflate(loads, 2, k);
    double uncontended = 0.008 * shares.get("a/x").scale();
    assertThat(uncontended * Contention.stretch(2, 100 * uncontended))
        .isCloseTo(0.008, within(1e-9));
    assertThat(shares.get("a/x").fraction()).isCloseTo(1.0, within(1e-12));
    assertThat(k[0]).isGreaterThan(1);
  }

  @Test
  void shouldDeflateOnlyTheCpuShareWhenPartOfTheTimeIsWaiting() {
    List<Contention.Load> loads = List.of(new Contention.Load("a/x", 100, 0.008, 0.5));
    double[] k = new double[1];
    Contention.Share share = Contention.deflate(loads, 2, k).get("a/x");
    assertThat(share.scale()).isCloseTo(0.5 + 0.5 / k[0], within(1e-12));
    assertThat(share.fraction() * share.scale()).isCloseTo(0.5 / k[0], within(1e-12));
  }
}
