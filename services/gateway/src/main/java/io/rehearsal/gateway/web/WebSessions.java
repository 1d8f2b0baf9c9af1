package io.rehearsal.gateway.web;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Restores a signed-in user from the form mechanism's encrypted session cookie (which Quarkus
 * decrypts and checks for expiry before asking): the identity is rebuilt from the users file, so
 * groups are current.
 */
@ApplicationScoped
class WebSessions implements IdentityProvider<TrustedAuthenticationRequest> {

  private final WebUsers users;

  WebSessions(WebUsers users) {
    this.users = users;
  }

  @Override
  public Class<TrustedAuthenticationRequest> getRequestType() {
    return TrustedAuthenticationRequest.class;
  }

  @Override
  public Uni<SecurityIdentity> authenticate(
      TrustedAuthenticationRequest request, AuthenticationRequestContext context) {
    return Uni.createFrom().item(() -> users.session(request.getPrincipal()));
  }
}
