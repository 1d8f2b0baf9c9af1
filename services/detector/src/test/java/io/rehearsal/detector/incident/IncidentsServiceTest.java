package io.rehearsal.detector.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.rehearsal.detector.ingest.IngestPipeline;
import io.rehearsal.ml.incident.DetectionScore;
import io.rehearsal.proto.v1.GetIncidentRequest;
import io.rehearsal.proto.v1.Incident;
import io.rehearsal.proto.v1.IncidentState;
import io.rehearsal.proto.v1.IncidentStateChange;
import io.rehearsal.proto.v1.IncidentsGrpc;
import io.rehearsal.proto.v1.ListIncidentsRequest;
import io.rehearsal.service.testing.ServiceProbe;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * The running detector's incidents over its gRPC Incidents service, from the reference shop's
 * recordings exported over OTLP/gRPC. Also the detection evaluation through the running detector,
 * scaled down: the baseline and two labelled incidents an hour apart in event time (so each is a
 * replay session of its own, judged by a fresh engine as a freshly started detector would), scored
 * as {@code rehearsal ml detect-eval} scores them from files.
 */
@QuarkusTest
@TestProfile(IncidentReplayProfile.class)
class IncidentsServiceTest {

  private static final Duration SLOT = Duration.ofHours(1);
  private static final long GRACE_MILLIS = 30_000;
  private static final List<String> RECORDINGS =
      List.of("baseline", "incident-error-payment", "incident-latency-catalog-15");

  @Inject IngestPipeline pipeline;

  @Test
  void shouldServeTheTwoLabelledIncidentsAndNoneForTheBaselineWhenReplayedOverOtlp()
      throws Exception {
    Path data = ShopReplay.data().orElse(null);
    assumeTrue(data != null, "reference-shop recordings absent");
    JsonNode labels = new ObjectMapper().readTree(data.resolve("incidents.json").toFile());
    long base = Instant.now().minus(SLOT.multipliedBy(RECORDINGS.size() + 1)).getEpochSecond();
    DetectionScore total = new DetectionScore(0, 0, 0, List.of());
    try (ServiceProbe probe = ServiceProbe.onPort(grpcPort())) {
      IncidentsGrpc.IncidentsBlockingStub stub = IncidentsGrpc.newBlockingStub(probe.channel());
      long[] slotStart = new long[RECORDINGS.size()];
      long[] shift = new long[RECORDINGS.size()];
      for (int k = 0; k < RECORDINGS.size(); k++) {
        Path file = data.resolve(RECORDINGS.get(k) + ".otlp.jsonl.gz");
        slotStart[k] = (base + k * SLOT.toSeconds()) * 1000;
        shift[k] = (slotStart[k] - ShopReplay.firstEndMillis(file)) / 1000;
        long spans = ShopReplay.send(probe.channel(), file, shift[k]);
        awaitIngested();
        if (k == 0) {
          assertThat(list(stub)).as("incidents after %d baseline spans", spans).isEmpty();
        }
      }
      List<Incident> incidents = awaitStable(stub);
      StringBuilder described = new StringBuilder();
      for (int k = 0; k < RECORDINGS.size(); k++) {
        List<Long> openings = openings(incidents, slotStart[k], slotStart[k] + SLOT.toMillis());
        List<DetectionScore.Label> shifted = labels(labels, RECORDINGS.get(k), shift[k]);
        DetectionScore score = DetectionScore.of(shifted, openings, GRACE_MILLIS);
        described.append(String.format(Locale.ROOT, "%s %s; ", RECORDINGS.get(k), score));
        total = total.plus(score);
      }
      String figures =
          String.format(
              Locale.ROOT,
              "REPLAY-EVAL detected %d, missed %d, false %d, median_delay_s %.1f (%s)",
              total.detected(),
              total.missed(),
              total.falseIncidents(),
              total.medianDelaySeconds(),
              described);
      assertThat(total.detected()).as(figures).isEqualTo(2);
      assertThat(total.missed()).as(figures).isZero();
      assertThat(total.falseIncidents()).as(figures).isZero();
      assertThat(total.medianDelaySeconds()).as(figures).isLessThanOrEqualTo(30);
      assertThat(incidents).hasSize(2);
      assertThat(incidents.get(0).getServicesList()).contains("catalog");
      assertThat(incidents.get(1).getServicesList()).containsAnyOf("payment", "checkout");
      for (Incident listed : incidents) {
        assertThat(listed.getId()).matches("inc-\\d{8}-\\d{4}");
        assertThat(listed.getSymptomsCount()).isPositive();
        assertThat(listed.getSeverity().getNumber()).isPositive();
        Incident got = get(stub, listed.getId());
        assertThat(got).isEqualTo(listed);
        assertThat(got.getTimeline(0).getState()).isEqualTo(IncidentState.INCIDENT_STATE_OPEN);
        assertThat(got.getTimeline(0).getReason()).startsWith("opened: ");
      }
      assertThat(incidents.get(1).getState()).isEqualTo(IncidentState.INCIDENT_STATE_RESOLVED);
      assertThat(incidents.get(1).getTimelineList())
          .extracting(IncidentStateChange::getState)
          .containsExactly(
              IncidentState.INCIDENT_STATE_OPEN, IncidentState.INCIDENT_STATE_RESOLVED);
    }
  }

  @Test
  void shouldAnswerNotFoundAndInvalidArgumentWhenTheIdIsUnknownOrMalformed() throws Exception {
    try (ServiceProbe probe = ServiceProbe.onPort(grpcPort())) {
      IncidentsGrpc.IncidentsBlockingStub incidents =
          IncidentsGrpc.newBlockingStub(probe.channel());
      assertThatThrownBy(() -> get(incidents, "inc-20000101-9999"))
          .isInstanceOfSatisfying(
              StatusRuntimeException.class,
              e -> {
                assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
                assertThat(e.getStatus().getDescription()).contains("inc-20000101-9999");
              });
      assertThatThrownBy(() -> get(incidents, "payment"))
          .isInstanceOfSatisfying(
              StatusRuntimeException.class,
              e -> {
                assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
                assertThat(e.getStatus().getDescription()).contains("'payment'");
              });
      assertThatThrownBy(
              () ->
                  incidents.listIncidents(
                      ListIncidentsRequest.newBuilder()
                          .addStates(IncidentState.INCIDENT_STATE_UNSPECIFIED)
                          .build()))
          .isInstanceOfSatisfying(
              StatusRuntimeException.class,
              e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT));
    }
  }

  private static Incident get(IncidentsGrpc.IncidentsBlockingStub stub, String id) {
    return stub.getIncident(GetIncidentRequest.newBuilder().setIncidentId(id).build());
  }

  private static List<Incident> list(IncidentsGrpc.IncidentsBlockingStub stub) {
    return stub.listIncidents(ListIncidentsRequest.getDefaultInstance()).getIncidentsList();
  }

  /** When incidents opened or re-opened within [from, to): the OPEN entries of their timelines. */
  static List<Long> openings(List<Incident> incidents, long from, long to) {
    List<Long> at = new ArrayList<>();
    for (Incident i : incidents) {
      for (IncidentStateChange c : i.getTimelineList()) {
        long ms = c.getAt().getSeconds() * 1000 + c.getAt().getNanos() / 1_000_000;
        if (c.getState() == IncidentState.INCIDENT_STATE_OPEN && ms >= from && ms < to) {
          at.add(ms);
        }
      }
    }
    return at;
  }

  private static List<DetectionScore.Label> labels(JsonNode labels, String recording, long shift) {
    List<DetectionScore.Label> out = new ArrayList<>();
    for (JsonNode l : labels) {
      if (l.get("recording").asText().equals(recording + ".otlp.jsonl.gz")) {
        out.add(
            new DetectionScore.Label(
                l.get("onsetEpochMs").asLong() + shift * 1000,
                l.get("endEpochMs").asLong() + shift * 1000));
      }
    }
    return out;
  }

  /** The incidents once two listings 1 s apart agree (at most 20 s). */
  private static List<Incident> awaitStable(IncidentsGrpc.IncidentsBlockingStub stub)
      throws InterruptedException {
    List<Incident> last = List.of();
    for (int i = 0; i < 20; i++) {
      Thread.sleep(1000);
      List<Incident> now =
          stub.listIncidents(ListIncidentsRequest.getDefaultInstance()).getIncidentsList();
      if (now.equals(last)) {
        return now;
      }
      last = now;
    }
    return last;
  }

  private void awaitIngested() throws InterruptedException {
    for (int i = 0; i < 300 && pipeline.pending() > 0; i++) {
      Thread.sleep(100);
    }
    Thread.sleep(600);
  }

  private static int grpcPort() {
    return ConfigProvider.getConfig().getValue("quarkus.grpc.server.test-port", Integer.class);
  }
}
