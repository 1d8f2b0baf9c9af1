package io.rehearsal.detector.loop;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.TraceServiceGrpc;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.rehearsal.otlp.JsonLinesOptions;
import io.rehearsal.otlp.OtlpJsonLines;
import io.rehearsal.otlp.OtlpLine;
import io.rehearsal.proto.v1.ExecutionResult;
import io.rehearsal.proto.v1.FaultHypothesis;
import io.rehearsal.proto.v1.FaultKind;
import io.rehearsal.proto.v1.Incident;
import io.rehearsal.proto.v1.IncidentState;
import io.rehearsal.proto.v1.IncidentsGrpc;
import io.rehearsal.proto.v1.ListIncidentsRequest;
import io.rehearsal.proto.v1.Target;
import io.rehearsal.store.RedisStore;
import io.rehearsal.store.SnapshotId;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * The loop wired into the running detector: the shop's catalog-latency recording exported over
 * OTLP/gRPC opens an incident, and without anything else the detector asks the (test's) sandbox,
 * submits to the (test's) gateway, follows the decision and reports the outcome; the incident
 * served by the Incidents service shows it, and {@code /q/metrics} counts the steps.
 */
@QuarkusTest
@TestProfile(LoopProfile.class)
class LoopWiringTest {

  @Inject RedisStore store;

  @Test
  void shouldTakeAnIncidentReplayedOverOtlpThroughSandboxAndGatewayWhenTheLoopIsOn()
      throws Exception {
    Path file =
        data().map(d -> d.resolve("incident-latency-catalog-15.otlp.jsonl.gz")).orElse(null);
    assumeTrue(file != null && Files.isRegularFile(file), "reference-shop recordings absent");
    // The reference shop's twin (catalog runs 2 replicas): the loop forks it by hash and scales
    // from its replica counts, not from the spans (which carry no instance ids).
    Path spec =
        data()
            .map(d -> d.resolve("../../../services/rehearsal/src/test/resources/reference-shop"))
            .map(d -> d.resolve("twin.yaml").normalize())
            .orElseThrow();
    SnapshotId twin = store.twinSnapshots().put(Files.readAllBytes(spec));
    store.twinSnapshots().setCurrent(twin);
    ManagedChannel channel =
        Grpc.newChannelBuilder("127.0.0.1:" + grpcPort(), InsecureChannelCredentials.create())
            .build();
    try (LoopServers servers =
        new LoopServers(LoopProfile.SANDBOX_PORT, LoopProfile.GATEWAY_PORT)) {
      servers.hypotheses =
          List.of(
              FaultHypothesis.newBuilder()
                  .setKind(FaultKind.FAULT_KIND_LATENCY_MULTIPLIER)
                  .setTarget(Target.newBuilder().setService("catalog"))
                  .setMagnitude(8)
                  .setGoodnessOfFit(0.9)
                  .build());
      send(channel, file);
      long deadline = System.currentTimeMillis() + 60_000;
      while (servers.reports.isEmpty() && System.currentTimeMillis() < deadline) {
        Thread.sleep(100);
      }
      assertThat(servers.evaluations).hasSize(1);
      assertThat(servers.evaluations.get(0).getTwinSnapshotHash()).isEqualTo(twin.hex());
      assertThat(servers.submits).hasSize(2); // UNAVAILABLE, then the same request again
      assertThat(servers.reports).hasSize(1);
      // The recording goes on past the incident's end: detection (on event time) resolves it
      // within the recovery window, so the outcome reported is a recovery.
      assertThat(servers.reports.get(0).getReport().getResult())
          .isEqualTo(ExecutionResult.EXECUTION_RESULT_SUCCEEDED);

      Incident incident =
          IncidentsGrpc.newBlockingStub(channel)
              .listIncidents(ListIncidentsRequest.getDefaultInstance())
              .getIncidents(0);
      assertThat(incident.getState()).isEqualTo(IncidentState.INCIDENT_STATE_RESOLVED);
      // Whether it was mitigating first depends on how fast the replay outruns the loop (the
      // replay takes seconds, the recorded incident a minute): IncidentLoopTest checks that order.
      assertThat(incident.getEvaluationId()).isEqualTo(LoopServers.EVALUATION_ID);
      assertThat(incident.getDecisionId()).isEqualTo("dec-1");
      assertThat(incident.getSuspectedTargetsCount()).isPositive();
      assertThat(servers.evaluations.get(0).getCandidatesList())
          .isEqualTo(incident.getProposalsList());
      assertThat(incident.getProposalsList().stream().filter(r -> r.hasScale()))
          .filteredOn(r -> r.getTarget().getService().equals("catalog"))
          .isNotEmpty()
          .allSatisfy(r -> assertThat(r.getScale().getAbsolute()).isGreaterThan(2));
      assertThat(incident.getLoopStepsList().stream().map(s -> s.getStep() + ":" + s.getStatus()))
          .containsSubsequence(
              "suspects:done",
              "proposals:done",
              "evaluation:done",
              "suspects:confirmed",
              "decision:retrying",
              "decision:APPROVED",
              "decision:EXECUTING",
              "outcome:recovered");
    } finally {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
    String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
    assertThat(metrics)
        .containsPattern(
            "rehearsal_detector_loop_steps_total\\{[^}]*status=\"retrying\",step=\"decision\"[^}]*\\} 1\\.0");
  }

  /** Exports the recording's trace lines, timestamps moved so that it ends a minute ago. */
  private static void send(ManagedChannel channel, Path file) throws Exception {
    long last = 0;
    try (OtlpJsonLines lines = OtlpJsonLines.open(file, JsonLinesOptions.defaults())) {
      for (Optional<OtlpLine> l = lines.next(); l.isPresent(); l = lines.next()) {
        if (l.get() instanceof OtlpLine.Traces t) {
          last = Math.max(last, lastEnd(t.request()));
        }
      }
    }
    long shift = Instant.now().minusSeconds(60).toEpochMilli() * 1_000_000 - last;
    TraceServiceGrpc.TraceServiceBlockingStub traces = TraceServiceGrpc.newBlockingStub(channel);
    try (OtlpJsonLines lines = OtlpJsonLines.open(file, JsonLinesOptions.defaults())) {
      for (Optional<OtlpLine> l = lines.next(); l.isPresent(); l = lines.next()) {
        if (l.get() instanceof OtlpLine.Traces t) {
          export(traces, shift(t.request(), shift));
        }
      }
    }
  }

  private static void export(
      TraceServiceGrpc.TraceServiceBlockingStub traces, ExportTraceServiceRequest request)
      throws InterruptedException {
    for (int attempt = 0; ; attempt++) {
      try {
        traces.export(request);
        return;
      } catch (io.grpc.StatusRuntimeException e) {
        if (e.getStatus().getCode() != io.grpc.Status.Code.RESOURCE_EXHAUSTED || attempt > 100) {
          throw e;
        }
        Thread.sleep(50);
      }
    }
  }

  private static long lastEnd(ExportTraceServiceRequest request) {
    long last = 0;
    for (ResourceSpans rs : request.getResourceSpansList()) {
      for (ScopeSpans ss : rs.getScopeSpansList()) {
        for (Span s : ss.getSpansList()) {
          last = Math.max(last, s.getEndTimeUnixNano());
        }
      }
    }
    return last;
  }

  private static ExportTraceServiceRequest shift(ExportTraceServiceRequest request, long nanos) {
    ExportTraceServiceRequest.Builder b = request.toBuilder();
    for (ResourceSpans.Builder rs : b.getResourceSpansBuilderList()) {
      for (ScopeSpans.Builder ss : rs.getScopeSpansBuilderList()) {
        for (Span.Builder s : ss.getSpansBuilderList()) {
          s.setStartTimeUnixNano(s.getStartTimeUnixNano() + nanos);
          s.setEndTimeUnixNano(s.getEndTimeUnixNano() + nanos);
          for (Span.Event.Builder e : s.getEventsBuilderList()) {
            e.setTimeUnixNano(e.getTimeUnixNano() + nanos);
          }
        }
      }
    }
    return b.build();
  }

  private static Optional<Path> data() {
    for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
      if (Files.isDirectory(d.resolve("ml-models/data/reference-shop"))) {
        return Optional.of(d.resolve("ml-models/data/reference-shop"));
      }
    }
    return Optional.empty();
  }

  private static int grpcPort() {
    return ConfigProvider.getConfig().getValue("quarkus.grpc.server.test-port", Integer.class);
  }
}
