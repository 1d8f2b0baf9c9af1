package io.rehearsal.gateway.dispatch;

import com.google.protobuf.InvalidProtocolBufferException;
import io.rehearsal.gateway.decision.GatewayException;
import io.rehearsal.gateway.decision.StoredDecision;
import io.rehearsal.proto.v1.KillSwitchChange;
import io.rehearsal.proto.v1.KillSwitchState;
import io.rehearsal.proto.v1.SetKillSwitchRequest;
import io.rehearsal.store.AuditLog;
import io.rehearsal.store.Ledger;
import io.rehearsal.store.Reads;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

/**
 * The kill switch operators change at run time, beside the configured one: each change is the
 * latest entry of its scope (the global switch, or one target) in the {@code kill-switch} ledger in
 * Redis, shared by every gateway replica, and is appended to the audit log before the call answers.
 * Decisions and dispatches read it every time, so a stop takes effect on the next one. Configured
 * switches cannot be released here (the configuration would engage them again at the next start).
 */
public final class KillSwitchBoard implements KillSwitchSource {

  private static final Pattern TARGET = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:@/-]{0,127}");
  private static final int SCOPES_READ = 1_000;

  private final boolean configuredAll;
  private final Set<String> configuredTargets;
  private final Ledger changes;
  private final AuditLog audit;
  private final Clock clock;

  /**
   * @param configuredAll the configured global switch
   * @param configuredTargets the configured targets
   * @param changes where run-time changes are kept (e.g. {@code journal.ledger("kill-switch")})
   * @param audit where every change is appended
   * @param clock the gateway's clock
   */
  public KillSwitchBoard(
      boolean configuredAll,
      Set<String> configuredTargets,
      Ledger changes,
      AuditLog audit,
      Clock clock) {
    this.configuredAll = configuredAll;
    this.configuredTargets = Set.copyOf(configuredTargets);
    this.changes = changes;
    this.audit = audit;
    this.clock = clock;
  }

  /** The switch in force: configured and run-time together. */
  @Override
  public KillSwitchState state() {
    return Reads.await(stateAsync());
  }

  @Override
  public CompletableFuture<KillSwitchState> stateAsync() {
    return changes.newestAsync(SCOPES_READ).thenApply(this::inForce);
  }

  private KillSwitchState inForce(List<byte[]> newest) {
    List<KillSwitchChange> latest =
        newest.stream()
            .map(KillSwitchBoard::parse)
            .sorted(
                Comparator.comparing((KillSwitchChange c) -> c.getTime().getSeconds())
                    .thenComparing(c -> c.getTime().getNanos())
                    .reversed())
            .toList();
    boolean all =
        configuredAll || latest.stream().anyMatch(c -> c.getTarget().isEmpty() && c.getEngaged());
    Set<String> targets = new TreeSet<>(configuredTargets);
    latest.stream()
        .filter(c -> !c.getTarget().isEmpty() && c.getEngaged())
        .forEach(c -> targets.add(c.getTarget()));
    return KillSwitchState.newBuilder()
        .setAll(all)
        .addAllTargets(targets)
        .addAllChanges(latest)
        .build();
  }

  /**
   * Records a run-time change, audited, and returns the switch in force after it.
   *
   * @throws GatewayException INVALID_ARGUMENT (no reason, malformed target, no actor),
   *     FAILED_PRECONDITION (releasing a configured switch)
   */
  public KillSwitchState set(SetKillSwitchRequest request) {
    validate(request);
    String target = request.getTarget();
    if (!request.getEngaged() && configured(target)) {
      throw GatewayException.of(
          GatewayException.Reason.FAILED_PRECONDITION,
          "the kill switch for "
              + scope(target)
              + " is engaged by configuration (rehearsal.gateway.kill-switch.*): change it there"
              + " and restart");
    }
    Instant now = clock.instant();
    KillSwitchChange change =
        KillSwitchChange.newBuilder()
            .setTarget(target)
            .setEngaged(request.getEngaged())
            .setReason(request.getReason())
            .setActor(request.getActor())
            .setTime(
                com.google.protobuf.Timestamp.newBuilder()
                    .setSeconds(now.getEpochSecond())
                    .setNanos(now.getNano()))
            .build();
    byte[] bytes = StoredDecision.deterministic(change);
    String id = target.isEmpty() ? "global" : "target:" + target;
    changes.put(id, bytes, now.toEpochMilli());
    audit.append("kill-switch:" + id + ":" + UUID.randomUUID(), bytes);
    return state();
  }

  private boolean configured(String target) {
    return target.isEmpty() ? configuredAll : configuredTargets.contains(target);
  }

  private static String scope(String target) {
    return target.isEmpty() ? "all automation" : "target '" + target + "'";
  }

  private static void validate(SetKillSwitchRequest request) {
    if (request.getReason().isBlank()) {
      throw GatewayException.invalid("reason", "is required");
    }
    if (request.getActor().isBlank()) {
      throw GatewayException.invalid("actor", "is required");
    }
    String target = request.getTarget();
    if (!target.isEmpty() && !TARGET.matcher(target).matches()) {
      throw GatewayException.invalid(
          "target",
          "must be a service or dependency name (letters, digits, . _ : @ / -), but was '"
              + target
              + "'");
    }
  }

  private static KillSwitchChange parse(byte[] bytes) {
    try {
      return KillSwitchChange.parseFrom(bytes);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("a kill-switch ledger entry does not parse", e);
    }
  }
}
