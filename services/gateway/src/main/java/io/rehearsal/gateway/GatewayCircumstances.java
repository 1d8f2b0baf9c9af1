package io.rehearsal.gateway;

import io.rehearsal.gateway.decision.HistoryPolicy;
import io.rehearsal.gateway.dispatch.DispatchGuards;
import io.rehearsal.gateway.mapping.Circumstances;
import io.rehearsal.policy.Action;
import io.rehearsal.policy.Environment;
import io.rehearsal.policy.FreezeWindow;
import io.rehearsal.policy.KillSwitch;
import io.rehearsal.policy.PastAction;
import io.rehearsal.proto.v1.KillSwitchState;
import io.rehearsal.store.ActionHistory;
import io.rehearsal.store.Ids;
import io.rehearsal.store.RateLimits;
import io.rehearsal.store.RateLimits.Budget;
import io.rehearsal.store.RateLimits.RateLimit;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * The gateway's circumstances at decision time: the kill switch (configured, and as changed at run
 * time by SetKillSwitch, read on every decision) and the freeze calendar from its configuration
 * (the very ones the dispatcher checks again before calling a hook), and the automation budget from
 * token buckets in Redis, one per target and one for the deployment, and the actions approved on
 * the target within the history window (recorded with each approval by the decision journal, see
 * {@link HistoryPolicy}).
 */
final class GatewayCircumstances implements Circumstances.Source {

  private final DispatchGuards guards;
  private final List<FreezeWindow> freezes;
  private final RateLimits buckets;
  private final LimitSpec perTarget;
  private final LimitSpec global;
  private final ActionHistory history;
  private final HistoryPolicy historyPolicy;

  /** A limit as configured: {@code count} automatic actions per {@code window}. */
  record LimitSpec(int count, Duration window) {

    /**
     * Parses {@code COUNT/DURATION}, e.g. {@code 3/1h}, {@code 30/1h}, {@code 1/10m}.
     *
     * @throws IllegalArgumentException naming {@code key} and the bad value
     */
    static LimitSpec parse(String key, String text) {
      String[] parts = text.strip().split("/");
      try {
        if (parts.length == 2) {
          int count = Integer.parseInt(parts[0].strip());
          Duration window = Duration.parse("PT" + parts[1].strip().toUpperCase(Locale.ROOT));
          new RateLimit("check", count, window);
          return new LimitSpec(count, window);
        }
      } catch (RuntimeException e) {
        throw new IllegalArgumentException(
            key + " must be COUNT/DURATION like 3/1h, but was '" + text + "': " + e.getMessage(),
            e);
      }
      throw new IllegalArgumentException(
          key + " must be COUNT/DURATION like 3/1h, but was '" + text + "'");
    }
  }

  GatewayCircumstances(
      DispatchGuards guards,
      RateLimits buckets,
      LimitSpec perTarget,
      LimitSpec global,
      ActionHistory history,
      HistoryPolicy historyPolicy) {
    this.guards = guards;
    this.freezes = guards.freezes().stream().map(GatewayCircumstances::freeze).toList();
    this.buckets = buckets;
    this.perTarget = perTarget;
    this.global = global;
    this.history = history;
    this.historyPolicy = historyPolicy;
  }

  @Override
  public CompletableFuture<Circumstances> at(Action action, Instant now) {
    CompletableFuture<KillSwitchState> killSwitch = guards.runtime().stateAsync();
    CompletableFuture<List<PastAction>> recent = historyPolicy.recent(history, action, now);
    CompletableFuture<Budget> budget = buckets.peekAsync(limits(action), now);
    return CompletableFuture.allOf(killSwitch, recent, budget)
        .thenApply(
            all ->
                new Circumstances(
                    killSwitch(killSwitch.join()),
                    freezes,
                    recent.join(),
                    Circumstances.budget(budget.join())));
  }

  @Override
  public Optional<RateLimits.Take> token(Action action, Instant now) {
    return Optional.of(new RateLimits.Take(limits(action), now));
  }

  /** The configured kill switch and the one changed at run time. */
  private KillSwitch killSwitch(KillSwitchState state) {
    return new KillSwitch(guards.allStopped(state), guards.stoppedTargets(state));
  }

  private List<RateLimit> limits(Action action) {
    String target =
        "target:" + action.environment().name() + "/" + Ids.keyPart(action.target().key());
    return List.of(
        new RateLimit(target, perTarget.count(), perTarget.window()),
        new RateLimit("global", global.count(), global.window()));
  }

  private static FreezeWindow freeze(io.rehearsal.gateway.dispatch.FreezeWindow f) {
    Set<Environment> environments =
        f.environments().stream()
            .map(e -> Environment.valueOf(e.name().substring("ENVIRONMENT_".length())))
            .collect(Collectors.toUnmodifiableSet());
    return new FreezeWindow(
        f.name(),
        f.start().atZone(f.zone()).toInstant(),
        f.end().atZone(f.zone()).toInstant(),
        environments,
        Set.of());
  }
}
