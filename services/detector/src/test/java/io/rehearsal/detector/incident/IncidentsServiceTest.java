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
import io.rehearsal.proto.v1.GetIncidentRequest;
import io.rehearsal.proto.v1.Incident;
import io.rehearsal.proto.v1.IncidentState;
import io.rehearsal.proto.v1.IncidentsGrpc;
import io.rehearsal.proto.v1.ListIncidentsRequest;
import io.rehearsal.service.testing.ServiceProbe;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * The reference shop's recordings exported to the running detector over OTLP/gRPC, and the
 * incidents read back over its gRPC Incidents service: the baseline opens none; the payment error
 * incident that follows it opens one, on payment or its caller checkout, after its labelled onset.
 */
@QuarkusTest
@TestProfile(IncidentReplayProfile.class)
class IncidentsServiceTest {

  private static final long BASELINE_START_MS = 1795683670911L;
  private static final long BASELINE_END_MS = 1795683820822L;
  private static final long PAYMENT_START_MS = 1795690688627L;

  @Inject IngestPipeline pipeline;

  @Test
  void shouldServeOneIncidentForThePaymentErrorsAndNoneForTheBaselineWhenReplayedOverOtlp()
      throws Exception {
    Path data = ShopReplay.data().orElse(null);
    assumeTrue(data != null, "reference-shop recordings absent");
    JsonNode label = label(data, "incident-error-payment.otlp.jsonl.gz");
    // The baseline ends about ten minutes ago; the incident recording starts 1 s after it.
    long baselineShift = (Instant.now().toEpochMilli() - 600_000 - BASELINE_END_MS) / 1000;
    long paymentShift = (BASELINE_END_MS + baselineShift * 1000 + 1000 - PAYMENT_START_MS) / 1000;

    try (ServiceProbe probe = ServiceProbe.onPort(grpcPort())) {
      IncidentsGrpc.IncidentsBlockingStub incidents =
          IncidentsGrpc.newBlockingStub(probe.channel());
      long baselineSpans =
          ShopReplay.send(probe.channel(), data.resolve("baseline.otlp.jsonl.gz"), baselineShift);
      awaitIngested();
      assertThat(list(incidents)).as("incidents after %d baseline spans", baselineSpans).isEmpty();

      ShopReplay.send(
          probe.channel(), data.resolve("incident-error-payment.otlp.jsonl.gz"), paymentShift);
      awaitIngested();
      List<Incident> seen = awaitIncidents(incidents);

      assertThat(seen).hasSize(1);
      Incident listed = seen.get(0);
      assertThat(listed.getId()).matches("inc-\\d{8}-\\d{4}");
      assertThat(listed.getServicesList()).containsAnyOf("payment", "checkout");
      long onset = label.get("onsetEpochMs").asLong() + paymentShift * 1000;
      long end = label.get("endEpochMs").asLong() + paymentShift * 1000;
      long detected = listed.getDetectedAt().getSeconds() * 1000;
      assertThat(detected).isBetween(onset, end + 30_000);
      assertThat(listed.getSymptomsCount()).isPositive();
      assertThat(listed.getSeverity().getNumber()).isPositive();
      assertThat(listed.getTitle()).isNotBlank();

      Incident got =
          incidents.getIncident(
              GetIncidentRequest.newBuilder().setIncidentId(listed.getId()).build());
      assertThat(got.getTimeline(0).getState()).isEqualTo(IncidentState.INCIDENT_STATE_OPEN);
      assertThat(got.getTimeline(0).getReason()).startsWith("opened: ");
      assertThat(got.getRevision()).isGreaterThanOrEqualTo(1);
      assertThat(got.getState())
          .isIn(IncidentState.INCIDENT_STATE_OPEN, IncidentState.INCIDENT_STATE_RESOLVED);
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

  private static Incident get(IncidentsGrpc.IncidentsBlockingStub incidents, String id) {
    return incidents.getIncident(GetIncidentRequest.newBuilder().setIncidentId(id).build());
  }

  private static List<Incident> list(IncidentsGrpc.IncidentsBlockingStub incidents) {
    return incidents.listIncidents(ListIncidentsRequest.getDefaultInstance()).getIncidentsList();
  }

  /** Waits up to 20 s for the first incident, then 1 s more for any that follow. */
  private static List<Incident> awaitIncidents(IncidentsGrpc.IncidentsBlockingStub incidents)
      throws InterruptedException {
    for (int i = 0; i < 100 && list(incidents).isEmpty(); i++) {
      Thread.sleep(200);
    }
    Thread.sleep(1000);
    return list(incidents);
  }

  /** Waits until every span sent was aggregated and detection ticked twice after it. */
  private void awaitIngested() throws InterruptedException {
    for (int i = 0; i < 300 && pipeline.pending() > 0; i++) {
      Thread.sleep(100);
    }
    Thread.sleep(600);
  }

  private static JsonNode label(Path data, String recording) throws Exception {
    for (JsonNode l : new ObjectMapper().readTree(data.resolve("incidents.json").toFile())) {
      if (l.get("recording").asText().equals(recording)) {
        return l;
      }
    }
    throw new AssertionError("no label for " + recording);
  }

  private static int grpcPort() {
    return ConfigProvider.getConfig().getValue("quarkus.grpc.server.test-port", Integer.class);
  }
}
