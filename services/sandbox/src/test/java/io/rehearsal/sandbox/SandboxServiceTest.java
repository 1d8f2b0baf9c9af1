package io.rehearsal.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.test.junit.QuarkusTest;
import io.rehearsal.proto.v1.EvaluateRequest;
import io.rehearsal.proto.v1.GetEvaluationRequest;
import io.rehearsal.proto.v1.SandboxGrpc;
import io.rehearsal.service.testing.ServiceContract;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SandboxServiceTest extends ServiceContract {

  @Override
  protected List<String> hostedServices() {
    return List.of("rehearsal.v1.Sandbox");
  }

  @Test
  void shouldAnswerUnimplementedNamingTheIssueWhenEvaluateIsCalled() {
    StatusRuntimeException error =
        catchThrowableOfType(
            StatusRuntimeException.class,
            () ->
                SandboxGrpc.newBlockingStub(probe.channel())
                    .evaluate(EvaluateRequest.getDefaultInstance())
                    .hasNext());

    assertThat(error.getStatus().getCode()).isEqualTo(Status.Code.UNIMPLEMENTED);
    assertThat(error.getStatus().getDescription())
        .startsWith("rehearsal.v1.Sandbox/Evaluate is not built yet")
        .contains("sandbox issue");
  }

  @Test
  void shouldAnswerUnimplementedNamingTheIssueWhenGetEvaluationIsCalled() {
    StatusRuntimeException error =
        catchThrowableOfType(
            StatusRuntimeException.class,
            () ->
                SandboxGrpc.newBlockingStub(probe.channel())
                    .getEvaluation(GetEvaluationRequest.getDefaultInstance()));

    assertThat(error.getStatus().getCode()).isEqualTo(Status.Code.UNIMPLEMENTED);
    assertThat(error.getStatus().getDescription()).contains("sandbox issue");
  }
}
