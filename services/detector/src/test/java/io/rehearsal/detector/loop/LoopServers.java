package io.rehearsal.detector.loop;

import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import io.rehearsal.proto.v1.Decision;
import io.rehearsal.proto.v1.DecisionState;
import io.rehearsal.proto.v1.EvaluateRequest;
import io.rehearsal.proto.v1.Evaluation;
import io.rehearsal.proto.v1.EvaluationEvent;
import io.rehearsal.proto.v1.EvaluationStatus;
import io.rehearsal.proto.v1.Evidence;
import io.rehearsal.proto.v1.ExecutionResult;
import io.rehearsal.proto.v1.FaultHypothesis;
import io.rehearsal.proto.v1.GetDecisionRequest;
import io.rehearsal.proto.v1.PolicyGatewayGrpc;
import io.rehearsal.proto.v1.RecommendationKind;
import io.rehearsal.proto.v1.Remediation;
import io.rehearsal.proto.v1.RemediationRequest;
import io.rehearsal.proto.v1.ReportOutcomeRequest;
import io.rehearsal.proto.v1.SandboxGrpc;
import io.rehearsal.proto.v1.SubmitResponse;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Real gRPC servers on loopback implementing the Sandbox and PolicyGateway contracts minimally, for
 * the loop's tests: the sandbox streams Accepted, Progress and a result that ranks the request's
 * candidates last-first (so "best" is not simply the first proposal) and reports the fault
 * hypotheses a test sets in {@link #hypotheses}; the gateway checks the bearer token, refuses the
 * first Submit with UNAVAILABLE (so the retry is exercised), keeps one decision per request id (a
 * retry is a replay), answers APPROVED, then EXECUTING on the first GetDecision, and moves to
 * SUCCEEDED or FAILED on ReportOutcome.
 */
final class LoopServers implements AutoCloseable {
  static final String TOKEN = "loop-test-token";
  static final String EVALUATION_ID = "ev-loop-test-0001";
  private static final Metadata.Key<String> AUTHORIZATION =
      Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

  final List<EvaluateRequest> evaluations = Collections.synchronizedList(new ArrayList<>());
  final List<RemediationRequest> submits = Collections.synchronizedList(new ArrayList<>());
  final List<ReportOutcomeRequest> reports = Collections.synchronizedList(new ArrayList<>());
  final AtomicInteger unauthenticated = new AtomicInteger();

  /** The fault hypotheses the sandbox's result reports (best fit first); none unless set. */
  volatile List<FaultHypothesis> hypotheses = List.of();

  private final Map<String, Decision> decisions = new HashMap<>();
  private final AtomicInteger submitCalls = new AtomicInteger();
  private final Server sandbox;
  private final Server gateway;

  LoopServers() throws IOException {
    this(0, 0);
  }

  /** Servers on these ports (0: any free one). */
  LoopServers(int sandboxPort, int gatewayPort) throws IOException {
    sandbox = start(new FakeSandbox().bindService(), sandboxPort);
    gateway =
        start(ServerInterceptors.intercept(new FakeGateway(), new BearerCheck()), gatewayPort);
  }

  private static Server start(io.grpc.ServerServiceDefinition service, int port)
      throws IOException {
    return NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", port))
        .addService(service)
        .build()
        .start();
  }

  String sandboxTarget() {
    return "127.0.0.1:" + sandbox.getPort();
  }

  String gatewayTarget() {
    return "127.0.0.1:" + gateway.getPort();
  }

  @Override
  public void close() throws InterruptedException {
    sandbox.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    gateway.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }

  private final class FakeSandbox extends SandboxGrpc.SandboxImplBase {
    @Override
    public void evaluate(EvaluateRequest request, StreamObserver<EvaluationEvent> events) {
      evaluations.add(request);
      events.onNext(
          EvaluationEvent.newBuilder()
              .setAccepted(EvaluationEvent.Accepted.newBuilder().setEvaluationId(EVALUATION_ID))
              .build());
      events.onNext(
          EvaluationEvent.newBuilder()
              .setProgress(EvaluationEvent.Progress.newBuilder().setMessage("simulating"))
              .build());
      Evaluation.Builder e =
          Evaluation.newBuilder()
              .setId(EVALUATION_ID)
              .setIncidentId(request.getIncident().getId())
              .setTwinSnapshotHash(request.getTwinSnapshotHash())
              .setStatus(EvaluationStatus.EVALUATION_STATUS_SUCCEEDED)
              .setRecommendationKind(RecommendationKind.RECOMMENDATION_KIND_BEST_MITIGATION)
              .addAllFaultHypotheses(hypotheses);
      List<Remediation> ranked = new ArrayList<>(request.getCandidatesList());
      Collections.reverse(ranked);
      for (int i = 0; i < ranked.size(); i++) {
        e.addRanking(ranked.get(i).getId())
            .addEvidence(
                Evidence.newBuilder()
                    .setCandidate(ranked.get(i))
                    .setEvaluationId(EVALUATION_ID)
                    .setRank(i + 1));
      }
      e.setRecommendation(ranked.get(0).getId() + " mitigates best");
      events.onNext(EvaluationEvent.newBuilder().setResult(e).build());
      events.onCompleted();
    }
  }

  private final class FakeGateway extends PolicyGatewayGrpc.PolicyGatewayImplBase {
    @Override
    public void submit(RemediationRequest request, StreamObserver<SubmitResponse> answer) {
      submits.add(request);
      if (submitCalls.incrementAndGet() == 1) {
        answer.onError(Status.UNAVAILABLE.withDescription("gateway restarting").asException());
        return;
      }
      synchronized (decisions) {
        boolean created = !decisions.containsKey(request.getRequestId());
        Decision d =
            decisions.computeIfAbsent(
                request.getRequestId(),
                k ->
                    Decision.newBuilder()
                        .setId("dec-" + (decisions.size() + 1))
                        .setRequest(request)
                        .setEvaluationId(request.getEvaluationId())
                        .setState(DecisionState.DECISION_STATE_APPROVED)
                        .addReasons("rule test-allow matched")
                        .build());
        decisions.put(d.getId(), d);
        answer.onNext(SubmitResponse.newBuilder().setDecision(d).setCreated(created).build());
      }
      answer.onCompleted();
    }

    @Override
    public void getDecision(GetDecisionRequest request, StreamObserver<Decision> answer) {
      synchronized (decisions) {
        Decision d = decisions.get(request.getDecisionId());
        if (d == null) {
          answer.onError(Status.NOT_FOUND.asException());
          return;
        }
        if (d.getState() == DecisionState.DECISION_STATE_APPROVED) {
          d = d.toBuilder().setState(DecisionState.DECISION_STATE_EXECUTING).build();
          decisions.put(d.getId(), d);
        }
        answer.onNext(d);
      }
      answer.onCompleted();
    }

    @Override
    public void reportOutcome(ReportOutcomeRequest request, StreamObserver<Decision> answer) {
      reports.add(request);
      synchronized (decisions) {
        Decision d = decisions.get(request.getDecisionId());
        boolean ok = request.getReport().getResult() == ExecutionResult.EXECUTION_RESULT_SUCCEEDED;
        d =
            d.toBuilder()
                .setState(
                    ok
                        ? DecisionState.DECISION_STATE_SUCCEEDED
                        : DecisionState.DECISION_STATE_FAILED)
                .setExecution(request.getReport())
                .build();
        decisions.put(d.getId(), d);
        answer.onNext(d);
      }
      answer.onCompleted();
    }
  }

  /** Stands in for the gateway's JWT check: the one token, else UNAUTHENTICATED. */
  private final class BearerCheck implements ServerInterceptor {
    @Override
    public <Q, A> ServerCall.Listener<Q> interceptCall(
        ServerCall<Q, A> call, Metadata headers, ServerCallHandler<Q, A> next) {
      if (!("Bearer " + TOKEN).equals(headers.get(AUTHORIZATION))) {
        unauthenticated.incrementAndGet();
        call.close(Status.UNAUTHENTICATED.withDescription("no bearer token"), new Metadata());
        return new ServerCall.Listener<>() {};
      }
      return next.startCall(call, headers);
    }
  }
}
