package io.rehearsal.policy;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the engine decides on, besides the clock. The gateway assembles it: the request's
 * remediation, the evidence it fetched from the store by hash, the twin's fidelity, the target's
 * history, the freeze calendar, the kill switch and the approvals so far.
 *
 * @param action the requested remediation
 * @param evidence the sandbox evidence for it; empty when none is available
 * @param twin fidelity of the twin the evidence came from; empty when unknown
 * @param recent remediations already applied to the same target
 * @param freezes freeze windows (active or not: the engine checks them against its clock)
 * @param killSwitch the emergency stop
 * @param approvals approvals recorded so far
 * @param budget whether the rate limits on automatic actions leave room for this one
 */
public record PolicyInput(
    Action action,
    Optional<Evidence> evidence,
    Optional<TwinFidelity> twin,
    List<PastAction> recent,
    List<FreezeWindow> freezes,
    KillSwitch killSwitch,
    List<Approval> approvals,
    AutomationBudget budget) {

  /** Copies the lists and checks that nothing is missing. */
  public PolicyInput {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(evidence, "evidence");
    Objects.requireNonNull(twin, "twin");
    recent = List.copyOf(recent);
    freezes = List.copyOf(freezes);
    Objects.requireNonNull(killSwitch, "killSwitch");
    approvals = List.copyOf(approvals);
    Objects.requireNonNull(budget, "budget");
  }

  /** An input whose rate limits leave room ({@link AutomationBudget#AVAILABLE}). */
  public PolicyInput(
      Action action,
      Optional<Evidence> evidence,
      Optional<TwinFidelity> twin,
      List<PastAction> recent,
      List<FreezeWindow> freezes,
      KillSwitch killSwitch,
      List<Approval> approvals) {
    this(
        action, evidence, twin, recent, freezes, killSwitch, approvals, AutomationBudget.AVAILABLE);
  }

  /** This input with another automation budget. */
  public PolicyInput withBudget(AutomationBudget other) {
    return new PolicyInput(action, evidence, twin, recent, freezes, killSwitch, approvals, other);
  }

  /** An input with only the action and its evidence: no history, freezes or approvals. */
  public static PolicyInput of(Action action, Evidence evidence, TwinFidelity twin) {
    return new PolicyInput(
        action,
        Optional.of(evidence),
        Optional.of(twin),
        List.of(),
        List.of(),
        KillSwitch.OFF,
        List.of());
  }
}
