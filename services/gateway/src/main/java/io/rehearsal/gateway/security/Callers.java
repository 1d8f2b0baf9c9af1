package io.rehearsal.gateway.security;

import io.quarkus.security.credential.CertificateCredential;
import io.quarkus.security.identity.SecurityIdentity;
import java.security.Principal;
import java.security.cert.X509Certificate;
import java.util.Optional;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Turns a Quarkus {@link SecurityIdentity} into a {@link Caller}. */
final class Callers {

  private Callers() {}

  /** The caller of an authenticated identity; empty for none or an anonymous one. */
  static Optional<Caller> of(SecurityIdentity identity) {
    if (identity == null || identity.isAnonymous()) {
      return Optional.empty();
    }
    Principal principal = identity.getPrincipal();
    if (principal instanceof JsonWebToken jwt) {
      return Optional.of(new Caller(jwt.getName(), identity.getRoles(), "jwt"));
    }
    CertificateCredential certificate = identity.getCredential(CertificateCredential.class);
    if (certificate != null) {
      return Optional.of(
          new Caller(commonName(certificate.getCertificate()), identity.getRoles(), "mtls"));
    }
    return Optional.of(new Caller(principal.getName(), identity.getRoles(), "other"));
  }

  /** The subject's CN, or the whole subject when it has none. */
  static String commonName(X509Certificate certificate) {
    String subject = certificate.getSubjectX500Principal().getName();
    try {
      for (Rdn rdn : new LdapName(subject).getRdns()) {
        if (rdn.getType().equalsIgnoreCase("CN")) {
          return rdn.getValue().toString();
        }
      }
    } catch (InvalidNameException e) {
      return subject;
    }
    return subject;
  }
}
