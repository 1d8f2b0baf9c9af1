package io.rehearsal.gateway;

import io.grpc.MethodDescriptor;
import io.grpc.stub.StreamObserver;
import io.quarkus.grpc.GrpcService;
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

/** The gRPC {@code rehearsal.v1.PolicyGateway} service: decides whether a remediation may run. */
@GrpcService
class PolicyGatewayService extends PolicyGatewayGrpc.PolicyGatewayImplBase {

  static final String GATEWAY_ISSUE =
      "the policy-gateway issue (policies, decisions, approvals on the web and in Slack, audit)";

  @Override
  public void submit(RemediationRequest request, StreamObserver<SubmitResponse> response) {
    notBuilt(PolicyGatewayGrpc.getSubmitMethod(), response);
  }

  @Override
  public void getDecision(GetDecisionRequest request, StreamObserver<Decision> response) {
    notBuilt(PolicyGatewayGrpc.getGetDecisionMethod(), response);
  }

  @Override
  public void watchDecisions(
      WatchDecisionsRequest request, StreamObserver<DecisionEvent> response) {
    notBuilt(PolicyGatewayGrpc.getWatchDecisionsMethod(), response);
  }

  @Override
  public void approve(ApproveRequest request, StreamObserver<Decision> response) {
    notBuilt(PolicyGatewayGrpc.getApproveMethod(), response);
  }

  @Override
  public void reject(RejectRequest request, StreamObserver<Decision> response) {
    notBuilt(PolicyGatewayGrpc.getRejectMethod(), response);
  }

  @Override
  public void cancel(CancelRequest request, StreamObserver<Decision> response) {
    notBuilt(PolicyGatewayGrpc.getCancelMethod(), response);
  }

  @Override
  public void reportOutcome(ReportOutcomeRequest request, StreamObserver<Decision> response) {
    notBuilt(PolicyGatewayGrpc.getReportOutcomeMethod(), response);
  }

  @Override
  public void explain(ExplainRequest request, StreamObserver<Explanation> response) {
    notBuilt(PolicyGatewayGrpc.getExplainMethod(), response);
  }

  private static void notBuilt(MethodDescriptor<?, ?> method, StreamObserver<?> response) {
    response.onError(NotBuiltYet.error(method, GATEWAY_ISSUE));
  }
}
