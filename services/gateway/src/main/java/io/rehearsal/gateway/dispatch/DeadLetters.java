package io.rehearsal.gateway.dispatch;

import com.google.protobuf.Timestamp;
import io.rehearsal.gateway.decision.Executions;
import io.rehearsal.gateway.decision.GatewayException;
import io.rehearsal.proto.v1.DeadLetter;
import io.rehearsal.store.DispatchOutbox;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** The dead letters as the contract shows them, and putting one back in the outbox. */
public final class DeadLetters {

  /** Entries listed when the caller gives no limit. */
  public static final int DEFAULT_LIMIT = 100;

  private final DispatchOutbox outbox;
  private final Executions executions;
  private final List<HookTarget> hooks;
  private final Clock clock;

  /** Dead letters of {@code outbox}; {@code hooks} name the hook each was for. */
  public DeadLetters(
      DispatchOutbox outbox, Executions executions, List<HookTarget> hooks, Clock clock) {
    this.outbox = outbox;
    this.executions = executions;
    this.hooks = List.copyOf(hooks);
    this.clock = clock;
  }

  /**
   * Up to {@code limit} dead letters (0 = {@value #DEFAULT_LIMIT}), newest first.
   *
   * @throws GatewayException INVALID_ARGUMENT for a negative limit
   */
  public List<DeadLetter> list(int limit) {
    return outbox.dead(limit(limit)).stream().map(this::toProto).toList();
  }

  /**
   * Puts the dead letter of {@code decisionId} back in the outbox, due now, attempts reset.
   *
   * @throws GatewayException NOT_FOUND when it has none
   */
  public DeadLetter retry(String decisionId) {
    DispatchOutbox.Dead dead =
        outbox
            .deadLetter(decisionId)
            .orElseThrow(
                () ->
                    GatewayException.of(
                        GatewayException.Reason.NOT_FOUND,
                        "decision '" + decisionId + "' has no dead-lettered delivery"));
    Instant now = clock.instant();
    if (!outbox.revive(decisionId, now.toEpochMilli())) {
      throw GatewayException.of(
          GatewayException.Reason.NOT_FOUND,
          "decision '" + decisionId + "' has no dead-lettered delivery (retried meanwhile)");
    }
    return toProto(new DispatchOutbox.Dead(decisionId, 0, dead.lastError(), now.toEpochMilli()));
  }

  /** The limit to use for a caller's {@code limit}. */
  public static int limit(int limit) {
    if (limit < 0) {
      throw GatewayException.invalid("limit", "must be >= 0, but was " + limit);
    }
    return limit == 0 ? DEFAULT_LIMIT : limit;
  }

  private DeadLetter toProto(DispatchOutbox.Dead dead) {
    Instant at = Instant.ofEpochMilli(dead.atMillis());
    return DeadLetter.newBuilder()
        .setDecisionId(dead.decisionId())
        .setHook(hook(dead.decisionId()))
        .setAttempts(dead.attempts())
        .setLastError(dead.lastError())
        .setTime(Timestamp.newBuilder().setSeconds(at.getEpochSecond()).setNanos(at.getNano()))
        .build();
  }

  private String hook(String decisionId) {
    return executions
        .find(decisionId)
        .flatMap(
            d -> hooks.stream().filter(h -> h.serves(d.getRequest().getEnvironment())).findFirst())
        .map(HookTarget::name)
        .orElse("");
  }
}
