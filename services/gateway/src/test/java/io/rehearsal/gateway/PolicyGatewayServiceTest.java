package io.rehearsal.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.test.junit.QuarkusTest;
import io.rehearsal.proto.v1.PolicyGatewayGrpc;
import io.rehearsal.proto.v1.RemediationRequest;
import io.rehearsal.proto.v1.WatchDecisionsRequest;
import io.rehearsal.service.testing.ServiceContract;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PolicyGatewayServiceTest extends ServiceContract {

  @Override
  protected List<String> hostedServices() {
    return List.of("rehearsal.v1.PolicyGateway");
  }

  @Test
  void shouldAnswerUnimplementedNamingTheIssueWhenSubmitIsCalled() {
    StatusRuntimeException error =
        catchThrowableOfType(
            StatusRuntimeException.class,
            () ->
                PolicyGatewayGrpc.newBlockingStub(probe.channel())
                    .submit(RemediationRequest.newBuilder().setRequestId("r-1").build()));

    assertThat(error.getStatus().getCode()).isEqualTo(Status.Code.UNIMPLEMENTED);
    assertThat(error.getStatus().getDescription())
        .startsWith("rehearsal.v1.PolicyGateway/Submit is not built yet")
        .contains("policy-gateway issue");
  }

  @Test
  void shouldAnswerUnimplementedNamingTheIssueWhenDecisionsAreWatched() {
    StatusRuntimeException error =
        catchThrowableOfType(
            StatusRuntimeException.class,
            () ->
                PolicyGatewayGrpc.newBlockingStub(probe.channel())
                    .watchDecisions(WatchDecisionsRequest.getDefaultInstance())
                    .hasNext());

    assertThat(error.getStatus().getCode()).isEqualTo(Status.Code.UNIMPLEMENTED);
    assertThat(error.getStatus().getDescription()).contains("policy-gateway issue");
  }
}
