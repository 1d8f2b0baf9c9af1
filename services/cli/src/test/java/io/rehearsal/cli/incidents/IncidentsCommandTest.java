package io.rehearsal.cli.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.Timestamp;
import io.grpc.Grpc;
import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.rehearsal.cli.Main;
import io.rehearsal.proto.v1.GetIncidentRequest;
import io.rehearsal.proto.v1.Incident;
import io.rehearsal.proto.v1.IncidentState;
import io.rehearsal.proto.v1.IncidentStateChange;
import io.rehearsal.proto.v1.IncidentsGrpc;
import io.rehearsal.proto.v1.ListIncidentsRequest;
import io.rehearsal.proto.v1.ListIncidentsResponse;
import io.rehearsal.proto.v1.MetricKind;
import io.rehearsal.proto.v1.SeriesPoint;
import io.rehearsal.proto.v1.Severity;
import io.rehearsal.proto.v1.SymptomSeries;
import io.rehearsal.proto.v1.Target;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code rehearsal incidents [show ID]} against a real gRPC server on loopback that serves two
 * incidents as the detector would, and against a port where nothing listens.
 */
class IncidentsCommandTest {

  private static final Instant NOW = Instant.parse("2026-12-07T10:15:00Z");
  private static final Instant DETECTED = Instant.parse("2026-12-07T10:02:30Z");

  private final List<ListIncidentsRequest> requests = new ArrayList<>();
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private Server server;

  /** Serves a fixed open incident and a resolved one, filtered by state as the detector does. */
  private final class FakeDetector extends IncidentsGrpc.IncidentsImplBase {
    @Override
    public void listIncidents(
        ListIncidentsRequest request, StreamObserver<ListIncidentsResponse> response) {
      requests.add(request);
      ListIncidentsResponse.Builder b = ListIncidentsResponse.newBuilder();
      for (Incident i : List.of(open(), resolved())) {
        if (request.getStatesCount() == 0 || request.getStatesList().contains(i.getState())) {
          b.addIncidents(i);
        }
      }
      response.onNext(b.build());
      response.onCompleted();
    }

    @Override
    public void getIncident(GetIncidentRequest request, StreamObserver<Incident> response) {
      if (request.getIncidentId().equals(open().getId())) {
        response.onNext(open());
        response.onCompleted();
      } else {
        response.onError(
            Status.NOT_FOUND
                .withDescription("incident '" + request.getIncidentId() + "' not found")
                .asRuntimeException());
      }
    }
  }

  @BeforeEach
  void start() throws IOException {
    server =
        Grpc.newServerBuilderForPort(0, InsecureServerCredentials.create())
            .addService(new FakeDetector())
            .build()
            .start();
  }

  @AfterEach
  void stop() {
    server.shutdownNow();
  }

  private static Timestamp at(Instant i) {
    return Timestamp.newBuilder().setSeconds(i.getEpochSecond()).build();
  }

  private static Incident open() {
    return Incident.newBuilder()
        .setId("inc-20261207-0002")
        .setState(IncidentState.INCIDENT_STATE_OPEN)
        .setSeverity(Severity.SEVERITY_HIGH)
        .setTitle("payment POST /pay ERROR_RATE (+1 more)")
        .setOnset(at(DETECTED.minusSeconds(8)))
        .setDetectedAt(at(DETECTED))
        .addServices("checkout")
        .addServices("payment")
        .setRevision(2)
        .addSymptoms(
            SymptomSeries.newBuilder()
                .setTarget(Target.newBuilder().setService("payment").setEndpoint("POST /pay"))
                .setMetric(MetricKind.METRIC_KIND_ERROR_RATE)
                .addPoints(SeriesPoint.newBuilder().setTime(at(DETECTED)).setValue(0.31))
                .setBaseline(0.002)
                .setOnset(at(DETECTED.minusSeconds(8))))
        .addTimeline(
            IncidentStateChange.newBuilder()
                .setState(IncidentState.INCIDENT_STATE_OPEN)
                .setAt(at(DETECTED))
                .setReason("opened: payment POST /pay ERROR_RATE"))
        .build();
  }

  private static Incident resolved() {
    return Incident.newBuilder()
        .setId("inc-20261207-0001")
        .setState(IncidentState.INCIDENT_STATE_RESOLVED)
        .setSeverity(Severity.SEVERITY_LOW)
        .setTitle("catalog GET /items LATENCY_P99")
        .setOnset(at(Instant.parse("2026-12-07T07:00:00Z")))
        .setDetectedAt(at(Instant.parse("2026-12-07T07:00:10Z")))
        .build();
  }

  private int run(String... args) {
    CommandLine commandLine = Main.commandLine();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    commandLine.getSubcommands().get("incidents").<IncidentsCommand>getCommand().clock = clock;
    commandLine
            .getSubcommands()
            .get("incidents")
            .getSubcommands()
            .get("show")
            .<IncidentsShowCommand>getCommand()
            .clock =
        clock;
    return commandLine.execute(args);
  }

  private String detector() {
    return "127.0.0.1:" + server.getPort();
  }

  @Test
  void shouldPrintATableNewestFirstWhenIncidentsExist() {
    int code = run("incidents", "--detector", detector());

    assertThat(code).isZero();
    String[] lines = out.toString().split("\n");
    assertThat(lines[0]).matches("ID\\s+STATE\\s+SEVERITY\\s+TITLE\\s+ONSET\\s+AGE");
    assertThat(lines[1])
        .startsWith("inc-20261207-0002")
        .contains("OPEN", "HIGH", "payment POST /pay ERROR_RATE (+1 more)")
        .contains("2026-12-07T10:02:22Z")
        .endsWith("12m30s");
    assertThat(lines[2]).startsWith("inc-20261207-0001").contains("RESOLVED").endsWith("3h14m");
    assertThat(requests).singleElement().satisfies(r -> assertThat(r.getLimit()).isEqualTo(50));
  }

  @Test
  void shouldAskForTheStatesGivenWhenFilteredAndPrintJson() throws Exception {
    int code = run("incidents", "--detector", detector(), "--state", "open,mitigating", "--json");

    assertThat(code).isZero();
    assertThat(requests.get(0).getStatesList())
        .containsExactly(
            IncidentState.INCIDENT_STATE_OPEN, IncidentState.INCIDENT_STATE_MITIGATING);
    JsonNode json = new ObjectMapper().readTree(out.toString());
    assertThat(json.get("incidents")).hasSize(1);
    JsonNode i = json.get("incidents").get(0);
    assertThat(i.get("id").asText()).isEqualTo("inc-20261207-0002");
    assertThat(i.get("state").asText()).isEqualTo("OPEN");
    assertThat(i.get("age_s").asLong()).isEqualTo(750);
  }

  @Test
  void shouldShowSymptomsTimelineAndLaterStepsWhenTheIdIsKnown() throws Exception {
    int code = run("incidents", "show", "inc-20261207-0002", "--detector", detector());

    assertThat(code).isZero();
    String text = out.toString();
    assertThat(text).startsWith("inc-20261207-0002  OPEN  HIGH");
    assertThat(text).contains("services:  checkout, payment");
    assertThat(text).containsPattern("payment\\s+POST /pay\\s+ERROR_RATE\\s+0\\.310\\s+0\\.00200");
    assertThat(text).contains("2026-12-07T10:02:30Z  OPEN        opened: payment POST /pay");
    assertThat(text).contains("Suspects:\n  (none yet)", "Proposals:\n  (none yet)");
    assertThat(text).contains("Evaluation: -", "Decision:   -");

    out.getBuffer().setLength(0);
    run("incidents", "show", "inc-20261207-0002", "--detector", detector(), "--json");
    JsonNode json = new ObjectMapper().readTree(out.toString());
    assertThat(json.get("symptoms").get(0).get("value").asDouble()).isEqualTo(0.31);
    assertThat(json.get("timeline").get(0).get("state").asText()).isEqualTo("OPEN");
    assertThat(json.get("evaluation_id").isNull()).isTrue();
  }

  @Test
  void shouldExitOneNamingTheIdWhenTheIncidentIsUnknown() {
    int code = run("incidents", "show", "inc-20261207-0099", "--detector", detector());

    assertThat(code).isEqualTo(1);
    assertThat(err.toString())
        .contains("no incident 'inc-20261207-0099'")
        .doesNotContain("Exception");
  }

  @Test
  void shouldExitTwoWhenTheIdIsMalformed() {
    int code = run("incidents", "show", "payment", "--detector", detector());

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("inc-YYYYMMDD-NNNN", "'payment'");
  }

  @Test
  void shouldExitOneSayingSoWhenNoDetectorListens() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    int code = run("incidents", "--detector", "127.0.0.1:" + port);

    assertThat(code).isEqualTo(1);
    assertThat(err.toString())
        .contains("cannot reach the detector at 127.0.0.1:" + port)
        .contains("./rehearsal up")
        .doesNotContain("Exception");
  }
}
