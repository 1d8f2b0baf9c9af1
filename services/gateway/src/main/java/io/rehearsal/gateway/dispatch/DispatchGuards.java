package io.rehearsal.gateway.dispatch;

import io.rehearsal.proto.v1.Decision;
import io.rehearsal.proto.v1.Target;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The guards checked again when a hook is about to be called, whatever the policy decided: the kill
 * switch (global, or for the decision's target) and the freeze windows. A "no" is a reason.
 *
 * @param killAll the global kill switch: nothing is dispatched
 * @param killedTargets targets nothing is dispatched to, by {@link #targetKey} (service, else
 *     dependency)
 * @param freezes the freeze calendar
 * @param runtime the kill switch as changed at run time (read on every check)
 */
public record DispatchGuards(
    boolean killAll,
    Set<String> killedTargets,
    List<FreezeWindow> freezes,
    KillSwitchSource runtime) {

  /** No kill switch, no freeze. */
  public static final DispatchGuards NONE = new DispatchGuards(false, Set.of(), List.of());

  /** Copies the collections. */
  public DispatchGuards {
    killedTargets = Set.copyOf(killedTargets);
    freezes = List.copyOf(freezes);
    java.util.Objects.requireNonNull(runtime, "runtime");
  }

  /** Configured guards only: nothing changed at run time. */
  public DispatchGuards(boolean killAll, Set<String> killedTargets, List<FreezeWindow> freezes) {
    this(killAll, killedTargets, freezes, KillSwitchSource.NONE);
  }

  /** These guards with the run-time kill switch of {@code source}. */
  public DispatchGuards withRuntime(KillSwitchSource source) {
    return new DispatchGuards(killAll, killedTargets, freezes, source);
  }

  /** Whether the global switch is on, configured or at run time (reads the run-time switch). */
  public boolean allStopped(io.rehearsal.proto.v1.KillSwitchState now) {
    return killAll || now.getAll();
  }

  /** The targets stopped, configured or at run time. */
  public Set<String> stoppedTargets(io.rehearsal.proto.v1.KillSwitchState now) {
    Set<String> all = new java.util.TreeSet<>(killedTargets);
    all.addAll(now.getTargetsList());
    return all;
  }

  /** Why {@code decision} may not be dispatched at {@code now}, or empty when it may. */
  public Optional<String> refusal(Decision decision, Instant now) {
    return refusal(decision, now, runtime.state());
  }

  /**
   * Why {@code decision} may not be dispatched at {@code now} with the run-time kill switch as read
   * in {@code state} (one read for a batch), or empty when it may.
   */
  public Optional<String> refusal(
      Decision decision, Instant now, io.rehearsal.proto.v1.KillSwitchState state) {
    if (allStopped(state)) {
      return Optional.of("dispatch refused: the global kill switch is on");
    }
    String target = targetKey(decision.getRequest().getRemediation().getTarget());
    if (stoppedTargets(state).contains(target)) {
      return Optional.of("dispatch refused: the kill switch is on for target '" + target + "'");
    }
    return freezes.stream()
        .filter(f -> f.covers(now, decision.getRequest().getEnvironment()))
        .findFirst()
        .map(
            f ->
                "dispatch refused: freeze window '"
                    + f.name()
                    + "' ("
                    + f.start()
                    + " to "
                    + f.end()
                    + " "
                    + f.zone()
                    + ") is in force");
  }

  /** The name a kill switch or shadow scope uses for a target: its service, else its dependency. */
  public static String targetKey(Target target) {
    return target.getService().isEmpty() ? target.getDependency() : target.getService();
  }
}
