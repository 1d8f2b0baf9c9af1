package io.rehearsal.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.rpc.BadRequest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.quarkus.test.junit.QuarkusTest;
import io.rehearsal.proto.v1.EvaluateRequest;
import io.rehearsal.proto.v1.Evaluation;
import io.rehearsal.proto.v1.EvaluationEvent;
import io.rehearsal.proto.v1.EvaluationPhase;
import io.rehearsal.proto.v1.EvaluationStatus;
import io.rehearsal.proto.v1.Evidence;
import io.rehearsal.proto.v1.GetEvaluationRequest;
import io.rehearsal.proto.v1.Incident;
import io.rehearsal.proto.v1.SandboxGrpc;
import io.rehearsal.proto.v1.Target;
import io.rehearsal.sandbox.mapping.EvidenceMapper;
import io.rehearsal.sandbox.testing.RecordedIncidents;
import io.rehearsal.sandbox.testing.ReferenceShop;
import io.rehearsal.service.testing.ServiceContract;
import io.rehearsal.store.RedisStore;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SandboxServiceTest extends ServiceContract {

  @Inject RedisStore store;
  private String twinHash;

  @Override
  protected List<String> hostedServices() {
    return List.of("rehearsal.v1.Sandbox");
  }

  @BeforeEach
  void storeTwin() {
    twinHash = store.twinSnapshots().put(ReferenceShop.snapshot()).hex();
  }

  @Test
  void shouldStreamRankedEvidencedRemediationsWhenAReferenceShopIncidentIsEvaluated() {
    EvaluateRequest request = uniqueIncident(ReferenceShop.request(twinHash));

    long start = System.nanoTime();
    List<EvaluationEvent> events = evaluate(request);
    double seconds = (System.nanoTime() - start) / 1e9;

    assertThat(events.get(0).hasAccepted()).isTrue();
    Evaluation result = events.get(events.size() - 1).getResult();
    assertThat(result.getFailureMessage())
        .as("failure of the gRPC evaluation (%.1f s)", seconds)
        .isEmpty();
    assertThat(result.getStatus()).isEqualTo(EvaluationStatus.EVALUATION_STATUS_SUCCEEDED);
    assertThat(result.getId()).isEqualTo(events.get(0).getAccepted().getEvaluationId());
    assertThat(result.getIncidentId()).isEqualTo(request.getIncident().getId());
    assertThat(result.getSeed()).isEqualTo(42);
    assertThat(result.getFaultHypotheses(0).getTarget().getService()).isEqualTo("catalog");
    assertThat(result.getRanking(0)).isEqualTo("rollback-catalog");
    assertThat(result.getEvidenceList())
        .hasSize(3)
        .allSatisfy(
            e -> {
              assertThat(e.getEvidenceHash()).isEqualTo(EvidenceMapper.hash(e));
              assertThat(e.getTwinSnapshotHash()).isEqualTo(result.getTwinSnapshotHash());
              assertThat(e.getVsDoNothing().getUtility().getCi().getLevel()).isEqualTo(0.95);
            });
    assertThat(events)
        .filteredOn(EvaluationEvent::hasProgress)
        .extracting(e -> e.getProgress().getPhase())
        .containsSubsequence(
            EvaluationPhase.EVALUATION_PHASE_QUEUED,
            EvaluationPhase.EVALUATION_PHASE_FORKING,
            EvaluationPhase.EVALUATION_PHASE_FITTING_FAULT,
            EvaluationPhase.EVALUATION_PHASE_SIMULATING,
            EvaluationPhase.EVALUATION_PHASE_RANKING);
    assertThat(events).anyMatch(EvaluationEvent::hasFaultHypothesesFitted);
    assertThat(
            stub()
                .getEvaluation(
                    GetEvaluationRequest.newBuilder().setEvaluationId(result.getId()).build()))
        .isEqualTo(result);
  }

  @Test
  void shouldRankEvidencedRemediationsWhenARecordedReferenceShopIncidentIsEvaluated() {
    Incident recorded =
        RecordedIncidents.read(
            "incident-latency.otlp.jsonl.gz", ReferenceShop.twin(), twinHash, 20, 2);
    EvaluateRequest request =
        ReferenceShop.request(twinHash).toBuilder()
            .setIncident(recorded.toBuilder().setId(recorded.getId() + "-" + UUID.randomUUID()))
            .build();

    long start = System.nanoTime();
    Evaluation result = last(evaluate(request));
    String run =
        String.format(
            Locale.ROOT,
            "gRPC evaluation of recorded %s: %.1f s, hypotheses %s, ranking %s, replications %s",
            recorded.getId(),
            (System.nanoTime() - start) / 1e9,
            result.getFaultHypothesesList().stream()
                .map(
                    h ->
                        h.getKind()
                            + " "
                            + h.getTarget().getService()
                            + h.getTarget().getDependency())
                .toList(),
            result.getRankingList(),
            result.getEvidenceList().stream().map(Evidence::getReplications).toList());

    assertThat(result.getFailureMessage()).as("%s", run).isEmpty();
    assertThat(result.getStatus())
        .as("%s", run)
        .isEqualTo(EvaluationStatus.EVALUATION_STATUS_SUCCEEDED);
    assertThat(recorded.getSymptomsCount()).as("%s", run).isGreaterThanOrEqualTo(8);
    assertThat(result.getFaultHypothesesList()).as("%s", run).isNotEmpty();
    assertThat(result.getFaultHypotheses(0).getTarget().getService())
        .as("%s", run)
        .isEqualTo("catalog");
    assertThat(result.getRankingList())
        .as("%s", run)
        .containsExactlyInAnyOrder("rollback-catalog", "scale-catalog", "shed-browse");
    assertThat(result.getEvidenceList())
        .allSatisfy(e -> assertThat(e.getEvidenceHash()).isEqualTo(EvidenceMapper.hash(e)));
  }

  @Test
  void shouldReplayTheStoredEvaluationWhenTheSameRequestComesAgain() {
    EvaluateRequest request = uniqueIncident(ReferenceShop.request(twinHash));
    Evaluation first = last(evaluate(request));

    List<EvaluationEvent> again = evaluate(request);

    assertThat(again).hasSize(2);
    assertThat(again.get(1).getResult()).isEqualTo(first);
    assertThat(again.get(1).getResult().getEvidenceList())
        .extracting(Evidence::getEvidenceHash)
        .containsExactlyElementsOf(
            first.getEvidenceList().stream().map(Evidence::getEvidenceHash).toList());
  }

  @Test
  void shouldAnswerInvalidArgumentNamingTheFieldWhenCandidatesAreEmpty() {
    StatusRuntimeException e =
        evaluateError(ReferenceShop.request(twinHash).toBuilder().clearCandidates().build());

    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(e.getStatus().getDescription()).startsWith("candidates: ");
    BadRequest details = badRequest(e);
    assertThat(details.getFieldViolations(0).getField()).isEqualTo("candidates");
  }

  @Test
  void shouldAnswerInvalidArgumentNamingTheEndpointWhenASymptomSeriesIsUnknown() {
    EvaluateRequest.Builder b = ReferenceShop.request(twinHash).toBuilder();
    b.getIncidentBuilder()
        .getSymptomsBuilder(2)
        .setTarget(Target.newBuilder().setService("cart").setEndpoint("GET /gone"));

    StatusRuntimeException e = evaluateError(b.build());

    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(e.getStatus().getDescription())
        .contains("incident.symptoms[2].target")
        .contains("'cart/GET /gone'");
  }

  @Test
  void shouldAnswerInvalidArgumentNamingTheTargetWhenACandidateTargetIsUnknown() {
    EvaluateRequest bad =
        ReferenceShop.request(twinHash).toBuilder()
            .setCandidates(0, ReferenceShop.rollback("r", "ghost"))
            .build();

    StatusRuntimeException e = evaluateError(bad);

    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(e.getStatus().getDescription())
        .contains("candidates[0].target.service")
        .contains("'ghost'");
  }

  @Test
  void shouldAnswerNotFoundNamingTheHashWhenTheTwinSnapshotIsUnknown() {
    String unknown = "b".repeat(64);

    StatusRuntimeException e =
        evaluateError(
            ReferenceShop.request(twinHash).toBuilder().setTwinSnapshotHash(unknown).build());

    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
    assertThat(e.getStatus().getDescription()).contains(unknown);
  }

  @Test
  void shouldAnswerInvalidArgumentWhenTheRequestIsEmpty() {
    StatusRuntimeException e = evaluateError(EvaluateRequest.getDefaultInstance());

    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(e.getStatus().getDescription()).startsWith("incident: ");
  }

  @Test
  void shouldAnswerNotFoundNamingTheIdWhenTheEvaluationIsUnknown() {
    StatusRuntimeException e =
        catchThrowableOfType(
            StatusRuntimeException.class,
            () ->
                stub()
                    .getEvaluation(
                        GetEvaluationRequest.newBuilder().setEvaluationId("ev-nope").build()));
    StatusRuntimeException weird =
        catchThrowableOfType(
            StatusRuntimeException.class,
            () ->
                stub()
                    .getEvaluation(
                        GetEvaluationRequest.newBuilder().setEvaluationId("not an id!").build()));
    StatusRuntimeException empty =
        catchThrowableOfType(
            StatusRuntimeException.class,
            () -> stub().getEvaluation(GetEvaluationRequest.getDefaultInstance()));

    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
    assertThat(e.getStatus().getDescription()).contains("'ev-nope'");
    assertThat(weird.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
    assertThat(empty.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
  }

  private SandboxGrpc.SandboxBlockingStub stub() {
    return SandboxGrpc.newBlockingStub(probe.channel()).withDeadlineAfter(120, TimeUnit.SECONDS);
  }

  private List<EvaluationEvent> evaluate(EvaluateRequest request) {
    List<EvaluationEvent> events = new ArrayList<>();
    stub().evaluate(request).forEachRemaining(events::add);
    return events;
  }

  private StatusRuntimeException evaluateError(EvaluateRequest request) {
    return catchThrowableOfType(StatusRuntimeException.class, () -> evaluate(request));
  }

  private static Evaluation last(List<EvaluationEvent> events) {
    return events.get(events.size() - 1).getResult();
  }

  private static BadRequest badRequest(StatusRuntimeException e) {
    try {
      return StatusProto.fromThrowable(e).getDetails(0).unpack(BadRequest.class);
    } catch (com.google.protobuf.InvalidProtocolBufferException x) {
      throw new AssertionError(x);
    }
  }

  /** The request with a fresh incident id, so it is a new evaluation even in a reused Redis. */
  private static EvaluateRequest uniqueIncident(EvaluateRequest r) {
    EvaluateRequest.Builder b = r.toBuilder();
    b.getIncidentBuilder().setId("inc-" + UUID.randomUUID());
    return b.build();
  }
}
