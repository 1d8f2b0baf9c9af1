package io.rehearsal.gateway;

import io.grpc.MethodDescriptor;
import io.grpc.stub.StreamObserver;
import io.quarkus.grpc.GrpcService;
import io.rehearsal.gateway.decision.DecisionDesk;
import io.rehearsal.gateway.decision.Submitted;
import io.rehearsal.proto.v1.ApproveRequest;
import io.rehearsal.proto.v1.CancelRequest;
import io.rehearsal.proto.v1.Decision;
import io.rehearsal.proto.v1.DecisionEvent;
import io.rehearsal.proto.v1.ExplainRequest;
import io.rehearsal.proto.v1.Explanation;
import io.rehearsal.proto.v1.GetDecisionRequest;
import io.rehearsal.proto.v1.PolicyGatewayGrpc;
import io.rehearsal.proto.v1.RejectRequest;
import io.rehearsal.proto.v1.RemediationRequest;
import io.rehearsal.proto.v1.ReportOutcomeRequest;
import io.rehearsal.proto.v1.SubmitResponse;
import io.rehearsal.proto.v1.WatchDecisionsRequest;
import io.rehearsal.service.NotBuiltYet;
import io.smallrye.common.annotation.Blocking;
import java.util.function.Supplier;

/**
 * The gRPC {@code rehearsal.v1.PolicyGateway} service: protocol in, a {@link DecisionDesk} call,
 * protocol out. Calls block on Redis, so they run on worker threads.
 */
@GrpcService
class PolicyGatewayService extends PolicyGatewayGrpc.PolicyGatewayImplBase {

  static final String GATEWAY_ISSUE =
      "the policy-gateway issue (decision watch, outcome reports, hooks, approvals on the web and"
          + " in Slack)";

  private final DecisionDesk desk;

  PolicyGatewayService(DecisionDesk desk) {
    this.desk = desk;
  }

  @Override
  @Blocking
  public void submit(RemediationRequest request, StreamObserver<SubmitResponse> response) {
    answer(
        response,
        () -> {
          Submitted s = desk.submit(request);
          return SubmitResponse.newBuilder()
              .setDecision(s.decision())
              .setCreated(s.created())
              .build();
        });
  }

  @Override
  @Blocking
  public void getDecision(GetDecisionRequest request, StreamObserver<Decision> response) {
    answer(response, () -> desk.get(request.getDecisionId()));
  }

  @Override
  public void watchDecisions(
      WatchDecisionsRequest request, StreamObserver<DecisionEvent> response) {
    notBuilt(PolicyGatewayGrpc.getWatchDecisionsMethod(), response);
  }

  @Override
  @Blocking
  public void approve(ApproveRequest request, StreamObserver<Decision> response) {
    answer(response, () -> desk.approve(request));
  }

  @Override
  @Blocking
  public void reject(RejectRequest request, StreamObserver<Decision> response) {
    answer(response, () -> desk.reject(request));
  }

  @Override
  @Blocking
  public void cancel(CancelRequest request, StreamObserver<Decision> response) {
    answer(response, () -> desk.cancel(request));
  }

  @Override
  public void reportOutcome(ReportOutcomeRequest request, StreamObserver<Decision> response) {
    notBuilt(PolicyGatewayGrpc.getReportOutcomeMethod(), response);
  }

  @Override
  @Blocking
  public void explain(ExplainRequest request, StreamObserver<Explanation> response) {
    answer(response, () -> desk.explain(request));
  }

  private static <T> void answer(StreamObserver<T> response, Supplier<T> call) {
    T result;
    try {
      result = call.get();
    } catch (RuntimeException e) {
      response.onError(Statuses.of(e));
      return;
    }
    response.onNext(result);
    response.onCompleted();
  }

  private static void notBuilt(MethodDescriptor<?, ?> method, StreamObserver<?> response) {
    response.onError(NotBuiltYet.error(method, GATEWAY_ISSUE));
  }
}
