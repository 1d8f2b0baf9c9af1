package io.rehearsal.policy;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A period during which no remediation may reach the environments and services it covers.
 *
 * @param name shown in reasons, e.g. {@code black-friday}
 * @param start first instant of the freeze (inclusive)
 * @param end end of the freeze (exclusive)
 * @param environments environments frozen; empty means all
 * @param services services frozen; empty means all
 */
public record FreezeWindow(
    String name, Instant start, Instant end, Set<Environment> environments, Set<String> services) {

  /** Copies the sets and checks the interval. */
  public FreezeWindow {
    Objects.requireNonNull(name, "freeze.name");
    if (!start.isBefore(end)) {
      throw new IllegalArgumentException(
          "freeze '" + name + "' must start before it ends, but was " + start + " .. " + end);
    }
    environments = Set.copyOf(environments);
    services = Set.copyOf(services);
  }

  /** True when the freeze is in force at {@code now} for this action. */
  public boolean covers(Instant now, Action action) {
    return !now.isBefore(start)
        && now.isBefore(end)
        && (environments.isEmpty() || environments.contains(action.environment()))
        && (services.isEmpty() || services.contains(action.target().key()));
  }
}
