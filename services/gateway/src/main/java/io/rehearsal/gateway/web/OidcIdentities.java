package io.rehearsal.gateway.web;

import io.quarkus.oidc.IdTokenCredential;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonString;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Makes a reviewer of an identity the OIDC authorization code flow signed in, the way the users
 * file makes one of its lines: the name from the first of {@code
 * rehearsal.gateway.web.oidc.name-claims} the ID token carries ({@code preferred_username}, else
 * {@code email}), the roles from its {@code groups-claim} ({@code oncall} reviews; the others, e.g.
 * {@code sre}, are approver groups). The provider's own roles are dropped, so only the configured
 * claim decides. Other identities (gRPC tokens and certificates, the users file) pass unchanged.
 */
@ApplicationScoped
class OidcIdentities implements SecurityIdentityAugmentor {

  private final WebConfig.Oidc config;

  OidcIdentities(WebConfig config) {
    this.config = config.oidc();
  }

  @Override
  public Uni<SecurityIdentity> augment(
      SecurityIdentity identity, AuthenticationRequestContext context) {
    if (identity.isAnonymous()
        || identity.getCredential(IdTokenCredential.class) == null
        || !(identity.getPrincipal() instanceof JsonWebToken token)) {
      return Uni.createFrom().item(identity);
    }
    return Uni.createFrom().item(() -> reviewer(identity, token::getClaim));
  }

  private SecurityIdentity reviewer(SecurityIdentity identity, Function<String, Object> claims) {
    return QuarkusSecurityIdentity.builder()
        .setPrincipal(new QuarkusPrincipal(name(claims, config.nameClaims())))
        .addRoles(groups(claims.apply(config.groupsClaim())))
        .addCredentials(identity.getCredentials())
        .addAttributes(identity.getAttributes())
        .build();
  }

  /**
   * The first of {@code names} that is a non-blank claim.
   *
   * @throws AuthenticationFailedException when none is
   */
  static String name(Function<String, Object> claims, List<String> names) {
    for (String claim : names) {
      String value = text(claims.apply(claim));
      if (!value.isBlank()) {
        return value.strip();
      }
    }
    throw new AuthenticationFailedException(
        "the ID token carries none of the reviewer name claims " + names);
  }

  /** The groups of a claim value: an array of strings, or one string of them. */
  static Set<String> groups(Object claim) {
    Set<String> groups = new LinkedHashSet<>();
    if (claim instanceof Collection<?> values) {
      values.forEach(v -> add(groups, text(v)));
    } else if (claim != null) {
      for (String g : text(claim).split("[,\\s]+")) {
        add(groups, g);
      }
    }
    return groups;
  }

  private static void add(Set<String> groups, String group) {
    String g = group.strip();
    g = g.startsWith("/") ? g.substring(g.lastIndexOf('/') + 1) : g;
    if (!g.isEmpty()) {
      groups.add(g);
    }
  }

  private static String text(Object value) {
    if (value instanceof JsonString s) {
      return s.getString();
    }
    return value == null ? "" : value.toString();
  }
}
