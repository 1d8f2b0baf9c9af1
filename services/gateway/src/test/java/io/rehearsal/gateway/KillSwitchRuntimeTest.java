package io.rehearsal.gateway;

import static io.rehearsal.gateway.Fixtures.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.rehearsal.gateway.GatewayCircumstances.LimitSpec;
import io.rehearsal.gateway.decision.HistoryPolicy;
import io.rehearsal.gateway.dispatch.DispatchGuards;
import io.rehearsal.gateway.dispatch.KillSwitchBoard;
import io.rehearsal.proto.v1.Decision;
import io.rehearsal.proto.v1.DecisionState;
import io.rehearsal.proto.v1.Environment;
import io.rehearsal.proto.v1.GetKillSwitchRequest;
import io.rehearsal.proto.v1.KillSwitchState;
import io.rehearsal.proto.v1.SetKillSwitchRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kill switch changed at run time over real gRPC and a real redis-server: engaging it for a
 * target denies that target's next decision and blocks its dispatch, releasing it lets automation
 * run again, every change is audited, and a configured switch cannot be released.
 */
class KillSwitchRuntimeTest {

  private static final LimitSpec PLENTY = new LimitSpec(100, Duration.ofHours(1));

  @TempDir Path dataDir;
  private GatewayHarness gateway;

  @BeforeEach
  void start() {
    gateway =
        GatewayHarness.start(
            dataDir,
            GatewayHarness.Options.DEFAULT
                .withConfiguredKills(Set.of("payments"))
                .withCircumstances(
                    (store, journal) ->
                        new GatewayCircumstances(
                            DispatchGuards.NONE.withRuntime(
                                new KillSwitchBoard(
                                    false,
                                    Set.of("payments"),
                                    journal.ledger("kill-switch"),
                                    store.audit(),
                                    java.time.Clock.systemUTC())),
                            store.rateLimits(),
                            PLENTY,
                            PLENTY,
                            journal.history(),
                            HistoryPolicy.OFF)));
    Fixtures.storeEvaluation(gateway.store, GatewayHarness.START);
  }

  @AfterEach
  void stop() throws InterruptedException {
    gateway.close();
  }

  @Test
  void shouldDenyAndBlockTheTargetWhenAnOperatorEngagesItsKillSwitchAtRunTime() {
    Decision before = submit("r-before");
    long audited = gateway.store.audit().size();

    KillSwitchState engaged = set("checkout", true, "loop is flapping checkout");
    long auditedAfter = gateway.store.audit().size();
    Decision during = submit("r-during");

    assertThat(before.getState()).isEqualTo(DecisionState.DECISION_STATE_APPROVED);
    assertThat(engaged.getAll()).isFalse();
    assertThat(engaged.getTargetsList()).containsExactly("checkout", "payments");
    assertThat(engaged.getChanges(0).getActor()).isEqualTo("ops@example.com");
    assertThat(auditedAfter).isEqualTo(audited + 1);
    assertThat(gateway.store.audit().read("-", 10))
        .anySatisfy(e -> assertThat(e.key()).startsWith("kill-switch:target:checkout:"));
    assertThat(during.getState()).isEqualTo(DecisionState.DECISION_STATE_REJECTED);
    assertThat(during.getReasonsList()).anySatisfy(r -> assertThat(r).contains("kill switch"));
    assertThat(
            DispatchGuards.NONE
                .withRuntime(gateway.killSwitch)
                .refusal(before, GatewayHarness.START))
        .hasValueSatisfying(r -> assertThat(r).contains("kill switch is on for target 'checkout'"));
  }

  @Test
  void shouldAllowAgainWhenTheKillSwitchIsReleased() {
    set("", true, "stop everything: bad deploy");
    Decision stopped = submit("r-stopped");
    set("", false, "deploy rolled back");
    Decision resumed = submit("r-resumed");
    KillSwitchState state = gateway.stub().getKillSwitch(GetKillSwitchRequest.getDefaultInstance());

    assertThat(stopped.getState()).isEqualTo(DecisionState.DECISION_STATE_REJECTED);
    assertThat(resumed.getState()).isEqualTo(DecisionState.DECISION_STATE_APPROVED);
    assertThat(state.getAll()).isFalse();
    assertThat(state.getTargetsList()).containsExactly("payments");
    assertThat(state.getChangesList())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.getTarget()).isEmpty();
              assertThat(c.getEngaged()).isFalse();
              assertThat(c.getReason()).isEqualTo("deploy rolled back");
            });
  }

  @Test
  void shouldRefuseAndRecordNothingWhenTheChangeIsInvalidOrReleasesAConfiguredSwitch() {
    long audited = gateway.store.audit().size();

    StatusRuntimeException configured =
        catchThrowableOfType(
            StatusRuntimeException.class, () -> set("payments", false, "payments is fine"));
    StatusRuntimeException noReason =
        catchThrowableOfType(StatusRuntimeException.class, () -> set("checkout", true, " "));
    StatusRuntimeException badTarget =
        catchThrowableOfType(StatusRuntimeException.class, () -> set("check out!", true, "typo"));

    assertThat(configured.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
    assertThat(configured.getStatus().getDescription()).contains("engaged by configuration");
    assertThat(noReason.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(badTarget.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(badTarget.getStatus().getDescription()).contains("check out!");
    assertThat(gateway.store.audit().size()).isEqualTo(audited);
    assertThat(gateway.killSwitch.state().getChangesList()).isEmpty();
  }

  private KillSwitchState set(String target, boolean engaged, String reason) {
    return gateway
        .stub()
        .setKillSwitch(
            SetKillSwitchRequest.newBuilder()
                .setTarget(target)
                .setEngaged(engaged)
                .setReason(reason)
                .setActor("ops@example.com")
                .build());
  }

  private Decision submit(String requestId) {
    return gateway
        .stub()
        .submit(request(requestId, Fixtures.scaleUp(), Environment.ENVIRONMENT_STAGING))
        .getDecision();
  }
}
