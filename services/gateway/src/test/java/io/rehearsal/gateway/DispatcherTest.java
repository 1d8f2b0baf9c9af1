package io.rehearsal.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.rehearsal.gateway.dispatch.Backoff;
import io.rehearsal.gateway.dispatch.DispatchGuards;
import io.rehearsal.gateway.dispatch.DispatchSettings;
import io.rehearsal.gateway.dispatch.Dispatcher;
import io.rehearsal.gateway.dispatch.FreezeWindow;
import io.rehearsal.gateway.dispatch.HookTarget;
import io.rehearsal.gateway.dispatch.ShadowScope;
import io.rehearsal.proto.v1.DeadLetter;
import io.rehearsal.proto.v1.Decision;
import io.rehearsal.proto.v1.DecisionState;
import io.rehearsal.proto.v1.Environment;
import io.rehearsal.proto.v1.ExecutionReport;
import io.rehearsal.proto.v1.ExecutionResult;
import io.rehearsal.proto.v1.ListDeadLettersRequest;
import io.rehearsal.proto.v1.ListShadowLedgerRequest;
import io.rehearsal.proto.v1.ObservedOutcome;
import io.rehearsal.proto.v1.ReportOutcomeRequest;
import io.rehearsal.proto.v1.RetryDeadLetterRequest;
import io.rehearsal.proto.v1.ShadowLedgerEntry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hook dispatch end to end: decisions approved through the desk on a real redis-server, the outbox
 * drained by a {@link Dispatcher} over real HTTP to a {@link FaultyReceiver} on loopback, dead
 * letters and the shadow ledger read over real gRPC.
 */
class DispatcherTest {

  private static final Logger LOG = Logger.getLogger(DispatcherTest.class);

  private static final long SEED = 20261207L;

  @TempDir Path dir;
  private GatewayHarness gateway;
  private FaultyReceiver receiver;

  @BeforeEach
  void start() {
    gateway = GatewayHarness.start(dir);
    Fixtures.storeEvaluation(gateway.store, GatewayHarness.START.minusSeconds(60));
  }

  @AfterEach
  void stop() throws Exception {
    if (receiver != null) {
      receiver.close();
    }
    gateway.close();
  }

  @Test
  void shouldTakeEffectExactlyOnceWhenTwentyPercentResetAndTenPercentTimeOut() throws Exception {
    receiver = new FaultyReceiver(SEED, 0.20, 0.10, 400);
    List<String> ids = approve("eo", 2_000);
    try (Dispatcher d = dispatcher(settings(20, 16, Duration.ofMillis(200)))) {
      drain(d, ids.size());
    }
    LOG.infof(
        "exactly-once: %d decisions, %d requests received, %d reset before acting, %d reset"
            + " after acting, %d timed out, %d effects",
        ids.size(),
        receiver.receipts.get(),
        receiver.resetsBefore.get(),
        receiver.resetsAfter.get(),
        receiver.timeouts.get(),
        receiver.effects.size());
    assertThat(receiver.effects).hasSize(ids.size());
    assertThat(new HashSet<>(receiver.effects)).containsExactlyInAnyOrderElementsOf(ids);
    assertThat(receiver.badSignatures).hasValue(0);
    assertThat(receiver.resetsBefore.get() + receiver.resetsAfter.get())
        .isGreaterThan(ids.size() / 10);
    assertThat(receiver.timeouts.get()).isGreaterThan(ids.size() / 20);
    assertThat(receiver.receipts.get()).isGreaterThan(ids.size());
    // One hand-off each: APPROVED at revision 1, EXECUTING at revision 2, never written again.
    assertThat(ids)
        .allSatisfy(
            id ->
                assertThat(assertState(id, DecisionState.DECISION_STATE_EXECUTING).getRevision())
                    .isEqualTo(2));
    assertThat(gateway.journal.outbox().size()).isZero();
  }

  @Test
  void shouldDeliverEveryDecisionOnceWhenTheGatewayRestartsMidDelivery() throws Exception {
    receiver = new FaultyReceiver(SEED, 0.0, 0.3, 300);
    List<String> ids = approve("restart", 200);
    DispatchSettings settings = settings(20, 8, Duration.ofMillis(150));
    Dispatcher first = dispatcher(settings);
    first.start();
    while (receiver.effects.size() < 40) {
      Thread.sleep(5);
    }
    first.close(); // dies with deliveries leased and in flight
    assertThat(gateway.journal.outbox().size()).isPositive();
    try (Dispatcher second = dispatcher(settings)) {
      drain(second, ids.size());
    }
    assertThat(receiver.effects).hasSize(ids.size());
    assertThat(new HashSet<>(receiver.effects)).hasSize(ids.size());
    assertThat(ids).allSatisfy(id -> assertState(id, DecisionState.DECISION_STATE_EXECUTING));
  }

  @Test
  void shouldDeadLetterAfterMaxAttemptsAndDeliverWhenRetried() throws Exception {
    receiver = new FaultyReceiver(SEED, 0.0, 0.0, 0);
    String id = approve("dead", 1).get(0);
    receiver.failing.add(id);
    try (Dispatcher d = dispatcher(settings(3, 1, Duration.ofMillis(200)))) {
      for (int i = 0; i < 200 && gateway.journal.outbox().pending(id); i++) {
        d.runOnce();
        Thread.sleep(10);
      }
      List<DeadLetter> dead =
          gateway
              .stub()
              .listDeadLetters(ListDeadLettersRequest.getDefaultInstance())
              .getDeadLettersList();
      assertThat(dead)
          .singleElement()
          .satisfies(
              l -> {
                assertThat(l.getDecisionId()).isEqualTo(id);
                assertThat(l.getAttempts()).isEqualTo(3);
                assertThat(l.getLastError()).contains("HTTP 503");
              });
      assertThat(receiver.receipts).hasValue(3);
      assertState(id, DecisionState.DECISION_STATE_APPROVED);

      receiver.failing.clear();
      gateway.stub().retryDeadLetter(RetryDeadLetterRequest.newBuilder().setDecisionId(id).build());
      drain(d, 1);
    }
    assertThat(receiver.effects).containsExactly(id);
    assertState(id, DecisionState.DECISION_STATE_EXECUTING);
    assertThat(
            gateway
                .stub()
                .listDeadLetters(ListDeadLettersRequest.getDefaultInstance())
                .getDeadLettersCount())
        .isZero();
    assertThatThrownBy(
            () ->
                gateway
                    .stub()
                    .retryDeadLetter(RetryDeadLetterRequest.newBuilder().setDecisionId(id).build()))
        .isInstanceOfSatisfying(
            StatusRuntimeException.class,
            e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
  }

  @Test
  void shouldBlockAtDispatchWhenTheKillSwitchOrAFreezeWindowIsOn() throws Exception {
    receiver = new FaultyReceiver(SEED, 0.0, 0.0, 0);
    LocalDateTime local =
        LocalDateTime.ofInstant(GatewayHarness.START, ZoneId.of("Pacific/Auckland"));
    FreezeWindow freeze =
        new FreezeWindow(
            "xmas",
            ZoneId.of("Pacific/Auckland"),
            local.minusHours(1),
            local.plusHours(3),
            Set.of(Environment.ENVIRONMENT_STAGING));
    FreezeWindow elsewhere =
        new FreezeWindow(
            "prod-only",
            ZoneId.of("UTC"),
            local.minusYears(1),
            local.plusYears(1),
            Set.of(Environment.ENVIRONMENT_PRODUCTION));
    List<DispatchGuards> guards =
        List.of(
            new DispatchGuards(true, Set.of(), List.of()),
            new DispatchGuards(false, Set.of("checkout"), List.of()),
            new DispatchGuards(false, Set.of(), List.of(elsewhere, freeze)));
    List<String> reasons = new ArrayList<>();
    for (int i = 0; i < guards.size(); i++) {
      String id = approve("guard-" + i, 1).get(0);
      try (Dispatcher d =
          dispatcher(guards.get(i), ShadowScope.NONE, settings(3, 1, Duration.ofMillis(200)))) {
        drain(d, 1);
      }
      Decision blocked = assertState(id, DecisionState.DECISION_STATE_BLOCKED);
      reasons.add(blocked.getReasons(blocked.getReasonsCount() - 1));
      assertThat(gateway.store.audit().find("decision:" + id + ":" + blocked.getRevision()))
          .isPresent();
    }
    assertThat(reasons.get(0)).contains("global kill switch");
    assertThat(reasons.get(1)).contains("kill switch is on for target 'checkout'");
    assertThat(reasons.get(2)).contains("freeze window 'xmas'").contains("Pacific/Auckland");
    assertThat(receiver.receipts).hasValue(0);
  }

  @Test
  void shouldClearDecisionsNoHookServesWithoutWritingThemUnlessAGuardRefuses() throws Exception {
    receiver = new FaultyReceiver(SEED, 0.0, 0.0, 0);
    List<String> pulled = approve("pulled", 150); // STAGING: the hook below serves PRODUCTION only
    HookTarget productionOnly =
        new HookTarget(
            "receiver",
            receiver.url(),
            FaultyReceiver.SECRET,
            Set.of(Environment.ENVIRONMENT_PRODUCTION));
    try (Dispatcher d =
        gateway.dispatcher(
            List.of(productionOnly),
            DispatchGuards.NONE,
            ShadowScope.NONE,
            settings(3, 2, Duration.ofMillis(200)),
            SEED)) {
      assertThat(d.runOnce()).isEqualTo(64); // a full batch, cleared at once
      assertThat(gateway.journal.outbox().size()).isEqualTo(pulled.size() - 64);
      drain(d, pulled.size());
    }
    // Left for pulling loops (Watch) as approved: no hand-off written, no hook called.
    assertThat(pulled)
        .allSatisfy(
            id ->
                assertThat(assertState(id, DecisionState.DECISION_STATE_APPROVED).getRevision())
                    .isEqualTo(1));

    List<String> stopped = approve("stopped", 3);
    try (Dispatcher d =
        gateway.dispatcher(
            List.of(productionOnly),
            new DispatchGuards(false, Set.of("checkout"), List.of()),
            ShadowScope.NONE,
            settings(3, 2, Duration.ofMillis(200)),
            SEED)) {
      drain(d, stopped.size());
    }
    // The kill switch holds for pulling loops too: blocked, so Watch shows it must not run.
    assertThat(stopped)
        .allSatisfy(
            id ->
                assertThat(assertState(id, DecisionState.DECISION_STATE_BLOCKED).getReasonsList())
                    .last()
                    .asString()
                    .contains("kill switch is on for target 'checkout'"));
    assertThat(receiver.receipts).hasValue(0);
  }

  @Test
  void shouldNeverCallTheHookAndWriteTheLedgerWhenInShadowMode() throws Exception {
    receiver = new FaultyReceiver(SEED, 0.0, 0.0, 0);
    List<String> ids = approve("shadow", 5);
    ShadowScope shadow = new ShadowScope(Set.of(Environment.ENVIRONMENT_STAGING), Set.of());
    try (Dispatcher d =
        dispatcher(DispatchGuards.NONE, shadow, settings(3, 2, Duration.ofMillis(200)))) {
      drain(d, ids.size());
    }
    assertThat(receiver.receipts).hasValue(0);
    assertThat(ids).allSatisfy(id -> assertState(id, DecisionState.DECISION_STATE_SHADOWED));
    ExecutionReport recovered =
        ExecutionReport.newBuilder()
            .setResult(ExecutionResult.EXECUTION_RESULT_SUCCEEDED)
            .setExecutor("detector:post-check")
            .setObserved(ObservedOutcome.newBuilder().setTimeToRecoverSeconds(42))
            .build();
    Decision reported =
        gateway
            .stub()
            .reportOutcome(
                ReportOutcomeRequest.newBuilder()
                    .setDecisionId(ids.get(0))
                    .setReport(recovered)
                    .build());
    assertThat(reported.getState()).isEqualTo(DecisionState.DECISION_STATE_SHADOWED);
    assertThat(reported.getExecution()).isEqualTo(recovered);
    List<ShadowLedgerEntry> ledger =
        gateway
            .stub()
            .listShadowLedger(ListShadowLedgerRequest.getDefaultInstance())
            .getEntriesList();
    assertThat(ledger)
        .extracting(ShadowLedgerEntry::getDecisionId)
        .containsExactlyInAnyOrderElementsOf(ids);
    assertThat(ledger)
        .allSatisfy(
            e -> {
              assertThat(e.getHook()).isEqualTo("receiver");
              assertThat(e.getReason()).contains("ENVIRONMENT_STAGING is in shadow mode");
            });
    ShadowLedgerEntry first =
        ledger.stream().filter(e -> e.getDecisionId().equals(ids.get(0))).findFirst().orElseThrow();
    assertThat(first.getRecoveredAnyway()).isTrue();
    assertThat(first.getOutcome()).isEqualTo(recovered);
    assertThat(ledger.stream().filter(e -> !e.getDecisionId().equals(ids.get(0))))
        .noneMatch(ShadowLedgerEntry::hasOutcome);
  }

  private List<String> approve(String prefix, int n) {
    return IntStream.range(0, n)
        .mapToObj(
            i ->
                gateway
                    .desk
                    .submit(
                        Fixtures.request(
                            prefix + "-" + i, Fixtures.scaleUp(), Environment.ENVIRONMENT_STAGING))
                    .decision())
        .peek(d -> assertThat(d.getState()).isEqualTo(DecisionState.DECISION_STATE_APPROVED))
        .map(Decision::getId)
        .toList();
  }

  private Dispatcher dispatcher(DispatchSettings settings) {
    return dispatcher(DispatchGuards.NONE, ShadowScope.NONE, settings);
  }

  private Dispatcher dispatcher(
      DispatchGuards guards, ShadowScope shadow, DispatchSettings settings) {
    HookTarget hook = new HookTarget("receiver", receiver.url(), FaultyReceiver.SECRET, Set.of());
    return gateway.dispatcher(List.of(hook), guards, shadow, settings, SEED);
  }

  private static DispatchSettings settings(int maxAttempts, int concurrency, Duration timeout) {
    return new DispatchSettings(
        maxAttempts,
        new Backoff(Duration.ofMillis(2), Duration.ofMillis(40), 2, 0.5),
        timeout,
        Duration.ofSeconds(2),
        Duration.ofMillis(5),
        64,
        concurrency);
  }

  /** Runs the dispatcher until the outbox is empty (or a minute passes). */
  private void drain(Dispatcher d, int expected) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
    while (gateway.journal.outbox().size() > 0 && System.nanoTime() < deadline) {
      if (d.runOnce() == 0) {
        Thread.sleep(5);
      }
    }
    assertThat(gateway.journal.outbox().size()).as("undelivered of %d", expected).isZero();
  }

  private Decision assertState(String id, DecisionState state) {
    Decision d = gateway.desk.get(id);
    assertThat(d.getState()).as(id).isEqualTo(state);
    return d;
  }
}
