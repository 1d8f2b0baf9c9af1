package io.rehearsal.gateway.dispatch;

import io.rehearsal.gateway.decision.Executions;
import io.rehearsal.gateway.decision.GatewayException;
import io.rehearsal.gateway.shadow.ShadowLedger;
import io.rehearsal.proto.v1.Decision;
import io.rehearsal.proto.v1.DecisionState;
import io.rehearsal.proto.v1.KillSwitchState;
import io.rehearsal.store.DispatchOutbox;
import io.rehearsal.store.Reads;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.random.RandomGenerator;

/**
 * Works through the hook outbox: claims due deliveries in batches (leased, so a dispatcher that
 * dies is replaced) and reads their decisions together; entries with nothing to deliver (the
 * decision moved on, or no hook serves its environment) are removed in one write. For each other
 * approved decision it checks, in order, expiry, the kill switch and freeze windows (refused:
 * BLOCKED), shadow mode (SHADOWED, a ledger entry, no call), then calls its hook. An acknowledged
 * delivery moves the decision to EXECUTING and removes the entry in one write; a failed one is
 * retried after a backoff, and dead-lettered after {@code maxAttempts}.
 *
 * <p>Delivery is at least once (a gateway may die after the hook acted and before it recorded the
 * acknowledgement); every attempt carries the decision id as webhook-id, so the effect at a
 * receiver honouring it is exactly once.
 */
public final class Dispatcher implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(Dispatcher.class.getName());

  private final Executions executions;
  private final DispatchOutbox outbox;
  private final ShadowLedger ledger;
  private final List<HookTarget> hooks;
  private final DispatchGuards guards;
  private final ShadowScope shadow;
  private final DispatchSettings settings;
  private final WebhookSender sender;
  private final Clock clock;
  private final RandomGenerator random;
  private final ExecutorService workers;
  private ScheduledExecutorService loop;

  /**
   * @param random jitter source (seed it for repeatable waits); used under this object's lock
   */
  public Dispatcher(
      Executions executions,
      DispatchOutbox outbox,
      ShadowLedger ledger,
      List<HookTarget> hooks,
      DispatchGuards guards,
      ShadowScope shadow,
      DispatchSettings settings,
      WebhookSender sender,
      Clock clock,
      RandomGenerator random) {
    this.executions = executions;
    this.outbox = outbox;
    this.ledger = ledger;
    this.hooks = List.copyOf(hooks);
    this.guards = guards;
    this.shadow = shadow;
    this.settings = settings;
    this.sender = sender;
    this.clock = clock;
    this.random = random;
    this.workers = Executors.newFixedThreadPool(settings.concurrency(), Dispatcher::thread);
  }

  /** Polls the outbox every poll interval in the background until {@link #close}. */
  public synchronized void start() {
    if (loop != null) {
      return;
    }
    loop = Executors.newSingleThreadScheduledExecutor(Dispatcher::thread);
    long every = settings.pollInterval().toMillis();
    loop.scheduleWithFixedDelay(this::drain, 0, Math.max(1, every), TimeUnit.MILLISECONDS);
  }

  /**
   * Claims one batch of due deliveries, reads their decisions together, clears those with nothing
   * to deliver in one write, and handles the rest {@code concurrency} at a time.
   *
   * @return how many were claimed
   */
  public int runOnce() {
    Instant now = clock.instant();
    List<DispatchOutbox.Claim> claims =
        outbox.claim(
            now.toEpochMilli(), now.plus(settings.lease()).toEpochMilli(), settings.batchSize());
    if (claims.isEmpty()) {
      return 0;
    }
    List<CompletableFuture<Optional<Decision>>> reads =
        claims.stream().map(c -> executions.findAsync(c.decisionId())).toList();
    KillSwitchState killSwitch = guards.runtime().state();
    List<String> nothingToDeliver = new ArrayList<>();
    List<Future<?>> running = new ArrayList<>();
    for (int i = 0; i < claims.size(); i++) {
      DispatchOutbox.Claim claim = claims.get(i);
      Optional<Decision> found;
      try {
        found = Reads.await(reads.get(i));
      } catch (RuntimeException e) {
        // Unreadable now: the lease runs out and the delivery is claimed again.
        LOG.log(Level.WARNING, "dispatch of " + claim.decisionId() + " failed: " + e.getMessage());
        continue;
      }
      if (nothingToDeliver(found, killSwitch, now)) {
        nothingToDeliver.add(claim.decisionId());
      } else {
        running.add(workers.submit(() -> handleSafely(claim, found.get())));
      }
    }
    outbox.remove(nothingToDeliver);
    for (Future<?> f : running) {
      await(f);
    }
    return claims.size();
  }

  /** Stops polling and waits for deliveries in flight (their leases keep them otherwise). */
  @Override
  public synchronized void close() {
    if (loop != null) {
      loop.shutdownNow();
    }
    workers.shutdownNow();
    try {
      workers.awaitTermination(settings.timeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void drain() {
    try {
      while (runOnce() == settings.batchSize()) {
        // a full batch: more may be due
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "dispatch poll failed; retrying next poll: " + e.getMessage());
    }
  }

  /**
   * Whether the entry only needs removing: its decision is gone or moved on (cancelled, reported),
   * or it is approved for an environment no hook serves, unexpired, allowed by the guards and not
   * shadowed (pulling loops take it through Watch).
   */
  private boolean nothingToDeliver(
      Optional<Decision> found, KillSwitchState killSwitch, Instant now) {
    if (found.isEmpty() || found.get().getState() != DecisionState.DECISION_STATE_APPROVED) {
      return true;
    }
    Decision d = found.get();
    return hook(d).isEmpty()
        && !expired(d, now)
        && guards.refusal(d, now, killSwitch).isEmpty()
        && shadow.reason(d).isEmpty();
  }

  private void handleSafely(DispatchOutbox.Claim claim, Decision d) {
    try {
      handle(claim, d);
    } catch (RuntimeException e) {
      // The lease runs out and the delivery is claimed again.
      LOG.log(Level.WARNING, "dispatch of " + claim.decisionId() + " failed: " + e.getMessage());
    }
  }

  /** An approved decision: expiry, the guards (read again now) and shadow mode, then its hook. */
  private void handle(DispatchOutbox.Claim claim, Decision d) {
    Instant now = clock.instant();
    Optional<HookTarget> hook = hook(d);
    Optional<String> refusal = guards.refusal(d, now);
    Optional<String> shadowed = shadow.reason(d);
    if (expired(d, now)) {
      handOff(d, DecisionState.DECISION_STATE_EXPIRED, "expired before dispatch");
    } else if (refusal.isPresent()) {
      handOff(d, DecisionState.DECISION_STATE_BLOCKED, refusal.get());
    } else if (shadowed.isPresent()) {
      ledger.record(d, hook.map(HookTarget::name).orElse(""), shadowed.get(), now);
      handOff(d, DecisionState.DECISION_STATE_SHADOWED, shadowed.get());
    } else if (hook.isEmpty()) {
      outbox.remove(d.getId()); // no hook for the environment: pulling loops take it (Watch)
    } else {
      deliver(claim, d, hook.get());
    }
  }

  private Optional<HookTarget> hook(Decision d) {
    return hooks.stream().filter(h -> h.serves(env(d))).findFirst();
  }

  private void deliver(DispatchOutbox.Claim claim, Decision d, HookTarget hook) {
    Delivery result = sender.send(hook, d);
    if (result instanceof Delivery.Acknowledged ack) {
      handOff(
          d,
          DecisionState.DECISION_STATE_EXECUTING,
          "hook " + hook.name() + " acknowledged delivery (HTTP " + ack.status() + ")");
      return;
    }
    String error = "hook " + hook.name() + ": " + ((Delivery.Failed) result).error();
    Instant now = clock.instant();
    if (claim.attempt() >= settings.maxAttempts()) {
      outbox.deadLetter(d.getId(), now.toEpochMilli(), error);
      LOG.warning(
          "dead-lettered " + d.getId() + " after " + claim.attempt() + " attempts: " + error);
      return;
    }
    outbox.retryLater(d.getId(), now.plus(wait(claim.attempt())).toEpochMilli(), error);
  }

  private void handOff(Decision d, DecisionState next, String reason) {
    try {
      executions.handOff(d.getId(), d.getRevision(), next, reason);
    } catch (GatewayException e) {
      // Changed meanwhile (e.g. cancelled): that write removed the outbox entry, or the next
      // claim sees the new state.
      LOG.fine("hand-off of " + d.getId() + " skipped: " + e.getMessage());
    }
  }

  private synchronized java.time.Duration wait(int attempt) {
    return settings.backoff().delay(attempt, random);
  }

  private static boolean expired(Decision d, Instant now) {
    return d.hasExpiresAt()
        && !now.isBefore(
            Instant.ofEpochSecond(d.getExpiresAt().getSeconds(), d.getExpiresAt().getNanos()));
  }

  private static io.rehearsal.proto.v1.Environment env(Decision d) {
    return d.getRequest().getEnvironment();
  }

  private static void await(Future<?> f) {
    try {
      f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      LOG.log(Level.WARNING, "dispatch worker failed", e.getCause());
    }
  }

  private static Thread thread(Runnable r) {
    Thread t = new Thread(r, "rehearsal-dispatch");
    t.setDaemon(true);
    return t;
  }
}
