package io.rehearsal.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.Context;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.rehearsal.proto.v1.ApproveRequest;
import io.rehearsal.proto.v1.Decision;
import io.rehearsal.proto.v1.DecisionEvent;
import io.rehearsal.proto.v1.DecisionState;
import io.rehearsal.proto.v1.Environment;
import io.rehearsal.proto.v1.ReviewChannel;
import io.rehearsal.proto.v1.WatchDecisionsRequest;
import io.rehearsal.store.JournalEvent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** WatchDecisions over real gRPC on loopback, on the journal in a real redis-server. */
class DecisionWatchTest {

  @TempDir Path dir;
  private GatewayHarness gateway;

  @BeforeEach
  void start() {
    gateway = GatewayHarness.start(dir);
    Fixtures.storeEvaluation(gateway.store, GatewayHarness.START.minusSeconds(60));
  }

  @AfterEach
  void stop() throws Exception {
    gateway.close();
  }

  @Test
  void shouldResumeFromACursorWithoutGapsOrDuplicatesWhenTheWatchIsCut() throws Exception {
    submit("before-0", Environment.ENVIRONMENT_PRODUCTION); // PENDING_APPROVAL: live
    submit("before-1", Environment.ENVIRONMENT_STAGING); // APPROVED: live
    gateway.desk.submit(
        Fixtures.request("before-2", Fixtures.scaleToZero(), Environment.ENVIRONMENT_STAGING));
    Context.CancellableContext first = Context.current().withCancellation();
    List<DecisionEvent> seen = new ArrayList<>();
    List<DecisionEvent> snapshot = new ArrayList<>();
    first.run(
        () -> {
          Iterator<DecisionEvent> it =
              gateway.stub().watchDecisions(WatchDecisionsRequest.getDefaultInstance());
          snapshot.add(it.next());
          snapshot.add(it.next());
          changes(0, 10); // 10 submits and 10 approvals, while the watch runs
          while (seen.size() < 7) {
            seen.add(it.next());
          }
        });
    first.cancel(null);
    changes(10, 15); // happen while no one watches
    String cursor = seen.get(seen.size() - 1).getCursor();
    Context.CancellableContext second = Context.current().withCancellation();
    second.run(
        () -> {
          Iterator<DecisionEvent> it =
              gateway
                  .stub()
                  .watchDecisions(
                      WatchDecisionsRequest.newBuilder().setAfterCursor(cursor).build());
          while (seen.size() < 30) {
            seen.add(it.next());
          }
        });
    second.cancel(null);

    assertThat(snapshot).allMatch(DecisionEvent::getSnapshot);
    assertThat(snapshot)
        .extracting(e -> e.getDecision().getState())
        .containsExactlyInAnyOrder(
            DecisionState.DECISION_STATE_PENDING_APPROVAL, DecisionState.DECISION_STATE_APPROVED);
    List<JournalEvent> all = gateway.journal.after(Optional.of(snapshot.get(0).getCursor()), 100);
    assertThat(all).hasSize(30);
    assertThat(seen)
        .extracting(DecisionEvent::getCursor)
        .containsExactlyElementsOf(all.stream().map(JournalEvent::cursor).toList());
    assertThat(seen).noneMatch(DecisionEvent::getSnapshot);
    assertThat(
            seen.stream()
                .filter(e -> e.getPreviousState() == DecisionState.DECISION_STATE_PENDING_APPROVAL))
        .hasSize(15)
        .allMatch(e -> e.getDecision().getState() == DecisionState.DECISION_STATE_APPROVED);
  }

  @Test
  void shouldDeliverOnlyMatchingChangesWhenFiltered() {
    Decision before = submit("f-0", Environment.ENVIRONMENT_STAGING);
    String cursor = gateway.journal.after(Optional.empty(), 10).get(0).cursor();
    submit("f-1", Environment.ENVIRONMENT_PRODUCTION);
    submit("f-2", Environment.ENVIRONMENT_STAGING);
    Context.CancellableContext ctx = Context.current().withCancellation();
    List<DecisionEvent> seen = new ArrayList<>();
    ctx.run(
        () -> {
          Iterator<DecisionEvent> it =
              gateway
                  .stub()
                  .watchDecisions(
                      WatchDecisionsRequest.newBuilder()
                          .setAfterCursor(cursor)
                          .addEnvironments(Environment.ENVIRONMENT_STAGING)
                          .build());
          seen.add(it.next());
        });
    ctx.cancel(null);
    assertThat(before.getState()).isEqualTo(DecisionState.DECISION_STATE_APPROVED);
    assertThat(seen)
        .singleElement()
        .satisfies(e -> assertThat(e.getDecision().getRequest().getRequestId()).isEqualTo("f-2"));
  }

  @Test
  void shouldRefuseAMalformedOrTrimmedCursorWhenResuming() {
    submit("c-0", Environment.ENVIRONMENT_STAGING);
    assertCode("not-a-cursor", Status.Code.INVALID_ARGUMENT);
    assertCode("0-1", Status.Code.OUT_OF_RANGE);
  }

  private void assertCode(String cursor, Status.Code code) {
    assertThatThrownBy(
            () ->
                gateway
                    .stub()
                    .watchDecisions(
                        WatchDecisionsRequest.newBuilder().setAfterCursor(cursor).build())
                    .next())
        .isInstanceOfSatisfying(
            StatusRuntimeException.class, e -> assertThat(e.getStatus().getCode()).isEqualTo(code));
  }

  /** Production requests {@code from..to-1}, each submitted then approved: two changes each. */
  private void changes(int from, int to) {
    for (int i = from; i < to; i++) {
      Decision d = submit("live-" + i, Environment.ENVIRONMENT_PRODUCTION);
      gateway.desk.approve(
          ApproveRequest.newBuilder()
              .setDecisionId(d.getId())
              .setReviewer("alice")
              .setChannel(ReviewChannel.REVIEW_CHANNEL_GRPC)
              .setExpectedRevision(d.getRevision())
              .build());
    }
  }

  private Decision submit(String requestId, Environment environment) {
    // Staging scale-ups are allowed at once, production restarts wait for one approver.
    boolean staging = environment == Environment.ENVIRONMENT_STAGING;
    return gateway
        .desk
        .submit(
            Fixtures.request(
                requestId, staging ? Fixtures.scaleUp() : Fixtures.restart(), environment))
        .decision();
  }
}
