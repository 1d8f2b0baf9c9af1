package io.rehearsal.gateway.security;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.util.Locale;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

/**
 * At start-up: writes the local credentials when asked to ({@code
 * rehearsal.gateway.auth.local-credentials}), and refuses to start in production mode when no
 * credential could ever be verified — neither a JWT key set nor a client-certificate trust store.
 */
@ApplicationScoped
class AuthStartup {

  private static final Logger LOG = Logger.getLogger(AuthStartup.class);

  private final AuthConfig auth;
  private final Config config;

  AuthStartup(AuthConfig auth, Config config) {
    this.auth = auth;
    this.config = config;
  }

  void onStart(@Observes @Priority(1) StartupEvent event) {
    auth.localCredentials().ifPresent(this::ensureLocal);
    String missing = missingMechanisms();
    if (missing == null) {
      return;
    }
    if (LaunchMode.current() == LaunchMode.NORMAL) {
      throw new IllegalStateException(missing);
    }
    LOG.warn(missing + " (allowed outside production mode; every gateway call is refused)");
  }

  private void ensureLocal(java.nio.file.Path dir) {
    LocalCredentials.Result result =
        LocalCredentials.ensure(dir, auth.localTokenTtl(), Clock.systemUTC().instant());
    LOG.infof(
        "%s local credentials in %s: tokens %s (owner-only files; for a local stack only)",
        result.generated() ? "generated" : "using", dir.toAbsolutePath(), result.tokens().keySet());
  }

  /** Why no caller could authenticate, or null when a JWT key set or mTLS is configured. */
  private String missingMechanisms() {
    boolean jwt =
        config.getOptionalValue("mp.jwt.verify.publickey.location", String.class).isPresent()
            || config.getOptionalValue("mp.jwt.verify.publickey", String.class).isPresent();
    boolean tls =
        config.getOptionalValue("quarkus.http.tls-configuration-name", String.class).isPresent();
    String clientAuth =
        config.getOptionalValue("quarkus.http.ssl.client-auth", String.class).orElse("none");
    boolean mtls = tls && !clientAuth.toLowerCase(Locale.ROOT).equals("none");
    if (jwt || mtls) {
      return null;
    }
    return "no caller can authenticate: configure a JWT key set (mp.jwt.verify.publickey.location)"
        + " or client certificates (quarkus.http.tls-configuration-name and quarkus.http.ssl.client-auth), or, for a"
        + " local stack only, rehearsal.gateway.auth.local-credentials (see docs/gateway.md)";
  }
}
