package io.rehearsal.gateway.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.protobuf.Duration;
import io.rehearsal.proto.v1.BlastRadius;
import io.rehearsal.proto.v1.Environment;
import io.rehearsal.proto.v1.Remediation;
import io.rehearsal.proto.v1.RemediationRequest;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RequestValidatorTest {

  private static final RemediationRequest VALID =
      RemediationRequest.newBuilder()
          .setRequestId("loop-7/inc-42".replace('/', ':'))
          .setRemediation(
              Remediation.newBuilder()
                  .setId("scale-checkout")
                  .setScale(Remediation.Scale.newBuilder().setDelta(1)))
          .setEnvironment(Environment.ENVIRONMENT_STAGING)
          .setEvaluationId("eval-1")
          .setRequester("loop:guard")
          .build();

  static Stream<Arguments> malformed() {
    return Stream.of(
        broken("request_id", b -> b.setRequestId("")),
        broken("request_id", b -> b.setRequestId("has space")),
        broken("request_id", b -> b.setRequestId("x".repeat(129))),
        broken("remediation", b -> b.clearRemediation()),
        broken(
            "remediation.id", b -> b.setRemediation(VALID.getRemediation().toBuilder().setId(""))),
        broken(
            "remediation.action",
            b -> b.setRemediation(VALID.getRemediation().toBuilder().clearAction())),
        broken(
            "remediation.blast_radius.traffic_fraction",
            b ->
                b.setRemediation(
                    VALID.getRemediation().toBuilder()
                        .setBlastRadius(BlastRadius.newBuilder().setTrafficFraction(1.5)))),
        broken("environment", b -> b.clearEnvironment()),
        broken("evaluation_id", b -> b.setEvaluationId("-starts-with-dash")),
        broken("requester", b -> b.setRequester(" ")),
        broken("ttl", b -> b.setTtl(Duration.newBuilder().setSeconds(-5))));
  }

  private static Arguments broken(String field, UnaryOperator<RemediationRequest.Builder> change) {
    return Arguments.of(field, change.apply(VALID.toBuilder()).build());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformed")
  void shouldNameTheFieldWhenTheRequestIsMalformed(String field, RemediationRequest request) {
    GatewayException e =
        catchThrowableOfType(GatewayException.class, () -> RequestValidator.validate(request));

    assertThat(e.reason()).isEqualTo(GatewayException.Reason.INVALID_ARGUMENT);
    assertThat(e.field()).hasValue(field);
  }

  @Test
  void shouldAcceptWhenEveryFieldIsWellFormed() {
    assertThatCode(() -> RequestValidator.validate(VALID)).doesNotThrowAnyException();
    assertThatCode(() -> RequestValidator.validate(VALID.toBuilder().clearEvaluationId().build()))
        .doesNotThrowAnyException();
  }
}
