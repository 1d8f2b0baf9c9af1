package io.rehearsal.gateway.web;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Verifies the review page's sign-in form ({@code quarkus.http.auth.form}) against the {@link
 * LocalUsers} file: the signed-in identity is the user's name, its roles the user's groups. Loads
 * the file at start-up, creating it (and printing the one-time password) on first start; not at all
 * when the page signs in with OIDC ({@link OidcSignIn}).
 */
@ApplicationScoped
class WebUsers implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

  private static final Logger LOG = Logger.getLogger(WebUsers.class);

  private final WebConfig config;
  private final OidcSignIn oidc;
  private final boolean sessionKeyConfigured;
  private volatile Map<String, LocalUsers.User> users = Map.of();
  private volatile String decoy = "";

  WebUsers(
      WebConfig config,
      OidcSignIn oidc,
      @ConfigProperty(name = "quarkus.http.auth.session.encryption-key")
          Optional<String> sessionKey) {
    this.config = config;
    this.oidc = oidc;
    this.sessionKeyConfigured = sessionKey.isPresent();
  }

  void load(@Observes StartupEvent event) {
    if (oidc.on()) {
      return; // OIDC signs in: no users file is read or created, so nobody signs in with one
    }
    LocalUsers.Loaded loaded =
        LocalUsers.ensure(config.usersFile(), config.passwordIterations(), new SecureRandom());
    users = loaded.users();
    // An unknown user costs a hash too, so timing does not tell which names exist.
    decoy = PasswordHash.hash(new char[0], config.passwordIterations(), new SecureRandom());
    if (!sessionKeyConfigured) {
      LOG.info(
          "review page: no quarkus.http.auth.session.encryption-key, so sessions use a random key"
              + " of this process (they end at restart and do not cross replicas)");
    }
    loaded
        .firstPassword()
        .ifPresentOrElse(
            password ->
                LOG.warnf(
                    "review page: created user '%s' with the one-time password %s (shown only now;"
                        + " stored hashed in %s, owner-only). Sign in at /ui and keep it safe.",
                    LocalUsers.FIRST_USER, password, config.usersFile().toAbsolutePath()),
            () ->
                LOG.infof(
                    "review page: %d user(s) from %s",
                    users.size(), config.usersFile().toAbsolutePath()));
  }

  @Override
  public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
    return UsernamePasswordAuthenticationRequest.class;
  }

  @Override
  public Uni<SecurityIdentity> authenticate(
      UsernamePasswordAuthenticationRequest request, AuthenticationRequestContext context) {
    return context.runBlocking(() -> verify(request));
  }

  private SecurityIdentity verify(UsernamePasswordAuthenticationRequest request) {
    LocalUsers.User user = users.get(request.getUsername());
    char[] password = request.getPassword().getPassword();
    boolean matches = PasswordHash.matches(password, user == null ? decoy : user.hash());
    if (user == null || !matches) {
      throw new AuthenticationFailedException("unknown user or wrong password");
    }
    return identity(user);
  }

  /**
   * The identity of a session cookie's user, as the users file says now (a user removed from the
   * file, or moved to other groups, is so from the next request on).
   */
  SecurityIdentity session(String name) {
    LocalUsers.User user = users.get(name);
    if (user == null) {
      throw new AuthenticationFailedException("user '" + name + "' is no longer in the users file");
    }
    return identity(user);
  }

  /** The shortest new password accepted. */
  static final int MIN_PASSWORD = 12;

  /**
   * Replaces {@code name}'s password after checking the current one, rewriting the users file
   * (owner-only, atomically).
   *
   * @return empty when changed, else why not (a sentence for the page)
   */
  synchronized Optional<String> changePassword(String name, char[] current, char[] next) {
    LocalUsers.User user = users.get(name);
    if (user == null || !PasswordHash.matches(current, user.hash())) {
      return Optional.of("the current password is wrong");
    }
    if (next.length < MIN_PASSWORD) {
      return Optional.of(
          "the new password must have at least "
              + MIN_PASSWORD
              + " characters, but had "
              + next.length);
    }
    Map<String, LocalUsers.User> changed = new LinkedHashMap<>(LocalUsers.read(config.usersFile()));
    changed.put(
        name,
        new LocalUsers.User(
            name,
            user.groups(),
            PasswordHash.hash(next, config.passwordIterations(), new SecureRandom())));
    LocalUsers.write(config.usersFile(), List.copyOf(changed.values()));
    users = Map.copyOf(changed);
    LOG.infof("review page: user '%s' changed their password", name);
    return Optional.empty();
  }

  private static SecurityIdentity identity(LocalUsers.User user) {
    return QuarkusSecurityIdentity.builder()
        .setPrincipal(new QuarkusPrincipal(user.name()))
        .addRoles(user.groups())
        .build();
  }
}
