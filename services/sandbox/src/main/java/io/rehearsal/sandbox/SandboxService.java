package io.rehearsal.sandbox;

import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.quarkus.grpc.GrpcService;
import io.rehearsal.proto.v1.EvaluateRequest;
import io.rehearsal.proto.v1.Evaluation;
import io.rehearsal.proto.v1.EvaluationEvent;
import io.rehearsal.proto.v1.GetEvaluationRequest;
import io.rehearsal.proto.v1.SandboxGrpc;
import io.rehearsal.sandbox.evaluation.PreparedEvaluation;
import io.smallrye.common.annotation.Blocking;

/**
 * The gRPC {@code rehearsal.v1.Sandbox} service, a thin adapter: the request is validated and
 * mapped to the twin (errors answer INVALID_ARGUMENT naming the field, NOT_FOUND or
 * FAILED_PRECONDITION for the twin snapshot), then the evaluation runs on the sandbox's pool and
 * streams its events; nothing a client sends crashes the service.
 */
@GrpcService
class SandboxService extends SandboxGrpc.SandboxImplBase {

  private final SandboxRuntime runtime;

  SandboxService(SandboxRuntime runtime) {
    this.runtime = runtime;
  }

  @Override
  @Blocking
  public void evaluate(EvaluateRequest request, StreamObserver<EvaluationEvent> events) {
    try {
      PreparedEvaluation prepared = runtime.prepare(request);
      runtime.start(prepared, new EventSink(events));
    } catch (RuntimeException e) {
      events.onError(Statuses.of(e));
    }
  }

  @Override
  @Blocking
  public void getEvaluation(GetEvaluationRequest request, StreamObserver<Evaluation> response) {
    String id = request.getEvaluationId();
    try {
      if (id.isBlank()) {
        throw Status.INVALID_ARGUMENT
            .withDescription("evaluation_id: must name an evaluation, but was empty")
            .asRuntimeException();
      }
      Evaluation found =
          runtime
              .find(id)
              .orElseThrow(
                  () ->
                      Status.NOT_FOUND
                          .withDescription("evaluation '" + id + "' not found")
                          .asRuntimeException());
      response.onNext(found);
      response.onCompleted();
    } catch (RuntimeException e) {
      response.onError(Statuses.of(e));
    }
  }
}
