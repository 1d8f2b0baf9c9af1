package io.rehearsal.gateway.security;

import io.quarkus.security.credential.CertificateCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;

/**
 * Gives a client-certificate identity the roles configured for its subject CN ({@code
 * rehearsal.gateway.auth.certificate-roles."<CN>"=role,...}); a trusted certificate whose CN is not
 * configured gets no role, so it can call nothing but the public probes.
 */
@ApplicationScoped
class CertificateRoles implements SecurityIdentityAugmentor {

  private final AuthConfig config;

  CertificateRoles(AuthConfig config) {
    this.config = config;
  }

  @Override
  public Uni<SecurityIdentity> augment(
      SecurityIdentity identity, AuthenticationRequestContext context) {
    CertificateCredential certificate = identity.getCredential(CertificateCredential.class);
    if (certificate == null || identity.isAnonymous()) {
      return Uni.createFrom().item(identity);
    }
    String cn = Callers.commonName(certificate.getCertificate());
    List<String> roles = config.certificateRoles().getOrDefault(cn, List.of());
    return Uni.createFrom()
        .item(QuarkusSecurityIdentity.builder(identity).addRoles(Set.copyOf(roles)).build());
  }
}
