package io.rehearsal.gateway.dispatch;

import io.rehearsal.proto.v1.Decision;
import io.rehearsal.proto.v1.Environment;
import java.util.Optional;
import java.util.Set;

/**
 * Where the gateway runs in shadow mode: decisions there are made, explained and audited as
 * anywhere else, but their hook is never called; the shadow ledger records what would have run.
 *
 * @param environments environments in shadow mode
 * @param targets targets in shadow mode, by {@link DispatchGuards#targetKey}
 */
public record ShadowScope(Set<Environment> environments, Set<String> targets) {

  /** Enforce mode everywhere. */
  public static final ShadowScope NONE = new ShadowScope(Set.of(), Set.of());

  /** Copies the sets. */
  public ShadowScope {
    environments = Set.copyOf(environments);
    targets = Set.copyOf(targets);
  }

  /** Why {@code decision} is shadowed, or empty in enforce mode. */
  public Optional<String> reason(Decision decision) {
    Environment environment = decision.getRequest().getEnvironment();
    if (environments.contains(environment)) {
      return Optional.of("shadow mode: environment " + environment + " is in shadow mode");
    }
    String target = DispatchGuards.targetKey(decision.getRequest().getRemediation().getTarget());
    return targets.contains(target)
        ? Optional.of("shadow mode: target '" + target + "' is in shadow mode")
        : Optional.empty();
  }
}
