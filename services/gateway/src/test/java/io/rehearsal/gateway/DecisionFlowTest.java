package io.rehearsal.gateway;

import static io.rehearsal.gateway.Fixtures.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.rpc.BadRequest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.rehearsal.gateway.decision.DecisionDesk;
import io.rehearsal.proto.v1.ApproveRequest;
import io.rehearsal.proto.v1.CancelRequest;
import io.rehearsal.proto.v1.Decision;
import io.rehearsal.proto.v1.DecisionState;
import io.rehearsal.proto.v1.Environment;
import io.rehearsal.proto.v1.Evaluation;
import io.rehearsal.proto.v1.ExplainRequest;
import io.rehearsal.proto.v1.Explanation;
import io.rehearsal.proto.v1.GetDecisionRequest;
import io.rehearsal.proto.v1.PolicyEffect;
import io.rehearsal.proto.v1.RejectRequest;
import io.rehearsal.proto.v1.Remediation;
import io.rehearsal.proto.v1.RemediationRequest;
import io.rehearsal.proto.v1.ReviewChannel;
import io.rehearsal.proto.v1.RuleResult;
import io.rehearsal.proto.v1.SubmitResponse;
import io.rehearsal.store.AuditEntry;
import io.rehearsal.store.ChainVerification;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PolicyGateway over real gRPC on loopback with a real redis-server: decisions for the allow,
 * approval and deny paths of a small test policy on evaluations stored as the sandbox stores them,
 * idempotency, reviews, expiry, fail-closed and the audit chain.
 */
class DecisionFlowTest {

  @TempDir Path dataDir;
  private GatewayHarness gateway;
  private Evaluation evaluation;

  @BeforeEach
  void start() {
    gateway = GatewayHarness.start(dataDir);
    evaluation = Fixtures.storeEvaluation(gateway.store, GatewayHarness.START);
  }

  @AfterEach
  void stop() throws InterruptedException {
    gateway.close();
  }

  @Test
  void shouldApproveAndBindEvidenceWhenThePolicyAllows() {
    SubmitResponse response =
        submit(request("r-allow", Fixtures.scaleUp(), Environment.ENVIRONMENT_STAGING));

    Decision d = response.getDecision();
    assertThat(response.getCreated()).isTrue();
    assertThat(d.getState()).isEqualTo(DecisionState.DECISION_STATE_APPROVED);
    assertThat(d.getRevision()).isEqualTo(1);
    assertThat(d.getEvidenceHash()).isEqualTo(evaluation.getEvidence(0).getEvidenceHash());
    assertThat(d.getEvaluationId()).isEqualTo(Fixtures.EVALUATION);
    assertThat(d.getPolicyVersion()).isEqualTo(GatewayHarness.testPolicy().version());
    assertThat(d.getMatchedRulesList())
        .extracting(RuleResult::getRuleId)
        .contains("staging-scale-up");
    assertThat(d.getExpiresAt().getSeconds())
        .isEqualTo(GatewayHarness.START.plus(GatewayHarness.DEFAULT_TTL).getEpochSecond());
    assertThat(get(d.getId())).isEqualTo(d);
    assertThat(gateway.store.audit().find("decision:" + d.getId() + ":1"))
        .hasValueSatisfying(e -> assertThat(e.payload()).isEqualTo(d.toByteArray()));
  }

  @Test
  void shouldWaitForOneApproverWithThePolicyExpiryWhenTheRuleRequiresApproval() {
    Decision d =
        submit(request("r-approval", Fixtures.restart(), Environment.ENVIRONMENT_PRODUCTION))
            .getDecision();

    assertThat(d.getState()).isEqualTo(DecisionState.DECISION_STATE_PENDING_APPROVAL);
    assertThat(d.getRequiredApprovers()).isEqualTo(1);
    assertThat(d.getReasonsList()).anySatisfy(r -> assertThat(r).contains("prod-one"));
    assertThat(d.getExpiresAt().getSeconds())
        .isEqualTo(GatewayHarness.START.plus(Duration.ofHours(2)).getEpochSecond());
  }

  @Test
  void shouldRejectWithReasonsWhenThePolicyDenies() {
    Decision d =
        submit(request("r-deny", Fixtures.scaleToZero(), Environment.ENVIRONMENT_STAGING))
            .getDecision();

    assertThat(d.getState()).isEqualTo(DecisionState.DECISION_STATE_REJECTED);
    assertThat(d.getReasonsList()).anySatisfy(r -> assertThat(r).contains("deny-scale-to-zero"));
    assertThat(d.hasExpiresAt()).isFalse();
    assertThat(d.getEvidenceHash()).isEqualTo(evaluation.getEvidence(3).getEvidenceHash());
  }

  @Test
  void shouldDenyByDefaultAndExplainEveryRuleWhenNoRuleMatches() {
    Decision d =
        submit(request("r-default", Fixtures.rollback(), Environment.ENVIRONMENT_DEVELOPMENT))
            .getDecision();

    Explanation e =
        gateway.stub().explain(ExplainRequest.newBuilder().setDecisionId(d.getId()).build());

    assertThat(d.getState()).isEqualTo(DecisionState.DECISION_STATE_REJECTED);
    assertThat(e.getDefaultDeny()).isTrue();
    assertThat(e.getEffect()).isEqualTo(PolicyEffect.POLICY_EFFECT_DENY);
    assertThat(e.getDecisionId()).isEqualTo(d.getId());
    assertThat(e.getDecisionRevision()).isEqualTo(1);
    assertThat(e.getEvidenceHash()).isEqualTo(d.getEvidenceHash());
    assertThat(e.getRulesList())
        .extracting(RuleResult::getRuleId)
        .startsWith("deny-scale-to-zero", "staging-scale-up", "prod-rollback-two", "prod-one")
        .contains("guard:kill-switch", "guard:stale-twin");
    assertThat(e.getRulesList().subList(0, 4)).noneMatch(RuleResult::getMatched);
    assertThat(e.getRules(0).getReason()).contains("inputs: remediation.kind = \"ROLLBACK\"");
  }

  @Test
  void shouldExplainADryRunWithoutRecordingAnythingWhenARequestIsExplained() {
    Explanation e =
        gateway
            .stub()
            .explain(
                ExplainRequest.newBuilder()
                    .setRequest(
                        request("r-dry", Fixtures.scaleUp(), Environment.ENVIRONMENT_STAGING))
                    .build());

    assertThat(e.getEffect()).isEqualTo(PolicyEffect.POLICY_EFFECT_ALLOW);
    assertThat(e.getDecisionId()).isEmpty();
    assertThat(e.getDecisionRevision()).isZero();
    assertThat(gateway.store.audit().size()).isZero();
  }

  @Test
  void shouldAskForApprovalInsteadOfAllowingWhenTheEvidenceIsStale() {
    gateway.clock.advance(Duration.ofHours(2));

    Decision d =
        submit(request("r-stale", Fixtures.scaleUp(), Environment.ENVIRONMENT_STAGING))
            .getDecision();

    assertThat(d.getState()).isEqualTo(DecisionState.DECISION_STATE_PENDING_APPROVAL);
    assertThat(d.getMatchedRulesList())
        .extracting(RuleResult::getRuleId)
        .contains("staging-scale-up", "guard:stale-evidence");
  }

  @Test
  void shouldRefuseEvidenceOfAnotherActionWhenTheRemediationIdIsReused() {
    Remediation changed =
        Fixtures.scaleUp().toBuilder().setScale(Remediation.Scale.newBuilder().setDelta(9)).build();

    StatusRuntimeException error =
        failure(() -> submit(request("r-other", changed, Environment.ENVIRONMENT_STAGING)));

    assertThat(error.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
    assertThat(gateway.store.audit().size()).isZero();
  }

  @Test
  void shouldWaitForEvidenceWhenNoEvaluationIsNamed() {
    RemediationRequest r =
        request("r-pending", Fixtures.scaleUp(), Environment.ENVIRONMENT_PRODUCTION).toBuilder()
            .clearEvaluationId()
            .build();

    Decision d = submit(r).getDecision();

    assertThat(d.getState()).isEqualTo(DecisionState.DECISION_STATE_PENDING_EVIDENCE);
    assertThat(d.getEvidenceHash()).isEmpty();
    assertThat(d.hasExpiresAt()).isTrue();
  }

  @Test
  void shouldAnswerInvalidArgumentNamingTheFieldWhenTheRequestIdIsMalformed() {
    StatusRuntimeException error =
        failure(
            () -> submit(request("bad id!", Fixtures.scaleUp(), Environment.ENVIRONMENT_STAGING)));

    assertThat(error.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    BadRequest details = badRequest(error);
    assertThat(details.getFieldViolations(0).getField()).isEqualTo("request_id");
    assertThat(details.getFieldViolations(0).getDescription()).contains("bad id!");
  }

  @Test
  void shouldAnswerInvalidArgumentWhenTheRemediationIsMissing() {
    RemediationRequest r =
        request("r-none", Fixtures.scaleUp(), Environment.ENVIRONMENT_STAGING).toBuilder()
            .clearRemediation()
            .build();

    StatusRuntimeException error = failure(() -> submit(r));

    assertThat(error.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(badRequest(error).getFieldViolations(0).getField()).isEqualTo("remediation");
  }

  @Test
  void shouldAnswerNotFoundWhenTheEvaluationOrTheDecisionIsUnknown() {
    RemediationRequest r =
        request("r-unknown", Fixtures.scaleUp(), Environment.ENVIRONMENT_STAGING).toBuilder()
            .setEvaluationId("eval-missing")
            .build();

    assertThat(failure(() -> submit(r)).getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
    assertThat(failure(() -> get("dec-0123456789abcdef0123456789abcdef")).getStatus().getCode())
        .isEqualTo(Status.Code.NOT_FOUND);
    assertThat(failure(() -> get("nonsense")).getStatus().getCode())
        .isEqualTo(Status.Code.NOT_FOUND);
    assertThat(gateway.store.audit().size()).isZero();
  }

  @Test
  void shouldReturnOneDecisionAndOneAuditEntryWhenTheSameSubmitIsReplayedAThousandTimes() {
    RemediationRequest r = request("r-replay", Fixtures.scaleUp(), Environment.ENVIRONMENT_STAGING);
    SubmitResponse first = submit(r);

    int created = 0;
    for (int i = 0; i < 1_000; i++) {
      SubmitResponse again = submit(r);
      assertThat(again.getDecision()).isEqualTo(first.getDecision());
      created += again.getCreated() ? 1 : 0;
    }

    assertThat(first.getCreated()).isTrue();
    assertThat(created).isZero();
    assertThat(gateway.store.audit().size()).isEqualTo(1);
  }

  @Test
  void shouldCreateOneDecisionWhenTheSameSubmitRacesOnEightThreads() throws Exception {
    RemediationRequest r =
        request("r-race", Fixtures.restart(), Environment.ENVIRONMENT_PRODUCTION);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<SubmitResponse>> answers = new ArrayList<>();
    try {
      for (int i = 0; i < 200; i++) {
        answers.add(pool.submit(() -> submit(r)));
      }
      List<SubmitResponse> responses = new ArrayList<>();
      for (Future<SubmitResponse> a : answers) {
        responses.add(a.get(60, TimeUnit.SECONDS));
      }

      assertThat(responses).filteredOn(SubmitResponse::getCreated).hasSize(1);
      assertThat(responses)
          .extracting(SubmitResponse::getDecision)
          .containsOnly(responses.get(0).getDecision());
      assertThat(gateway.store.audit().size()).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void shouldAnswerAlreadyExistsWhenARequestIdIsReusedForAChangedRequest() {
    RemediationRequest r = request("r-reuse", Fixtures.scaleUp(), Environment.ENVIRONMENT_STAGING);
    Decision d = submit(r).getDecision();

    StatusRuntimeException error =
        failure(() -> submit(r.toBuilder().setReason("another reason").build()));

    assertThat(error.getStatus().getCode()).isEqualTo(Status.Code.ALREADY_EXISTS);
    assertThat(get(d.getId())).isEqualTo(d);
    assertThat(gateway.store.audit().size()).isEqualTo(1);
  }

  @Test
  void shouldRefuseSelfApprovalWhenTheRequesterApproves() {
    Decision d =
        submit(request("r-self", Fixtures.restart(), Environment.ENVIRONMENT_PRODUCTION))
            .getDecision();

    StatusRuntimeException error =
        failure(() -> approve(d, d.getRequest().getRequester(), d.getRevision()));

    assertThat(error.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
    assertThat(get(d.getId()).getRevision()).isEqualTo(1);
  }

  @Test
  void shouldApproveAfterTwoDistinctReviewersAndKeepTheAuditChainIntactWhenTwoAreRequired() {
    Decision d =
        submit(request("r-two", Fixtures.rollback(), Environment.ENVIRONMENT_PRODUCTION))
            .getDecision();
    assertThat(d.getRequiredApprovers()).isEqualTo(2);
    assertThat(d.getExpiresAt().getSeconds())
        .isEqualTo(GatewayHarness.START.plus(Duration.ofMinutes(30)).getEpochSecond());

    Decision once = approve(d, "alice", 1);
    StatusRuntimeException twice = failure(() -> approve(once, "alice", 2));
    StatusRuntimeException stale = failure(() -> approve(once, "bob", 1));
    Decision done = approve(once, "bob", 2);
    StatusRuntimeException after = failure(() -> approve(done, "carol", 3));

    assertThat(once.getState()).isEqualTo(DecisionState.DECISION_STATE_PENDING_APPROVAL);
    assertThat(once.getRevision()).isEqualTo(2);
    assertThat(twice.getStatus().getCode()).isEqualTo(Status.Code.ALREADY_EXISTS);
    assertThat(stale.getStatus().getCode()).isEqualTo(Status.Code.ABORTED);
    assertThat(done.getState()).isEqualTo(DecisionState.DECISION_STATE_APPROVED);
    assertThat(done.getRevision()).isEqualTo(3);
    assertThat(done.getReviewsList())
        .extracting(r -> r.getReviewer())
        .containsExactly("alice", "bob");
    assertThat(after.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
    assertThat(gateway.store.audit().read("-", 10))
        .extracting(AuditEntry::key)
        .containsExactly(
            "decision:" + d.getId() + ":1",
            "decision:" + d.getId() + ":2",
            "decision:" + d.getId() + ":3");
    assertThat(gateway.store.audit().verifyChain())
        .isEqualTo(new ChainVerification.Intact(3, gateway.store.audit().head().orElseThrow()));
  }

  @Test
  void shouldRefuseApprovalAndMarkExpiredWhenExpiresAtHasPassed() {
    Decision d =
        submit(request("r-expire", Fixtures.restart(), Environment.ENVIRONMENT_PRODUCTION))
            .getDecision();
    gateway.clock.advance(Duration.ofHours(2));

    StatusRuntimeException error = failure(() -> approve(d, "alice", 1));

    assertThat(error.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
    assertThat(error.getStatus().getDescription()).contains("expired");
    assertThat(get(d.getId()).getState()).isEqualTo(DecisionState.DECISION_STATE_EXPIRED);
    assertThat(gateway.store.audit().verifyChain().intact()).isTrue();
  }

  @Test
  void shouldRejectWhenAReviewerRejectsWithAReason() {
    Decision d =
        submit(request("r-reject", Fixtures.restart(), Environment.ENVIRONMENT_PRODUCTION))
            .getDecision();
    RejectRequest.Builder reject =
        RejectRequest.newBuilder()
            .setDecisionId(d.getId())
            .setReviewer("alice")
            .setChannel(ReviewChannel.REVIEW_CHANNEL_GRPC)
            .setExpectedRevision(1);

    StatusRuntimeException noReason = failure(() -> gateway.stub().reject(reject.build()));
    Decision rejected = gateway.stub().reject(reject.setReason("traffic recovering").build());

    assertThat(noReason.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(rejected.getState()).isEqualTo(DecisionState.DECISION_STATE_REJECTED);
    assertThat(rejected.getReasonsList()).last().asString().contains("traffic recovering");
  }

  @Test
  void shouldCancelOnceAndRefuseWhenTheDecisionIsAlreadyTerminal() {
    Decision d =
        submit(request("r-cancel", Fixtures.scaleUp(), Environment.ENVIRONMENT_STAGING))
            .getDecision();
    CancelRequest.Builder cancel =
        CancelRequest.newBuilder()
            .setDecisionId(d.getId())
            .setActor("loop:checkout-guard")
            .setReason("recovered on its own")
            .setExpectedRevision(1);

    Decision cancelled = gateway.stub().cancel(cancel.build());
    StatusRuntimeException again =
        failure(() -> gateway.stub().cancel(cancel.setExpectedRevision(2).build()));

    assertThat(cancelled.getState()).isEqualTo(DecisionState.DECISION_STATE_CANCELLED);
    assertThat(again.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
  }

  @Test
  void shouldAnswerUnavailableAndWriteNothingWhenRedisIsStopped() {
    RemediationRequest r = request("r-down", Fixtures.scaleUp(), Environment.ENVIRONMENT_STAGING);
    var redis = gateway.stopRedis();

    StatusRuntimeException error = failure(() -> submit(r));

    assertThat(error.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
    try (var restarted = io.rehearsal.store.EmbeddedRedis.start(redis.dataDir(), redis.port())) {
      assertThat(gateway.store.audit().size()).isZero();
      assertThat(gateway.store.decisions().get(DecisionDesk.decisionId(r.getRequestId())))
          .isEmpty();
    }
  }

  private SubmitResponse submit(RemediationRequest r) {
    return gateway.stub().submit(r);
  }

  private Decision get(String id) {
    return gateway.stub().getDecision(GetDecisionRequest.newBuilder().setDecisionId(id).build());
  }

  private Decision approve(Decision d, String reviewer, long revision) {
    return gateway
        .stub()
        .approve(
            ApproveRequest.newBuilder()
                .setDecisionId(d.getId())
                .setReviewer(reviewer)
                .setChannel(ReviewChannel.REVIEW_CHANNEL_GRPC)
                .setExpectedRevision(revision)
                .build());
  }

  private static StatusRuntimeException failure(Runnable call) {
    return catchThrowableOfType(StatusRuntimeException.class, call::run);
  }

  private static BadRequest badRequest(StatusRuntimeException error) {
    com.google.rpc.Status status = StatusProto.fromThrowable(error);
    try {
      return status.getDetails(0).unpack(BadRequest.class);
    } catch (com.google.protobuf.InvalidProtocolBufferException e) {
      throw new AssertionError(e);
    }
  }
}
