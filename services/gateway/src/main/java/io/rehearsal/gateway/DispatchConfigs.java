package io.rehearsal.gateway;

import io.rehearsal.gateway.dispatch.Backoff;
import io.rehearsal.gateway.dispatch.DispatchGuards;
import io.rehearsal.gateway.dispatch.DispatchSettings;
import io.rehearsal.gateway.dispatch.FreezeWindow;
import io.rehearsal.gateway.dispatch.HookTarget;
import io.rehearsal.gateway.dispatch.ShadowScope;
import io.rehearsal.proto.v1.Environment;
import java.net.URI;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * {@link GatewayConfig}'s dispatch keys turned into the dispatch package's validated records, once
 * at start-up: a bad value stops the gateway with a message naming the key.
 */
final class DispatchConfigs {

  private DispatchConfigs() {}

  static DispatchSettings settings(GatewayConfig.Dispatch d) {
    return new DispatchSettings(
        d.maxAttempts(),
        new Backoff(d.initialBackoff(), d.maxBackoff(), d.backoffMultiplier(), d.jitter()),
        d.timeout(),
        d.lease(),
        d.pollInterval(),
        d.batchSize(),
        d.concurrency());
  }

  /** The hooks in name order (the first serving an environment gets its decisions). */
  static java.util.List<HookTarget> hooks(Map<String, GatewayConfig.Hook> hooks) {
    return new TreeMap<>(hooks)
        .entrySet().stream()
            .map(
                e ->
                    new HookTarget(
                        e.getKey(),
                        uri("hooks." + e.getKey() + ".url", e.getValue().url()),
                        e.getValue().secret(),
                        environments("hooks." + e.getKey(), e.getValue().environments())))
            .toList();
  }

  static DispatchGuards guards(GatewayConfig config) {
    return new DispatchGuards(
        config.killSwitch().all(),
        config.killSwitch().targets().orElse(Set.of()),
        new TreeMap<>(config.freeze())
            .entrySet().stream().map(e -> freeze(e.getKey(), e.getValue())).toList());
  }

  static ShadowScope shadow(GatewayConfig.Shadow shadow) {
    return new ShadowScope(
        environments("shadow", shadow.environments()), shadow.targets().orElse(Set.of()));
  }

  /** {@code PRODUCTION} or {@code ENVIRONMENT_PRODUCTION}, any case. */
  static Environment environment(String key, String name) {
    String upper = name.strip().toUpperCase(Locale.ROOT);
    String full = upper.startsWith("ENVIRONMENT_") ? upper : "ENVIRONMENT_" + upper;
    try {
      Environment e = Environment.valueOf(full);
      if (e != Environment.ENVIRONMENT_UNSPECIFIED && e != Environment.UNRECOGNIZED) {
        return e;
      }
    } catch (IllegalArgumentException ignored) {
      // reported below
    }
    throw new IllegalArgumentException(
        "rehearsal.gateway."
            + key
            + ".environments: unknown environment '"
            + name
            + "' (DEVELOPMENT, STAGING or PRODUCTION)");
  }

  private static FreezeWindow freeze(String name, GatewayConfig.Freeze f) {
    String key = "rehearsal.gateway.freeze." + name;
    try {
      return new FreezeWindow(
          name,
          ZoneId.of(f.zone()),
          LocalDateTime.parse(f.start()),
          LocalDateTime.parse(f.end()),
          environments("freeze." + name, f.environments()));
    } catch (DateTimeException e) {
      throw new IllegalArgumentException(key + ": " + e.getMessage(), e);
    }
  }

  private static Set<Environment> environments(String key, Optional<Set<String>> names) {
    return names.orElse(Set.of()).stream()
        .map(n -> environment(key, n))
        .collect(Collectors.toUnmodifiableSet());
  }

  private static URI uri(String key, String value) {
    try {
      return URI.create(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("rehearsal.gateway." + key + ": " + e.getMessage(), e);
    }
  }
}
