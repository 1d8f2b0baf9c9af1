package io.rehearsal.sandbox;

import io.grpc.stub.StreamObserver;
import io.quarkus.grpc.GrpcService;
import io.rehearsal.proto.v1.EvaluateRequest;
import io.rehearsal.proto.v1.Evaluation;
import io.rehearsal.proto.v1.EvaluationEvent;
import io.rehearsal.proto.v1.GetEvaluationRequest;
import io.rehearsal.proto.v1.SandboxGrpc;
import io.rehearsal.service.NotBuiltYet;

/** The gRPC {@code rehearsal.v1.Sandbox} service: evaluates remediations on a forked twin. */
@GrpcService
class SandboxService extends SandboxGrpc.SandboxImplBase {

  static final String SANDBOX_ISSUE =
      "the sandbox issue (fork the twin, fit the fault, rank remediations by paired evidence)";

  @Override
  public void evaluate(EvaluateRequest request, StreamObserver<EvaluationEvent> events) {
    events.onError(NotBuiltYet.error(SandboxGrpc.getEvaluateMethod(), SANDBOX_ISSUE));
  }

  @Override
  public void getEvaluation(GetEvaluationRequest request, StreamObserver<Evaluation> response) {
    response.onError(NotBuiltYet.error(SandboxGrpc.getGetEvaluationMethod(), SANDBOX_ISSUE));
  }
}
