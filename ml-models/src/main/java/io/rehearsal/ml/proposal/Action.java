package io.rehearsal.ml.proposal;

import static io.rehearsal.ml.proposal.Catalog.check;

import java.util.List;

/**
 * One action of a catalog rule, with its parameter grid (every combination becomes a candidate).
 *
 * @param action what to do
 * @param on where, relative to the suspect (default: the suspect; callers for CALL_POLICY, entry
 *     for SHED_LOAD)
 * @param replicas SCALE: absolute replica counts
 * @param add SCALE: replicas to add to the current count
 * @param fraction RATE_LIMIT: multiple of the normal request rate admitted (up to 10); SHED_LOAD:
 *     share dropped (up to 1)
 * @param timeout CALL_POLICY: call timeouts in seconds
 * @param retries CALL_POLICY: retry counts
 * @param backoff CALL_POLICY: retry backoff in seconds (default 0.01)
 * @param delay seconds before the action takes effect (e.g. a rollback's deploy time), or null
 * @param why why this action answers the rule's fault, shown with every candidate
 */
public record Action(
    ActionKind action,
    Scope on,
    List<Integer> replicas,
    List<Integer> add,
    List<Double> fraction,
    List<Double> timeout,
    List<Integer> retries,
    Double backoff,
    Double delay,
    String why) {

  /** Fills defaults and checks that the parameters fit the action. */
  public Action {
    check(action != null, "action is required", action);
    check(why != null && !why.isBlank(), "why is required (say why the action helps)", why);
    replicas = replicas == null ? List.of() : List.copyOf(replicas);
    add = add == null ? List.of() : List.copyOf(add);
    fraction = fraction == null ? List.of() : List.copyOf(fraction);
    timeout = timeout == null ? List.of() : List.copyOf(timeout);
    retries = retries == null ? List.of() : List.copyOf(retries);
    backoff = backoff == null ? 0.01 : backoff;
    on = on != null ? on : defaultScope(action);
    check(delay == null || delay >= 0, "delay must not be negative", delay);
    checkParameters(action, on, replicas, add, fraction, timeout, retries);
  }

  private static Scope defaultScope(ActionKind action) {
    return switch (action) {
      case CALL_POLICY -> Scope.CALLERS;
      case SHED_LOAD -> Scope.ENTRY;
      default -> Scope.SUSPECT;
    };
  }

  private static void checkParameters(
      ActionKind action,
      Scope on,
      List<Integer> replicas,
      List<Integer> add,
      List<Double> fraction,
      List<Double> timeout,
      List<Integer> retries) {
    boolean scale = action == ActionKind.SCALE;
    boolean share = action == ActionKind.RATE_LIMIT || action == ActionKind.SHED_LOAD;
    boolean call = action == ActionKind.CALL_POLICY;
    check(
        scale || (replicas.isEmpty() && add.isEmpty()),
        action + " takes no replicas or add",
        action);
    check(
        !scale || !(replicas.isEmpty() && add.isEmpty()), "SCALE needs replicas or add", replicas);
    replicas.forEach(r -> check(r != null && r >= 1, "replicas must be at least 1", r));
    add.forEach(r -> check(r != null && r >= 1, "add must be at least 1", r));
    check(share || fraction.isEmpty(), action + " takes no fraction", fraction);
    check(!share || !fraction.isEmpty(), action + " needs fraction", fraction);
    double most = action == ActionKind.RATE_LIMIT ? 10 : 1;
    fraction.forEach(
        f ->
            check(
                f != null && f > 0 && f <= most, "fraction must be in (0, " + (int) most + "]", f));
    check(
        call || (timeout.isEmpty() && retries.isEmpty()),
        action + " takes no timeout or retries",
        action);
    check(
        !call || !(timeout.isEmpty() && retries.isEmpty()),
        "CALL_POLICY needs timeout or retries",
        timeout);
    check(!call || on == Scope.CALLERS, "CALL_POLICY applies on: callers", on);
    check(action != ActionKind.SHED_LOAD || on == Scope.ENTRY, "SHED_LOAD applies on: entry", on);
    check(
        on != Scope.ENTRY || action == ActionKind.SHED_LOAD,
        "on: entry is for SHED_LOAD only",
        action);
    timeout.forEach(t -> check(t != null && t > 0, "timeout must be positive (seconds)", t));
    retries.forEach(
        r -> check(r != null && r >= 0 && r <= 10, "retries must be between 0 and 10", r));
  }
}
