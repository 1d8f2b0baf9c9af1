package io.rehearsal.gateway.decision;

import io.rehearsal.proto.v1.Decision;
import io.rehearsal.proto.v1.DecisionEvent;
import io.rehearsal.proto.v1.DecisionState;
import io.rehearsal.store.AuditEntry;
import io.rehearsal.store.AuditLog;
import io.rehearsal.store.DecisionJournal;
import io.rehearsal.store.DecisionJournal.OutboxOp;
import io.rehearsal.store.Decisions;
import io.rehearsal.store.RateLimits;
import io.rehearsal.store.Reads;
import io.rehearsal.store.Versioned;
import io.rehearsal.store.WriteResult;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Decisions in the store, each change followed by its audit entry: a revision is written by create
 * or compare-and-set through the {@link DecisionJournal} (which appends the change to the watch
 * stream and, for an approval, enqueues the hook delivery in the same atomic step), then appended
 * to the hash-chained audit log under the key {@code decision:<id>:<revision>} with the decision's
 * deterministic bytes as payload. Both happen before the caller answers. If the process or Redis
 * fails between the two, the next reader of the decision ({@link #audited}) appends the missing
 * entry; the key makes that append idempotent. An approval also records the action in its target's
 * history ({@link HistoryPolicy}), in the same journaled write.
 */
final class DecisionRecords {

  private final Decisions decisions;
  private final DecisionJournal journal; // null: plain writes, no events, no outbox
  private final AuditLog audit;
  private final HistoryPolicy history;

  DecisionRecords(
      Decisions decisions, DecisionJournal journal, AuditLog audit, HistoryPolicy history) {
    this.decisions = decisions;
    this.journal = journal;
    this.audit = audit;
    this.history = history;
  }

  /** The stored decision, its revision checked against the stored record's. */
  Optional<StoredDecision> get(String id) {
    return Reads.await(getAsync(id));
  }

  /** {@link #get} without waiting, read together with a decision's other records. */
  CompletableFuture<Optional<StoredDecision>> getAsync(String id) {
    return decisions.getAsync(id).thenApply(found -> found.map(DecisionRecords::decode));
  }

  /**
   * Creates {@code record} at revision 1, audited, taking {@code token} in the same write when
   * there is one; the stored one if the id is taken (which takes no token); or, when a bucket of
   * {@code token} is empty, nothing. The journaled create and its audit entry go out together (one
   * round trip, the entry appended only if the create was applied: {@link
   * DecisionJournal#createAuditedAsync}). Completes on the Redis client's I/O thread.
   */
  CompletableFuture<Created> createAsync(StoredDecision record, Optional<RateLimits.Take> token) {
    Decision d = record.decision();
    if (journal == null) {
      if (token.isPresent()) {
        throw new IllegalStateException("a decision that takes a token needs the journaled desk");
      }
      return decisions
          .createAsync(d.getId(), record.encode())
          .thenCompose(result -> created(record, result, Optional.empty()));
    }
    return journal
        .createAuditedAsync(
            d.getId(),
            record.encode(),
            event(d, DecisionState.DECISION_STATE_UNSPECIFIED),
            outboxOp(DecisionState.DECISION_STATE_UNSPECIFIED, d.getState()),
            Timestamps.instant(d.getUpdatedAt()).toEpochMilli(),
            history.change(DecisionState.DECISION_STATE_UNSPECIFIED, d),
            token,
            audit,
            auditKey(d),
            StoredDecision.deterministic(d))
        .thenCompose(audited -> created(record, audited.written().result(), audited.entry()));
  }

  /** The outcome of a create that wrote {@code result}, with the audit entry written with it. */
  private CompletableFuture<Created> created(
      StoredDecision record, WriteResult result, Optional<AuditEntry> entry) {
    if (result.applied()) { // Ok, or our own create re-sent by Lettuce after a reconnect
      return entry.isPresent()
          ? Reads.done(Created.made(record))
          : appendAsync(record.decision()).thenApply(appended -> Created.made(record));
    }
    if (result instanceof WriteResult.OverBudget over) {
      return Reads.done(Created.overBudget(over.budget()));
    }
    return getAsync(record.decision().getId())
        .thenApply(
            existing ->
                Created.found(
                    existing.orElseThrow(
                        () -> new IllegalStateException("decision vanished after " + result))));
  }

  /**
   * Replaces the decision at {@code expectedRevision} by {@code next} (whose revision must be one
   * more), audited.
   *
   * @throws GatewayException ABORTED when the stored revision moved on
   */
  StoredDecision update(long expectedRevision, DecisionState previous, StoredDecision next) {
    Decision d = next.decision();
    String id = d.getId();
    WriteResult result =
        journal == null
            ? decisions.compareAndSet(id, expectedRevision, next.encode())
            : journal
                .compareAndSet(
                    id,
                    expectedRevision,
                    next.encode(),
                    event(d, previous),
                    outboxOp(previous, d.getState()),
                    Timestamps.instant(d.getUpdatedAt()).toEpochMilli(),
                    history.change(previous, d))
                .result();
    if (result.applied()) {
      append(next.decision());
      return next;
    }
    if (result instanceof WriteResult.Conflict conflict) {
      throw GatewayException.of(
          GatewayException.Reason.ABORTED,
          "decision "
              + id
              + " is at revision "
              + conflict.currentRevision()
              + ", not "
              + expectedRevision
              + ": re-read and retry");
    }
    throw GatewayException.of(
        GatewayException.Reason.NOT_FOUND, "decision " + id + " does not exist");
  }

  /** {@code record}, after making sure its current revision is in the audit log. */
  StoredDecision audited(StoredDecision record) {
    return Reads.await(auditedAsync(record));
  }

  /** {@link #audited} without waiting. */
  CompletableFuture<StoredDecision> auditedAsync(StoredDecision record) {
    return audit
        .containsAsync(auditKey(record.decision()))
        .thenCompose(
            found ->
                found
                    ? Reads.done(record)
                    : appendAsync(record.decision()).thenApply(entry -> record));
  }

  /** The audit key of a decision revision. */
  static String auditKey(Decision decision) {
    return "decision:" + decision.getId() + ":" + decision.getRevision();
  }

  /**
   * An approval enqueues the hook delivery; leaving APPROVED removes it (delivered, blocked,
   * shadowed, cancelled, expired or reported).
   */
  static OutboxOp outboxOp(DecisionState previous, DecisionState next) {
    boolean was = previous == DecisionState.DECISION_STATE_APPROVED;
    boolean is = next == DecisionState.DECISION_STATE_APPROVED;
    if (is && !was) {
      return OutboxOp.ENQUEUE;
    }
    return was && !is ? OutboxOp.DONE : OutboxOp.NONE;
  }

  /** The watch event of a change: the decision after it and the state before. */
  static byte[] event(Decision decision, DecisionState previous) {
    return StoredDecision.deterministic(
        DecisionEvent.newBuilder().setDecision(decision).setPreviousState(previous).build());
  }

  private void append(Decision decision) {
    Reads.await(appendAsync(decision));
  }

  private CompletableFuture<AuditEntry> appendAsync(Decision decision) {
    return audit.appendAsync(auditKey(decision), StoredDecision.deterministic(decision));
  }

  private static StoredDecision decode(Versioned versioned) {
    StoredDecision record = StoredDecision.decode(versioned.payload());
    if (record.decision().getRevision() != versioned.revision()) {
      throw new IllegalStateException(
          "decision "
              + record.decision().getId()
              + " holds revision "
              + record.decision().getRevision()
              + " in a record at revision "
              + versioned.revision());
    }
    return record;
  }

  /**
   * A create's outcome: the stored record and whether this call made it; or, when the token it was
   * to take was not there, the budget that is used up (and no record).
   */
  record Created(
      Optional<StoredDecision> record, boolean created, Optional<RateLimits.Budget> overBudget) {

    static Created made(StoredDecision record) {
      return new Created(Optional.of(record), true, Optional.empty());
    }

    static Created found(StoredDecision record) {
      return new Created(Optional.of(record), false, Optional.empty());
    }

    static Created overBudget(RateLimits.Budget budget) {
      return new Created(Optional.empty(), false, Optional.of(budget));
    }
  }
}
