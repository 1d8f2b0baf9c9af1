package io.rehearsal.rehearse.reality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.rehearsal.rehearse.evaluation.Objectives;
import io.rehearsal.telemetry.MetricKind;
import io.rehearsal.telemetry.MetricPoint;
import io.rehearsal.telemetry.Recording;
import io.rehearsal.telemetry.Span;
import io.rehearsal.telemetry.SpanKind;
import io.rehearsal.twin.spec.SloSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RealUtilityTest {
  private static final long T0 = 1_800_000_000_000_000_000L;
  private static final long S = 1_000_000_000L;
  private static final SloSpec BROWSE = new SloSpec("frontend/GET /browse", 99, 0.1, 0.99);
  private static final Objectives NO_COST = new Objectives(Map.of(), 0, 0);

  private final List<Span> spans = new ArrayList<>();
  private final List<MetricPoint> metrics = new ArrayList<>();
  private long nextId = 1;

  private void request(
      String service, String endpoint, double atSeconds, double seconds, int status) {
    long start = T0 + (long) (atSeconds * S);
    long id = nextId++;
    spans.add(
        new Span(
            0,
            id,
            id,
            0,
            service,
            endpoint,
            endpoint,
            SpanKind.SERVER,
            start,
            start + (long) (seconds * S),
            status >= 500,
            status,
            ""));
  }

  private void browse(double atSeconds, double seconds) {
    request("frontend", "GET /browse", atSeconds, seconds, 200);
  }

  private void rejected(double atSeconds, long processStart, double value) {
    metrics.add(
        new MetricPoint(
            "frontend",
            RealUtility.REJECTED,
            "{request}",
            Map.of(
                "http.request.method", "GET", "http.route", "/browse", "rehearsal.reason", "shed"),
            MetricKind.SUM,
            true,
            processStart,
            T0 + (long) (atSeconds * S),
            value,
            0));
  }

  private void workers(String service, double atSeconds) {
    metrics.add(
        MetricPoint.gauge(service, RealUtility.WORKERS, Map.of(), T0 + (long) (atSeconds * S), 8));
  }

  private RealArm score(Objectives o, double sampleRatio, Map<String, List<Long>> unseen) {
    RealUtility.Window w = new RealUtility.Window(T0, T0 + 10 * S, sampleRatio, 2, 2);
    return RealUtility.of(Recording.of(spans, metrics), List.of(BROWSE), o, w, unseen);
  }

  @Test
  void shouldGiveCreditAtOneTwoAndFourTimesTheThresholdWhenScoring() {
    browse(1, 0.05);
    browse(2, 0.15);
    browse(3, 0.3);
    browse(4, 0.5);
    request("frontend", "GET /browse", 5, 0.01, 502);

    RealArm arm = score(NO_COST, 1, Map.of());

    assertThat(arm.attainment()).isCloseTo(1 / 5.0, within(1e-12));
    assertThat(arm.gradedAttainment()).isCloseTo((1 + 2 + 3) / 15.0, within(1e-12));
    assertThat(arm.utility()).isEqualTo(arm.gradedAttainment());
    assertThat(arm.perSlo().get(0).sampledRequests()).isEqualTo(5);
  }

  @Test
  void shouldCountOnlyServerSpansOfTheSloEndpointInsideTheWindow() {
    browse(1, 0.05);
    browse(-1, 5);
    browse(10, 5);
    request("frontend", "POST /cart", 2, 5, 200);
    request("catalog", "GET /browse", 2, 5, 200);

    RealArm arm = score(NO_COST, 1, Map.of());

    assertThat(arm.perSlo().get(0).sampledRequests()).isEqualTo(1);
    assertThat(arm.gradedAttainment()).isEqualTo(1);
  }

  @Test
  void shouldWeighRejectedAndUnansweredRequestsByTheSampleRatioWhenTracesAreSampled() {
    for (int i = 0; i < 4; i++) {
      browse(1 + i, 0.01);
    }
    rejected(0.5, T0 - 100 * S, 7);
    rejected(4, T0 - 100 * S, 9);
    Map<String, List<Long>> unseen =
        Map.of("frontend/GET /browse", List.of(T0 + 6 * S, T0 + 7 * S, T0 + 12 * S));

    RealArm arm = score(NO_COST, 0.5, unseen);

    assertThat(arm.perSlo().get(0).unseenBad()).as("2 rejected + 2 unanswered").isEqualTo(4);
    assertThat(arm.attainment()).isCloseTo(4 / (4 + 0.5 * 4), within(1e-12));
  }

  @Test
  void shouldCountTheWholeFirstValueWhenASeriesAppearsDuringTheWindow() {
    browse(1, 0.01);
    workers("frontend", 0);
    rejected(6, T0 - 100 * S, 3);

    RealArm arm = score(NO_COST, 1, Map.of());

    assertThat(arm.perSlo().get(0).unseenBad()).isEqualTo(3);
  }

  @Test
  void shouldSubtractTheCostOfTheReportedReplicaSeconds() {
    browse(1, 0.01);
    for (int t = 0; t < 10; t += 2) {
      workers("frontend", t);
      workers("catalog", t + 0.5);
      workers("catalog", t + 0.7);
    }
    Objectives costly = new Objectives(Map.of(), 0.01, 0);

    RealArm arm = score(costly, 1, Map.of());

    assertThat(arm.replicaSeconds()).isEqualTo(3 * 5 * 2.0);
    assertThat(arm.utility()).isCloseTo(1 - 0.3, within(1e-12));
  }

  @Test
  void shouldScoreEachBlockAloneWithTheCostScaledToTheWindow() {
    browse(1, 0.01);
    browse(6, 0.5);
    workers("frontend", 1);
    workers("frontend", 7);
    Objectives costly = new Objectives(Map.of(), 0.01, 0);

    RealArm arm = score(costly, 1, Map.of());

    assertThat(arm.blockUtilities().get(0)).isCloseTo(1 - 0.01 * 2 * 2, within(1e-12));
    assertThat(arm.blockUtilities().get(1)).isCloseTo(0 - 0.01 * 2 * 2, within(1e-12));
  }

  @Test
  void shouldCountFullAttainmentWhenTheEndpointSawNoRequest() {
    RealArm arm = score(NO_COST, 1, Map.of());
    assertThat(arm.gradedAttainment()).isEqualTo(1);
  }

  @Test
  void shouldCountEveryClientRequestWithItsQueueingWhenScoringTheClientView() {
    List<ClientRequest> requests =
        List.of(
            new ClientRequest("frontend/GET /browse", T0 + S, 200, 50_000_000L),
            new ClientRequest("frontend/GET /browse", T0 + 2 * S, 200, 150_000_000L),
            new ClientRequest("frontend/GET /browse", T0 + 3 * S, 503, 1_000_000L),
            new ClientRequest("frontend/GET /browse", T0 + 4 * S, 0, 2_000_000L),
            new ClientRequest("frontend/GET /browse", T0 + 11 * S, 200, 1_000_000L),
            new ClientRequest("frontend/POST /cart", T0 + 5 * S, 200, 1_000_000L));
    workers("frontend", 1);
    RealUtility.Window w = new RealUtility.Window(T0, T0 + 10 * S, 0.25, 2, 2);

    RealArm arm =
        RealUtility.ofClientView(
            requests, Recording.of(spans, metrics), List.of(BROWSE), NO_COST, w);

    assertThat(arm.perSlo().get(0).sampledRequests()).isEqualTo(4);
    assertThat(arm.attainment()).isEqualTo(1 / 4.0);
    assertThat(arm.gradedAttainment()).isCloseTo((1 + 2 + 2) / 12.0, within(1e-12));
    assertThat(arm.replicaSeconds()).isEqualTo(2);
  }
}
