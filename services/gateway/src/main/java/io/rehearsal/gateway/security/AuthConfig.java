package io.rehearsal.gateway.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Who may call the gateway: {@code rehearsal.gateway.auth.*}. */
@ConfigMapping(prefix = "rehearsal.gateway.auth")
public interface AuthConfig {

  /**
   * Roles of client certificates by subject CN, e.g. {@code
   * rehearsal.gateway.auth.certificate-roles."loop-1"=automation}. A CN not listed has no role.
   */
  Map<String, List<String>> certificateRoles();

  /**
   * Where to keep local credentials (a signing key pair and one token per role), generated on first
   * start when absent. Only for a local stack ({@code ./rehearsal up} sets it); unset in a real
   * deployment, which configures its own key set ({@code mp.jwt.verify.publickey.location}).
   */
  Optional<Path> localCredentials();

  /** How long the generated local tokens stay valid. */
  @WithDefault("30d")
  Duration localTokenTtl();

  /** Verified bearer tokens remembered between calls ({@link CachingJwtParser}). */
  VerifiedTokensConfig verifiedTokens();

  /** {@code rehearsal.gateway.auth.verified-tokens.*}. */
  interface VerifiedTokensConfig {

    /** How many distinct tokens are remembered at most (0: every call verifies its token). */
    @WithDefault("10000")
    int capacity();

    /**
     * How long a verified token is trusted without verifying it again (never past its {@code exp}):
     * a key removed from the key set stops being accepted within this time.
     */
    @WithDefault("1m")
    Duration maxAge();
  }
}
