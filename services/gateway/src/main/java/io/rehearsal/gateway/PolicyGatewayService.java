package io.rehearsal.gateway;

import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import io.quarkus.grpc.GrpcService;
import io.rehearsal.gateway.decision.DecisionDesk;
import io.rehearsal.gateway.dispatch.DeadLetters;
import io.rehearsal.gateway.dispatch.KillSwitchBoard;
import io.rehearsal.gateway.shadow.ShadowLedger;
import io.rehearsal.gateway.watch.DecisionWatch;
import io.rehearsal.gateway.watch.WatchStreams;
import io.rehearsal.proto.v1.ApproveRequest;
import io.rehearsal.proto.v1.CancelRequest;
import io.rehearsal.proto.v1.DeadLetter;
import io.rehearsal.proto.v1.Decision;
import io.rehearsal.proto.v1.DecisionEvent;
import io.rehearsal.proto.v1.DecisionState;
import io.rehearsal.proto.v1.ExplainRequest;
import io.rehearsal.proto.v1.Explanation;
import io.rehearsal.proto.v1.GetDecisionRequest;
import io.rehearsal.proto.v1.GetKillSwitchRequest;
import io.rehearsal.proto.v1.KillSwitchState;
import io.rehearsal.proto.v1.ListDeadLettersRequest;
import io.rehearsal.proto.v1.ListDeadLettersResponse;
import io.rehearsal.proto.v1.ListShadowLedgerRequest;
import io.rehearsal.proto.v1.ListShadowLedgerResponse;
import io.rehearsal.proto.v1.PolicyGatewayGrpc;
import io.rehearsal.proto.v1.RejectRequest;
import io.rehearsal.proto.v1.RemediationRequest;
import io.rehearsal.proto.v1.ReportOutcomeRequest;
import io.rehearsal.proto.v1.RetryDeadLetterRequest;
import io.rehearsal.proto.v1.SetKillSwitchRequest;
import io.rehearsal.proto.v1.SubmitResponse;
import io.rehearsal.proto.v1.WatchDecisionsRequest;
import io.rehearsal.store.DecisionJournal;
import io.smallrye.common.annotation.Blocking;
import java.util.List;
import java.util.function.Supplier;

/**
 * The gRPC {@code rehearsal.v1.PolicyGateway} service: protocol in, a call on the {@link
 * DecisionDesk} (decisions, reviews, outcomes), the watch streams, the dead letters, the shadow
 * ledger or the run-time kill switch, protocol out. Submit and GetDecision, the automation's hot
 * path, hold no thread while Redis answers (Submits are admitted by {@link SubmitAdmission}); the
 * other calls block on Redis, so they run on Quarkus' worker pool; watches are polled on the {@link
 * WatchStreams} scheduler.
 */
@GrpcService
class PolicyGatewayService extends PolicyGatewayGrpc.PolicyGatewayImplBase {

  private final DecisionDesk desk;
  private final DecisionJournal journal;
  private final WatchStreams watches;
  private final DeadLetters deadLetters;
  private final ShadowLedger ledger;
  private final KillSwitchBoard killSwitch;
  private final SubmitAdmission submits;

  @jakarta.inject.Inject
  PolicyGatewayService(
      DecisionDesk desk,
      DecisionJournal journal,
      WatchStreams watches,
      DeadLetters deadLetters,
      ShadowLedger ledger,
      KillSwitchBoard killSwitch,
      SubmitAdmission submits) {
    this.desk = desk;
    this.journal = journal;
    this.watches = watches;
    this.deadLetters = deadLetters;
    this.ledger = ledger;
    this.killSwitch = killSwitch;
    this.submits = submits;
  }

  /**
   * Not {@code @Blocking}: the event loop that received the call admits it ({@link
   * SubmitAdmission}, which may refuse it at once) and starts its reads; the decision is made and
   * answered where they complete.
   */
  @Override
  public void submit(RemediationRequest request, StreamObserver<SubmitResponse> response) {
    submits.admit(
        response,
        () ->
            desk.submitAsync(request)
                .thenApply(
                    s ->
                        SubmitResponse.newBuilder()
                            .setDecision(s.decision())
                            .setCreated(s.created())
                            .build()));
  }

  /** Not {@code @Blocking}: one read, answered where it completes (loops poll with it). */
  @Override
  public void getDecision(GetDecisionRequest request, StreamObserver<Decision> response) {
    Answers.reply(response, desk.getAsync(request.getDecisionId()));
  }

  @Override
  @Blocking
  public void watchDecisions(
      WatchDecisionsRequest request, StreamObserver<DecisionEvent> response) {
    DecisionWatch watch;
    List<DecisionEvent> first;
    try {
      if (request.getAfterCursor().isEmpty()) {
        watch = DecisionWatch.fromNow(journal, request);
        first = watch.snapshot();
      } else {
        watch = DecisionWatch.resume(journal, request);
        first = List.of();
      }
    } catch (RuntimeException e) {
      response.onError(Statuses.of(e));
      return;
    }
    watches.open(watch, first, new GrpcSink(response));
  }

  @Override
  @Blocking
  public void approve(ApproveRequest request, StreamObserver<Decision> response) {
    answer(response, () -> desk.approve(request));
  }

  @Override
  @Blocking
  public void reject(RejectRequest request, StreamObserver<Decision> response) {
    answer(response, () -> desk.reject(request));
  }

  @Override
  @Blocking
  public void cancel(CancelRequest request, StreamObserver<Decision> response) {
    answer(response, () -> desk.cancel(request));
  }

  @Override
  @Blocking
  public void reportOutcome(ReportOutcomeRequest request, StreamObserver<Decision> response) {
    answer(
        response,
        () -> {
          Decision d = desk.executions().report(request);
          if (d.getState() == DecisionState.DECISION_STATE_SHADOWED) {
            ledger.outcome(d);
          }
          return d;
        });
  }

  @Override
  @Blocking
  public void listDeadLetters(
      ListDeadLettersRequest request, StreamObserver<ListDeadLettersResponse> response) {
    answer(
        response,
        () ->
            ListDeadLettersResponse.newBuilder()
                .addAllDeadLetters(deadLetters.list(request.getLimit()))
                .build());
  }

  @Override
  @Blocking
  public void retryDeadLetter(RetryDeadLetterRequest request, StreamObserver<DeadLetter> response) {
    answer(response, () -> deadLetters.retry(request.getDecisionId()));
  }

  @Override
  @Blocking
  public void listShadowLedger(
      ListShadowLedgerRequest request, StreamObserver<ListShadowLedgerResponse> response) {
    answer(
        response,
        () ->
            ListShadowLedgerResponse.newBuilder()
                .addAllEntries(ledger.newest(DeadLetters.limit(request.getLimit())))
                .build());
  }

  @Override
  @Blocking
  public void setKillSwitch(
      SetKillSwitchRequest request, StreamObserver<KillSwitchState> response) {
    answer(response, () -> board().set(request));
  }

  @Override
  @Blocking
  public void getKillSwitch(
      GetKillSwitchRequest request, StreamObserver<KillSwitchState> response) {
    answer(response, () -> board().state());
  }

  @Override
  @Blocking
  public void explain(ExplainRequest request, StreamObserver<Explanation> response) {
    answer(response, () -> desk.explain(request));
  }

  private KillSwitchBoard board() {
    if (killSwitch == null) {
      throw io.rehearsal.gateway.decision.GatewayException.of(
          io.rehearsal.gateway.decision.GatewayException.Reason.FAILED_PRECONDITION,
          "this gateway has no run-time kill switch");
    }
    return killSwitch;
  }

  /**
   * Runs a unary call, unless its caller has already gone (deadline passed or cancelled while the
   * call waited for a worker): then nothing is decided or written and the call ends CANCELLED.
   * Under overload this keeps workers for calls someone still waits for.
   */
  private static <T> void answer(StreamObserver<T> response, Supplier<T> call) {
    if (io.grpc.Context.current().isCancelled()) {
      response.onError(Statuses.callerGone());
      return;
    }
    T result;
    try {
      result = call.get();
    } catch (RuntimeException e) {
      response.onError(Statuses.of(e));
      return;
    }
    response.onNext(result);
    response.onCompleted();
  }

  /**
   * A watch's gRPC stream. The server stream observer tells cancellation and readiness; should a
   * transport hand over a plain observer, a send failing after the client left ends the watch.
   */
  private static final class GrpcSink implements WatchStreams.Sink {
    private final StreamObserver<DecisionEvent> call;
    private volatile boolean gone;

    GrpcSink(StreamObserver<DecisionEvent> call) {
      this.call = call;
    }

    @Override
    public boolean cancelled() {
      return gone
          || (call instanceof ServerCallStreamObserver<DecisionEvent> server
              && server.isCancelled());
    }

    @Override
    public boolean ready() {
      return !(call instanceof ServerCallStreamObserver<DecisionEvent> server) || server.isReady();
    }

    @Override
    public void send(DecisionEvent event) {
      try {
        call.onNext(event);
      } catch (RuntimeException e) {
        gone = true;
      }
    }

    @Override
    public void fail(RuntimeException error) {
      call.onError(Statuses.of(error));
    }
  }
}
