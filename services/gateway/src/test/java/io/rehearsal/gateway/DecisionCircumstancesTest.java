package io.rehearsal.gateway;

import static io.rehearsal.gateway.Fixtures.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.rehearsal.gateway.GatewayCircumstances.LimitSpec;
import io.rehearsal.gateway.decision.ApproverDirectory;
import io.rehearsal.gateway.decision.HistoryPolicy;
import io.rehearsal.gateway.dispatch.DispatchGuards;
import io.rehearsal.policy.PolicySet;
import io.rehearsal.proto.v1.ApproveRequest;
import io.rehearsal.proto.v1.CancelRequest;
import io.rehearsal.proto.v1.Decision;
import io.rehearsal.proto.v1.DecisionState;
import io.rehearsal.proto.v1.Environment;
import io.rehearsal.proto.v1.ExplainRequest;
import io.rehearsal.proto.v1.Explanation;
import io.rehearsal.proto.v1.RemediationRequest;
import io.rehearsal.proto.v1.ReviewChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gateway's circumstances at decision time, through real gRPC and a real redis-server: the
 * automation rate limit (token buckets in Redis) and the kill switch, which the policy engine sees
 * as guards no rule can switch off; and the target's action history, recorded with each approval,
 * which rules read as {@code recent.*} and {@code recent_actions(...)}.
 */
class DecisionCircumstancesTest {

  private static final LimitSpec TWO_PER_HOUR = new LimitSpec(2, Duration.ofHours(1));
  private static final LimitSpec GLOBAL = new LimitSpec(30, Duration.ofHours(1));
  private static final Path SHOP_POLICY = Path.of("../../examples/reference-shop/policy/shop.yaml");

  @TempDir Path dataDir;
  private GatewayHarness gateway;

  @AfterEach
  void stop() throws InterruptedException {
    gateway.close();
  }

  @Test
  void shouldAskForApprovalInsteadOfAllowingWhenTheTargetsRateLimitIsUsedUp() {
    start(DispatchGuards.NONE);

    Decision first = submit("r-1");
    Decision second = submit("r-2");
    Decision third = submit("r-3");

    assertThat(first.getState()).isEqualTo(DecisionState.DECISION_STATE_APPROVED);
    assertThat(second.getState()).isEqualTo(DecisionState.DECISION_STATE_APPROVED);
    assertThat(third.getState()).isEqualTo(DecisionState.DECISION_STATE_PENDING_APPROVAL);
    assertThat(third.getReasonsList())
        .anySatisfy(r -> assertThat(r).contains("rate limit used up: target:STAGING/"));
    assertThat(explain(third).getRulesList())
        .anySatisfy(
            g -> {
              assertThat(g.getRuleId()).isEqualTo("guard:rate-limit");
              assertThat(g.getMatched()).isTrue();
            });
  }

  @Test
  void shouldAllowAgainWhenATokenHasRefilled() {
    start(DispatchGuards.NONE);
    submit("r-1");
    submit("r-2");

    gateway.clock.advance(Duration.ofMinutes(29));
    Decision early = submit("r-3");
    gateway.clock.advance(Duration.ofMinutes(2));
    Decision refilled = submit("r-4");

    assertThat(early.getState()).isEqualTo(DecisionState.DECISION_STATE_PENDING_APPROVAL);
    assertThat(refilled.getState()).isEqualTo(DecisionState.DECISION_STATE_APPROVED);
  }

  @Test
  void shouldSpendOneTokenWhenReplaysOfOneRequestRace() throws Exception {
    start(DispatchGuards.NONE);
    RemediationRequest request = scaleUp("r-raced");
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Decision>> racers = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        racers.add(pool.submit(() -> gateway.stub().submit(request).getDecision()));
      }
      for (Future<Decision> racer : racers) {
        assertThat(racer.get().getState()).isEqualTo(DecisionState.DECISION_STATE_APPROVED);
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(submit("r-other").getState()).isEqualTo(DecisionState.DECISION_STATE_APPROVED);
  }

  @Test
  void shouldDenyAtDecisionWhenTheKillSwitchIsOnForTheTarget() {
    start(
        new DispatchGuards(false, Set.of(Fixtures.scaleUp().getTarget().getService()), List.of()));

    Decision d = submit("r-killed");

    assertThat(d.getState()).isEqualTo(DecisionState.DECISION_STATE_REJECTED);
    assertThat(d.getReasonsList()).anySatisfy(r -> assertThat(r).contains("kill switch"));
  }

  @Test
  void shouldSeeTheFirstActionAndCoolDownWhenTheSameTargetIsSubmittedAgainSoon() {
    start(DispatchGuards.NONE, PolicySet.load(ApproverGroupsTest.POLICY));

    Decision first = submit("r-1");
    gateway.clock.advance(Duration.ofMinutes(3));
    Decision second = submit("r-2");
    gateway.clock.advance(Duration.ofMinutes(8));
    Decision third = submit("r-3");

    assertThat(first.getState()).isEqualTo(DecisionState.DECISION_STATE_APPROVED);
    assertThat(second.getState()).isEqualTo(DecisionState.DECISION_STATE_PENDING_APPROVAL);
    assertThat(second.getMatchedRulesList())
        .extracting(r -> r.getRuleId())
        .containsExactly("staging-cool-down");
    assertThat(explain(second).getRulesList())
        .filteredOn(r -> r.getRuleId().equals("staging-cool-down"))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.getMatched()).isTrue();
              assertThat(r.getReason()).contains("recent.count = 1").contains("180s");
            });
    // eleven minutes after the first, the cool-down is over (and the pending one never ran)
    assertThat(third.getState()).isEqualTo(DecisionState.DECISION_STATE_APPROVED);
    assertThat(gateway.journal.history().since("STAGING/checkout", 0, 10)).hasSize(2);
  }

  @Test
  void shouldDenyTheFourthRestartWhenTheExamplePolicySeesThreeApprovedInTheHour() {
    start(DispatchGuards.NONE, PolicySet.load(SHOP_POLICY));

    for (int i = 1; i <= 3; i++) {
      approveByAlice(restart("restart-" + i));
      gateway.clock.advance(Duration.ofMinutes(5));
    }
    Decision fourth = restart("restart-4");

    assertThat(fourth.getState()).isEqualTo(DecisionState.DECISION_STATE_REJECTED);
    assertThat(fourth.getMatchedRulesList())
        .extracting(r -> r.getRuleId())
        .containsExactly("deny-restart-storm");
  }

  @Test
  void shouldForgetAnApprovedActionWhenItIsCancelledBeforeRunning() {
    start(DispatchGuards.NONE, PolicySet.load(SHOP_POLICY));
    approveByAlice(restart("restart-1"));
    approveByAlice(restart("restart-2"));
    Decision third = approveByAlice(restart("restart-3"));

    gateway
        .stub()
        .cancel(
            CancelRequest.newBuilder()
                .setDecisionId(third.getId())
                .setActor("alice@example.com")
                .setReason("the pod came back by itself")
                .setExpectedRevision(third.getRevision())
                .build());
    Decision fourth = restart("restart-4");

    assertThat(fourth.getState()).isEqualTo(DecisionState.DECISION_STATE_PENDING_APPROVAL);
    assertThat(gateway.journal.history().since("STAGING/checkout", 0, 10)).hasSize(2);
  }

  private void start(DispatchGuards guards) {
    start(guards, GatewayHarness.testPolicy());
  }

  private void start(DispatchGuards guards, PolicySet policy) {
    HistoryPolicy history = new HistoryPolicy(Duration.ofHours(24));
    gateway =
        GatewayHarness.start(
            dataDir,
            GatewayHarness.Options.DEFAULT
                .withPolicy(policy)
                .withApprovers(ApproverDirectory.of(Map.of("alice@example.com", List.of("sre"))))
                .withHistory(history)
                .withCircumstances(
                    (store, journal) ->
                        new GatewayCircumstances(
                            guards,
                            store.rateLimits(),
                            TWO_PER_HOUR,
                            GLOBAL,
                            journal.history(),
                            history)));
    Fixtures.storeEvaluation(gateway.store, GatewayHarness.START);
  }

  private Decision restart(String requestId) {
    return gateway
        .stub()
        .submit(request(requestId, Fixtures.restart(), Environment.ENVIRONMENT_STAGING))
        .getDecision();
  }

  private Decision approveByAlice(Decision d) {
    assertThat(d.getState()).isEqualTo(DecisionState.DECISION_STATE_PENDING_APPROVAL);
    return gateway
        .stub()
        .approve(
            ApproveRequest.newBuilder()
                .setDecisionId(d.getId())
                .setReviewer("alice@example.com")
                .setChannel(ReviewChannel.REVIEW_CHANNEL_GRPC)
                .setExpectedRevision(d.getRevision())
                .build());
  }

  private Decision submit(String requestId) {
    return gateway.stub().submit(scaleUp(requestId)).getDecision();
  }

  private static RemediationRequest scaleUp(String requestId) {
    return request(requestId, Fixtures.scaleUp(), Environment.ENVIRONMENT_STAGING);
  }

  private Explanation explain(Decision d) {
    return gateway.stub().explain(ExplainRequest.newBuilder().setDecisionId(d.getId()).build());
  }
}
