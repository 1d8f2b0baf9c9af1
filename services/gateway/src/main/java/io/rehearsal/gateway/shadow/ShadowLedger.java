package io.rehearsal.gateway.shadow;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Timestamp;
import io.rehearsal.proto.v1.Decision;
import io.rehearsal.proto.v1.ShadowLedgerEntry;
import io.rehearsal.store.Ledger;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The shadow ledger: one entry per decision shadowed instead of dispatched — what would have run,
 * where, through which hook and why it did not — and, once the incident's outcome check reports,
 * whether the incident recovered anyway. The evidence a team reads before it lets the loop act.
 * Entries are keyed by decision id, so writing one again is harmless.
 */
public final class ShadowLedger {

  private final Ledger ledger;

  /** A ledger over the store's {@code shadow} records. */
  public ShadowLedger(Ledger ledger) {
    this.ledger = ledger;
  }

  /** Records that {@code decision} would have been dispatched to {@code hook} at {@code now}. */
  public ShadowLedgerEntry record(Decision decision, String hook, String reason, Instant now) {
    ShadowLedgerEntry entry =
        ShadowLedgerEntry.newBuilder()
            .setDecisionId(decision.getId())
            .setRemediation(decision.getRequest().getRemediation())
            .setEnvironment(decision.getRequest().getEnvironment())
            .setIncidentId(decision.getRequest().getIncidentId())
            .setHook(hook)
            .setReason(reason)
            .setTime(
                Timestamp.newBuilder()
                    .setSeconds(now.getEpochSecond())
                    .setNanos(now.getNano())
                    .build())
            .build();
    Optional<ShadowLedgerEntry> existing = find(decision.getId());
    if (existing.isPresent()) {
      return existing.get(); // a retried hand-off: keep the first record
    }
    ledger.put(decision.getId(), entry.toByteArray(), now.toEpochMilli());
    return entry;
  }

  /**
   * Adds a shadowed decision's outcome report to its entry: recovered anyway when every SLO held
   * again within the report's window ({@code observed.time_to_recover_seconds} set).
   */
  public Optional<ShadowLedgerEntry> outcome(Decision decision) {
    Optional<ShadowLedgerEntry> existing = find(decision.getId());
    if (existing.isEmpty() || !decision.hasExecution()) {
      return existing;
    }
    ShadowLedgerEntry updated =
        existing.get().toBuilder()
            .setOutcome(decision.getExecution())
            .setRecoveredAnyway(decision.getExecution().getObserved().hasTimeToRecoverSeconds())
            .build();
    Timestamp t = updated.getTime();
    ledger.put(
        decision.getId(),
        updated.toByteArray(),
        Instant.ofEpochSecond(t.getSeconds(), t.getNanos()).toEpochMilli());
    return Optional.of(updated);
  }

  /** The entry of {@code decisionId}, if it was shadowed. */
  public Optional<ShadowLedgerEntry> find(String decisionId) {
    return ledger.get(decisionId).map(ShadowLedger::parse);
  }

  /** Up to {@code limit} entries, newest first. */
  public List<ShadowLedgerEntry> newest(int limit) {
    return ledger.newest(limit).stream().map(ShadowLedger::parse).toList();
  }

  private static ShadowLedgerEntry parse(byte[] bytes) {
    try {
      return ShadowLedgerEntry.parseFrom(bytes);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException(
          "a shadow ledger entry is not readable: " + e.getMessage(), e);
    }
  }
}
