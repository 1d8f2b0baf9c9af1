package io.rehearsal.gateway.mapping;

import io.rehearsal.policy.Action;
import io.rehearsal.policy.AutomationBudget;
import io.rehearsal.policy.FreezeWindow;
import io.rehearsal.policy.KillSwitch;
import io.rehearsal.policy.PastAction;
import io.rehearsal.store.RateLimits;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * What the gateway knows at decision time besides the request and its evidence: the kill switch and
 * freeze calendar (the same ones the dispatcher checks again before a hook is called), the actions
 * already taken on the target, and whether the rate limits on automatic actions leave room.
 *
 * @param killSwitch the emergency stop
 * @param freezes the freeze calendar
 * @param recent actions already taken on the target
 * @param budget the automation budget for this action
 */
public record Circumstances(
    KillSwitch killSwitch,
    List<FreezeWindow> freezes,
    List<PastAction> recent,
    AutomationBudget budget) {

  /** Nothing stopped, nothing frozen, no history, room for automation. */
  public static final Circumstances NONE =
      new Circumstances(KillSwitch.OFF, List.of(), List.of(), AutomationBudget.AVAILABLE);

  /** Copies the lists. */
  public Circumstances {
    Objects.requireNonNull(killSwitch, "killSwitch");
    freezes = List.copyOf(freezes);
    recent = List.copyOf(recent);
    Objects.requireNonNull(budget, "budget");
  }

  /** These circumstances with another budget. */
  public Circumstances withBudget(AutomationBudget other) {
    return new Circumstances(killSwitch, freezes, recent, other);
  }

  /**
   * The budget a policy sees for {@code budget}: available, or which limit is used up and when it
   * has room again.
   */
  public static AutomationBudget budget(RateLimits.Budget budget) {
    if (budget.available()) {
      return AutomationBudget.AVAILABLE;
    }
    RateLimits.RateLimit limit = budget.exhausted().orElseThrow();
    return AutomationBudget.exhausted(
        limit.scope()
            + " "
            + limit.burst()
            + " per "
            + human(limit.window())
            + ", next in "
            + human(budget.retryAfter()));
  }

  private static String human(Duration d) {
    return d.toString().substring(2).toLowerCase(Locale.ROOT);
  }

  /**
   * Where circumstances come from, and the token an automatic approval takes. The gateway's is
   * built from its configuration and Redis ({@code GatewayBeans}); {@link #NONE_SOURCE} has no
   * limits, for tools and tests that only decide.
   */
  public interface Source {

    /**
     * The circumstances of {@code action} at {@code now}, read without waiting, so that a
     * decision's reads are in flight together (see {@code io.rehearsal.store.Reads}).
     */
    CompletableFuture<Circumstances> at(Action action, Instant now);

    /**
     * The token an automatic approval of {@code action} at {@code now} takes from the automation
     * budget, in the same write that stores the decision (so the decision and its token land
     * together or neither does, and racing replays of one decision spend one token); empty when
     * nothing rations automatic actions.
     */
    Optional<RateLimits.Take> token(Action action, Instant now);
  }

  /** No kill switch, freeze, history or limit. */
  public static final Source NONE_SOURCE =
      new Source() {
        @Override
        public CompletableFuture<Circumstances> at(Action action, Instant now) {
          return CompletableFuture.completedFuture(NONE);
        }

        @Override
        public Optional<RateLimits.Take> token(Action action, Instant now) {
          return Optional.empty();
        }
      };
}
