package io.rehearsal.gateway.dispatch;

import io.rehearsal.proto.v1.Environment;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Set;

/**
 * A period, in local time of a zone, during which nothing is dispatched to the environments it
 * covers, e.g. Christmas 2026-12-24T00:00 to 2026-12-27T00:00 in Europe/Berlin. Local times are
 * resolved in the zone (daylight-saving gaps move forward, as {@link java.time.ZonedDateTime}
 * does).
 *
 * @param name shown in the blocked decision's reason
 * @param zone the zone the local times are in
 * @param start first local time frozen (inclusive)
 * @param end first local time no longer frozen (exclusive)
 * @param environments environments frozen; empty means all
 */
public record FreezeWindow(
    String name,
    ZoneId zone,
    LocalDateTime start,
    LocalDateTime end,
    Set<Environment> environments) {

  /** Checks the interval and copies the set. */
  public FreezeWindow {
    Objects.requireNonNull(name, "freeze name");
    Objects.requireNonNull(zone, "freeze." + name + ".zone");
    if (!start.isBefore(end)) {
      throw new IllegalArgumentException(
          "freeze." + name + " must start before it ends, but was " + start + " .. " + end);
    }
    environments = Set.copyOf(environments);
  }

  /** Whether the freeze is in force at {@code now} for {@code environment}. */
  public boolean covers(Instant now, Environment environment) {
    Instant from = start.atZone(zone).toInstant();
    Instant to = end.atZone(zone).toInstant();
    return !now.isBefore(from)
        && now.isBefore(to)
        && (environments.isEmpty() || environments.contains(environment));
  }
}
