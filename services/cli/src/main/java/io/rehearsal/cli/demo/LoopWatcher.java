package io.rehearsal.cli.demo;

import com.google.protobuf.Timestamp;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.MetadataUtils;
import io.rehearsal.proto.v1.ApproveRequest;
import io.rehearsal.proto.v1.Decision;
import io.rehearsal.proto.v1.Evaluation;
import io.rehearsal.proto.v1.GetDecisionRequest;
import io.rehearsal.proto.v1.GetEvaluationRequest;
import io.rehearsal.proto.v1.GetIncidentRequest;
import io.rehearsal.proto.v1.Incident;
import io.rehearsal.proto.v1.IncidentState;
import io.rehearsal.proto.v1.IncidentStep;
import io.rehearsal.proto.v1.IncidentsGrpc;
import io.rehearsal.proto.v1.ListIncidentsRequest;
import io.rehearsal.proto.v1.PolicyGatewayGrpc;
import io.rehearsal.proto.v1.ReviewChannel;
import io.rehearsal.proto.v1.SandboxGrpc;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Observes the loop over the services' public gRPC APIs only: the detector's {@code
 * rehearsal.v1.Incidents} (the incident, its proposals, the ids of the evaluation and decision and
 * the loop's steps), the sandbox's {@code GetEvaluation} (the ranking) and the gateway's {@code
 * GetDecision}. Polls once a second; it drives nothing, except that with {@code --approve} it
 * approves a decision waiting on people as the local on-call reviewer would ({@link #approve}).
 */
final class LoopWatcher implements AutoCloseable {

  /** The subject of the local stack's on-call token ({@code .rehearsal/credentials/oncall.jwt}). */
  static final String REVIEWER = "local-oncall";

  private static final long DEADLINE_SECONDS = 5;

  private final ManagedChannel detector;
  private final ManagedChannel sandbox;
  private final ManagedChannel gateway;
  private final Metadata auth = new Metadata();
  private final Set<String> printedSteps = new HashSet<>();

  LoopWatcher(String detectorAddress, String sandboxAddress, String gatewayAddress, String token) {
    this.detector = channel(detectorAddress);
    this.sandbox = channel(sandboxAddress);
    this.gateway = channel(gatewayAddress);
    auth.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + token);
  }

  /** The incidents open or mitigating now. */
  java.util.List<Incident> liveIncidents() {
    ListIncidentsRequest request =
        ListIncidentsRequest.newBuilder()
            .addStates(IncidentState.INCIDENT_STATE_OPEN)
            .addStates(IncidentState.INCIDENT_STATE_MITIGATING)
            .setLimit(50)
            .build();
    return incidents().listIncidents(request).getIncidentsList();
  }

  /** The newest incident detected at or after {@code since}, if any. */
  Optional<Incident> newIncident(Instant since) {
    return liveIncidents().stream()
        .filter(i -> !instant(i.getDetectedAt()).isBefore(since))
        .max((a, b) -> instant(a.getDetectedAt()).compareTo(instant(b.getDetectedAt())));
  }

  Incident incident(String id) {
    return incidents().getIncident(GetIncidentRequest.newBuilder().setIncidentId(id).build());
  }

  /** The loop's steps of {@code incident} not reported before, as lines. */
  java.util.List<String> newSteps(Incident incident) {
    java.util.List<String> lines = new java.util.ArrayList<>();
    for (IncidentStep step : incident.getLoopStepsList()) {
      String key = step.getStep() + "/" + step.getStatus() + "/" + step.getAttempt();
      if (printedSteps.add(key)) {
        lines.add(
            "loop: "
                + step.getStep()
                + " "
                + step.getStatus()
                + (step.getDetail().isBlank() ? "" : ": " + step.getDetail()));
      }
    }
    return lines;
  }

  Evaluation evaluation(String id) {
    return SandboxGrpc.newBlockingStub(sandbox)
        .withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS)
        .getEvaluation(GetEvaluationRequest.newBuilder().setEvaluationId(id).build());
  }

  Decision decision(String id) {
    return PolicyGatewayGrpc.newBlockingStub(gateway)
        .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(auth))
        .withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS)
        .getDecision(GetDecisionRequest.newBuilder().setDecisionId(id).build());
  }

  /**
   * Approves {@code d} over the gateway's own {@code Approve}, as reviewer {@link #REVIEWER} with
   * the on-call token: the gateway's rules apply as to any reviewer (groups, four-eyes, expiry).
   */
  Decision approve(Decision d, String oncallToken) {
    Metadata oncall = new Metadata();
    oncall.put(
        Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER),
        "Bearer " + oncallToken);
    return PolicyGatewayGrpc.newBlockingStub(gateway)
        .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(oncall))
        .withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS)
        .approve(
            ApproveRequest.newBuilder()
                .setDecisionId(d.getId())
                .setReviewer(REVIEWER)
                .setChannel(ReviewChannel.REVIEW_CHANNEL_GRPC)
                .setComment("approved by rehearsal demo --approve")
                .setExpectedRevision(d.getRevision())
                .build());
  }

  /** A call that failed, as one line (the loop goes on polling). */
  static String describe(StatusRuntimeException e) {
    return e.getStatus().getCode()
        + (e.getStatus().getDescription() == null ? "" : ": " + e.getStatus().getDescription());
  }

  static Instant instant(Timestamp t) {
    return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
  }

  private IncidentsGrpc.IncidentsBlockingStub incidents() {
    return IncidentsGrpc.newBlockingStub(detector)
        .withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS);
  }

  private static ManagedChannel channel(String address) {
    return ManagedChannelBuilder.forTarget(address).usePlaintext().build();
  }

  @Override
  public void close() {
    detector.shutdownNow();
    sandbox.shutdownNow();
    gateway.shutdownNow();
  }
}
