package io.rehearsal.gateway.web;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Which sign-in the review page uses: the users file (embedded default) or OIDC's authorization
 * code flow with the provider at {@code quarkus.oidc.auth-server-url} (production). OIDC is on when
 * its tenant is ({@code quarkus.oidc.tenant-enabled=true}); {@code /ui} then has to be signed in by
 * it ({@code quarkus.http.auth.permission.review.auth-mechanism=code}) — a start-up with one
 * without the other stops, naming both keys.
 */
@ApplicationScoped
class OidcSignIn {

  private static final Logger LOG = Logger.getLogger(OidcSignIn.class);

  /** The HTTP mechanism name of OIDC's authorization code flow. */
  static final String CODE = "code";

  /** Where OIDC's logout starts ({@code quarkus.oidc.logout.path}). */
  static final String LOGOUT_PATH = "/ui/oidc-logout";

  private final boolean on;
  private final String mechanism;
  private final Optional<String> provider;

  OidcSignIn(
      @ConfigProperty(name = "quarkus.oidc.tenant-enabled", defaultValue = "false") boolean on,
      @ConfigProperty(name = "quarkus.http.auth.permission.review.auth-mechanism")
          Optional<String> mechanism,
      @ConfigProperty(name = "quarkus.oidc.auth-server-url") Optional<String> provider) {
    this.on = on;
    this.mechanism = mechanism.orElse("");
    this.provider = provider;
  }

  void check(@Observes StartupEvent event) {
    inconsistency(on, mechanism)
        .ifPresent(
            m -> {
              throw new IllegalStateException(m);
            });
    if (on) {
      LOG.infof(
          "review page: OIDC sign-in (authorization code flow) with %s; the users file is not used",
          provider.orElse("<no quarkus.oidc.auth-server-url>"));
    }
  }

  /** Whether the page signs in with OIDC. */
  boolean on() {
    return on;
  }

  /**
   * The CSP {@code form-action} sources: this origin, and with OIDC the provider's, because
   * sign-out is a form whose answer redirects there (browsers check form-action on redirects).
   */
  String formAction() {
    return on
        ? provider.map(OidcSignIn::origin).map(o -> "'self' " + o).orElse("'self'")
        : "'self'";
  }

  /** Why the two settings disagree, if they do. */
  static Optional<String> inconsistency(boolean on, String mechanism) {
    boolean code = CODE.equals(mechanism.strip());
    if (on == code) {
      return Optional.empty();
    }
    return Optional.of(
        on
            ? "quarkus.oidc.tenant-enabled=true needs"
                + " quarkus.http.auth.permission.review.auth-mechanism=code (OIDC signs in to"
                + " /ui), but it was '"
                + mechanism
                + "'"
            : "quarkus.http.auth.permission.review.auth-mechanism=code needs"
                + " quarkus.oidc.tenant-enabled=true and the provider (quarkus.oidc.auth-server-url,"
                + " client-id, credentials.secret), but the OIDC tenant is off");
  }

  /** {@code scheme://host[:port]} of a URL. */
  static String origin(String url) {
    URI uri = URI.create(url.strip());
    return uri.getScheme() + "://" + uri.getRawAuthority();
  }
}
