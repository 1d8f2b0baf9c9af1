package io.rehearsal.ml.rca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class RcaInputBuilderTest {
  private static final RcaWindows W = new RcaWindows(0, 10_000, 10_000, 20_000, 5_000);

  @Test
  void shouldSummariseEachWindowWhenRequestsFallInBoth() {
    RcaInputBuilder b = new RcaInputBuilder(W);
    for (int i = 1; i <= 100; i++) {
      b.served("a", "GET /x", i * 99, i, i / 2.0, false, true);
      b.served("a", "GET /x", 10_000 + i * 99, 2 * i, i, i <= 10, i <= 5);
    }
    b.served("a", "GET /x", 30_000, 1e6, 1e6, true, true); // outside both windows
    EndpointStats ep = b.build("i", List.of()).endpoints().get(0);
    assertThat(ep.before().requests()).isEqualTo(100);
    assertThat(ep.before().ratePerSecond()).isEqualTo(10.0);
    assertThat(ep.before().p50Ms()).isEqualTo(50.0);
    assertThat(ep.before().p99Ms()).isEqualTo(99.0);
    assertThat(ep.before().selfMeanMs()).isEqualTo(25.25);
    assertThat(ep.during().p99Ms()).isEqualTo(198.0);
    assertThat(ep.during().errorRate()).isEqualTo(0.10);
    assertThat(ep.during().ownErrorRate()).isEqualTo(0.05);
  }

  @Test
  void shouldMarkTheCalleeAsDependencyWhenItNeverServes() {
    RcaInputBuilder b = new RcaInputBuilder(W);
    b.served("a", "GET /x", 100, 5, 1, false, true);
    b.called("a", "GET /x", "b", "GET /y", 100, 3, false, true, 200);
    b.called("a", "GET /x", "ext", "", 100, 3, true, false, 429);
    b.served("b", "GET /y", 100, 3, 3, false, true);
    List<CallStats> calls = b.build("i", List.of()).calls();
    assertThat(calls)
        .extracting(CallStats::callee, CallStats::dependency)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("b", false),
            org.assertj.core.groups.Tuple.tuple("ext", true));
    assertThat(calls.get(1).before().throttledRate()).isEqualTo(1.0);
    assertThat(calls.get(1).before().ownErrorRate()).isEqualTo(1.0);
    assertThat(calls.get(0).routes()).containsExactly(new CallStats.Route("GET /x", "GET /y"));
  }

  @Test
  void shouldReportTheSilentInstanceAndTheNewVersionWhenAReplicaStopsAndOneIsUpgraded() {
    RcaInputBuilder b = new RcaInputBuilder(W);
    for (long t = 0; t < 20_000; t += 1000) {
      b.instance("s", "s-1", t < 10_000 ? "1.0" : "1.1", t);
      if (t < 8_000) {
        b.instance("s", "s-2", "1.0", t);
      }
      b.gauge("s", Gauge.WORKERS, t, t < 10_000 ? 8 : 2);
    }
    ServiceState s = b.build("i", List.of()).services().get(0);
    assertThat(s.silentInstance()).isEqualTo("s-2");
    assertThat(s.silentSeconds()).isEqualTo(12);
    assertThat(s.instancesBefore()).isEqualTo(2);
    assertThat(s.instancesLate()).isEqualTo(1);
    assertThat(s.workersBefore()).isEqualTo(8.0);
    assertThat(s.workersDuring()).isEqualTo(2.0);
    assertThat(s.versionChanged()).isTrue();
  }

  @Test
  void shouldRefuseWindowsOutOfOrderWithTheBadValue() {
    assertThatThrownBy(() -> new RcaWindows(0, 10_000, 9_000, 20_000, 1000))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("duringFrom")
        .hasMessageContaining("9000");
  }
}
