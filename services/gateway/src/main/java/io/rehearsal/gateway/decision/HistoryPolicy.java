package io.rehearsal.gateway.decision;

import io.rehearsal.gateway.mapping.PolicyInputMapper;
import io.rehearsal.policy.Action;
import io.rehearsal.policy.ActionKind;
import io.rehearsal.policy.PastAction;
import io.rehearsal.proto.v1.Decision;
import io.rehearsal.proto.v1.DecisionState;
import io.rehearsal.store.ActionHistory;
import io.rehearsal.store.Ids;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * What goes into a target's action history, which rules read as {@code recent.*} and {@code
 * recent_actions(...)}: a decision entering APPROVED adds {@code <KIND> <decision id>} at its
 * approval time, in the same atomic write as the approval; leaving APPROVED for BLOCKED, CANCELLED
 * or EXPIRED removes it again (the action never ran). Dispatched, shadowed and reported actions
 * stay. A target is the environment and the policy target's key (service, else dependency), as the
 * rate limits count them: {@code PRODUCTION/checkout}.
 *
 * @param window how far back the history is kept and read; zero turns recording off
 */
public record HistoryPolicy(Duration window) {

  /** Records nothing (tools and tests that only decide). */
  public static final HistoryPolicy OFF = new HistoryPolicy(Duration.ZERO);

  /**
   * Actions read per decision at most, newest first: rules see counts up to this many (a storm
   * guard's threshold is a handful). Redis answers a history read in about 1 µs per entry, and a
   * target under a storm of approvals has its 1,000 kept entries within the window: 200 per
   * decision cost Redis 0.21 ms of a Submit's 0.5 ms at 300 decisions/s.
   */
  static final int READ_LIMIT = 50;

  private static final Set<DecisionState> NEVER_RAN =
      Set.of(
          DecisionState.DECISION_STATE_BLOCKED,
          DecisionState.DECISION_STATE_CANCELLED,
          DecisionState.DECISION_STATE_EXPIRED);

  /** Checks the window once. */
  public HistoryPolicy {
    if (window == null || window.isNegative()) {
      throw new IllegalArgumentException(
          "rehearsal.gateway.history.window must be >= 0, but was " + window);
    }
  }

  /** Whether anything is recorded. */
  public boolean on() {
    return !window.isZero();
  }

  /** The history key of an action's target, e.g. {@code PRODUCTION/checkout}. */
  public static String target(Action action) {
    return action.environment().name() + "/" + Ids.keyPart(action.target().key());
  }

  /** The history change a write from {@code previous} to {@code next}'s state makes. */
  ActionHistory.Change change(DecisionState previous, Decision next) {
    boolean was = previous == DecisionState.DECISION_STATE_APPROVED;
    boolean is = next.getState() == DecisionState.DECISION_STATE_APPROVED;
    ActionHistory.Op op =
        is && !was
            ? ActionHistory.Op.ADD
            : was && NEVER_RAN.contains(next.getState())
                ? ActionHistory.Op.REMOVE
                : ActionHistory.Op.NONE;
    if (!on() || op == ActionHistory.Op.NONE) {
      return ActionHistory.Change.NONE;
    }
    Action action = PolicyInputMapper.action(next.getRequest());
    long at = Timestamps.instant(next.getUpdatedAt()).toEpochMilli();
    return new ActionHistory.Change(
        op, target(action), member(action.kind(), next.getId()), at, at - window.toMillis());
  }

  /** The actions on {@code action}'s target within the window before {@code now}, newest first. */
  public CompletableFuture<List<PastAction>> recent(
      ActionHistory history, Action action, Instant now) {
    if (!on()) {
      return CompletableFuture.completedFuture(List.of());
    }
    return history
        .sinceAsync(target(action), now.minus(window).toEpochMilli(), READ_LIMIT)
        .thenApply(
            entries ->
                entries.stream().map(HistoryPolicy::past).flatMap(Optional::stream).toList());
  }

  private static String member(ActionKind kind, String decisionId) {
    return kind.name() + " " + decisionId;
  }

  /** An entry as a past action; one whose kind this build does not know is skipped. */
  private static Optional<PastAction> past(ActionHistory.Entry entry) {
    String member = entry.member();
    int space = member.indexOf(' ');
    try {
      ActionKind kind = ActionKind.valueOf(space < 0 ? member : member.substring(0, space));
      return Optional.of(new PastAction(kind, Instant.ofEpochMilli(entry.atMillis())));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
