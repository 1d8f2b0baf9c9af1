package io.rehearsal.gateway;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** The gateway's settings: {@code rehearsal.gateway.*} (or {@code REHEARSAL_GATEWAY_*}). */
@ConfigMapping(prefix = "rehearsal.gateway")
interface GatewayConfig {

  /**
   * The YAML policy file. When absent the gateway denies everything (an empty policy set: default
   * deny) and says so at start-up; it never falls back to an example policy.
   */
  Optional<Path> policyFile();

  /** How long a decision may wait when neither the request nor the matched rule says. */
  @WithDefault("1h")
  Duration decisionTtl();

  /** Bounds of the built-in guards, which no policy can switch off. */
  Guards guards();

  /** Bounds of the built-in guards. */
  interface Guards {
    /** Evidence older than this never auto-approves. */
    @WithDefault("1h")
    Duration maxEvidenceAge();

    /** Evidence from a twin calibrated longer ago than this never auto-approves. */
    @WithDefault("24h")
    Duration maxTwinAge();
  }
}
