package io.rehearsal.sandbox.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.Duration;
import io.rehearsal.proto.v1.RateLimitScope;
import io.rehearsal.proto.v1.Remediation;
import io.rehearsal.proto.v1.Target;
import io.rehearsal.rehearse.evaluation.Candidate;
import io.rehearsal.sandbox.testing.ReferenceShop;
import io.rehearsal.twin.spec.RemediationKind;
import io.rehearsal.twin.spec.TwinSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class CandidateMapperTest {

  private static final TwinSpec TWIN = ReferenceShop.twin();
  private final CandidateMapper mapper = new CandidateMapper(TWIN, 90);

  @Test
  void shouldScaleRelativeToTheForkedReplicasWhenADeltaIsGiven() {
    Candidate c = mapper.candidate(ReferenceShop.scale("s", "catalog", 3), "candidates[0]");

    io.rehearsal.twin.spec.Remediation r = c.remediations().get(0);
    assertThat(r.kind()).isEqualTo(RemediationKind.SCALE);
    assertThat(r.target()).isEqualTo("catalog");
    assertThat(r.value()).isEqualTo(5.0);
    assertThat(r.at()).isEqualTo(90);
    assertThat(r.delay()).isEqualTo(10);
    assertThat(c.blastRadius()).isEqualTo(0.5);
  }

  @Test
  void shouldMultiplyByReplicasWhenARateLimitIsPerReplica() {
    Remediation limit =
        base("rl", Target.newBuilder().setService("catalog").build())
            .setRateLimit(
                Remediation.RateLimit.newBuilder()
                    .setRequestsPerSecond(10)
                    .setScope(RateLimitScope.RATE_LIMIT_SCOPE_PER_REPLICA))
            .build();

    assertThat(mapper.candidate(limit, "c").remediations().get(0).value()).isEqualTo(20.0);
  }

  @Test
  void shouldShedEveryEntryEndpointWhenTheTargetIsEmpty() {
    Remediation shed =
        base("shed", Target.getDefaultInstance())
            .setShedLoad(Remediation.ShedLoad.newBuilder().setFraction(0.3))
            .build();

    assertThat(mapper.candidate(shed, "c").remediations())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.target()).isEqualTo("*");
              assertThat(r.value()).isEqualTo(0.3);
            });
  }

  @Test
  void shouldChangeEveryCallOfTheTargetWhenATimeoutChangeHasNoCallee() {
    Remediation timeout =
        base("t", Target.newBuilder().setService("frontend").setEndpoint("GET /browse").build())
            .setTimeoutChange(
                Remediation.TimeoutChange.newBuilder()
                    .setTimeout(Duration.newBuilder().setNanos(300_000_000)))
            .build();

    List<io.rehearsal.twin.spec.Remediation> rs = mapper.candidate(timeout, "c").remediations();

    assertThat(rs)
        .isNotEmpty()
        .allSatisfy(
            r -> {
              assertThat(r.kind()).isEqualTo(RemediationKind.CALL_POLICY);
              assertThat(r.target()).isEqualTo("frontend/GET /browse");
              assertThat(r.value()).isEqualTo(0.3);
            });
    assertThat(rs)
        .extracting(io.rehearsal.twin.spec.Remediation::to)
        .contains("catalog/GET /items");
  }

  @Test
  void shouldReachTheCalleesRequestClassWhenCalibrationSplitTheEndpointByCaller() {
    Remediation timeout =
        base("t", Target.newBuilder().setService("catalog").setEndpoint("GET /items").build())
            .setTimeoutChange(
                Remediation.TimeoutChange.newBuilder()
                    .setTimeout(Duration.newBuilder().setNanos(100_000_000))
                    .setCallee(
                        Target.newBuilder().setService("inventory").setEndpoint("GET /stock")))
            .build();

    assertThat(mapper.candidate(timeout, "c").remediations())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.target()).isEqualTo("catalog/GET /items");
              assertThat(r.to()).isEqualTo("inventory/GET /stock @ catalog/GET /items");
              assertThat(r.value()).isEqualTo(0.1);
            });
    Remediation elsewhere =
        timeout.toBuilder()
            .setTimeoutChange(
                timeout.getTimeoutChange().toBuilder()
                    .setCallee(
                        Target.newBuilder().setService("inventory").setEndpoint("POST /reserve")))
            .build();
    assertThatThrownBy(() -> mapper.candidate(elsewhere, "c"))
        .hasMessageContaining("the target makes no call to");
  }

  @Test
  void shouldKeepUnsetRetryFieldsWhenARetryChangeIsMapped() {
    Remediation retry =
        base("r", Target.newBuilder().setService("frontend").setEndpoint("GET /browse").build())
            .setRetryChange(
                Remediation.RetryChange.newBuilder()
                    .setMaxAttempts(1)
                    .setCallee(Target.newBuilder().setService("catalog").setEndpoint("GET /items")))
            .build();

    io.rehearsal.twin.spec.Remediation r = mapper.candidate(retry, "c").remediations().get(0);

    assertThat(r.to()).isEqualTo("catalog/GET /items");
    assertThat(r.retry().maxRetries()).isZero();
  }

  @Test
  void shouldNameTheCalleeWhenTheTargetMakesNoSuchCall() {
    Remediation retry =
        base("r", Target.newBuilder().setService("cart").build())
            .setRetryChange(
                Remediation.RetryChange.newBuilder()
                    .setCallee(Target.newBuilder().setDependency("payment-gateway")))
            .build();

    assertThatThrownBy(() -> mapper.candidate(retry, "candidates[4]"))
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e -> assertThat(e.field()).isEqualTo("candidates[4].retry_change.callee"))
        .hasMessageContaining("'payment-gateway'");
  }

  @Test
  void shouldRejectWithTheFieldWhenNoActionIsSet() {
    assertThatThrownBy(
            () -> mapper.candidate(base("x", Target.getDefaultInstance()).build(), "candidates[2]"))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageStartingWith("candidates[2]: exactly one action");
  }

  @Test
  void shouldRejectWhenADeltaWouldLeaveNegativeReplicas() {
    assertThatThrownBy(() -> mapper.candidate(ReferenceShop.scale("s", "cart", -5), "c"))
        .isInstanceOfSatisfying(
            InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("c.scale.delta"))
        .hasMessageContaining("-5");
  }

  @Test
  void shouldRejectRegionsTheTwinDoesNotHaveWhenRerouting() {
    Remediation reroute =
        base("rr", Target.getDefaultInstance())
            .setReroute(
                Remediation.Reroute.newBuilder()
                    .addWeights(
                        Remediation.Reroute.RouteWeight.newBuilder()
                            .setRegion("mars")
                            .setWeight(1)))
            .build();

    assertThatThrownBy(() -> mapper.candidate(reroute, "c"))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("c.reroute.weights[0].region")
        .hasMessageContaining("'mars'");
  }

  @Test
  void shouldRejectBlankAndDuplicateIdsWhenMappingAll() {
    assertThatThrownBy(() -> mapper.candidates(List.of(ReferenceShop.scale("", "cart", 1))))
        .hasMessageStartingWith("candidates[0].id");
    assertThatThrownBy(() -> mapper.candidates(List.of())).hasMessageStartingWith("candidates: ");
  }

  private static Remediation.Builder base(String id, Target target) {
    return Remediation.newBuilder().setId(id).setTarget(target);
  }
}
