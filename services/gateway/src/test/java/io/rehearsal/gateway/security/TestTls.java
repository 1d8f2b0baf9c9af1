package io.rehearsal.gateway.security;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.certs.CertificateGenerator;
import io.smallrye.certs.CertificateRequest;
import io.smallrye.certs.Format;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Certificates for the Quarkus tests, generated before the gateway starts: a server certificate for
 * localhost, three trusted client certificates (one per role, by CN) and one untrusted client whose
 * CN is a trusted one's — a stolen name without the trusted key. Turns on TLS (HTTPS test port)
 * with client certificates requested, and maps the CNs to roles.
 */
public class TestTls implements QuarkusTestResourceLifecycleManager {

  static final Path DIR = Path.of("target/test-tls");
  static final String SERVER = "server";
  static final List<String> TRUSTED = List.of("loop-automation", "alice-oncall", "root-admin");
  static final String UNTRUSTED = "mallory";
  static final String UNTRUSTED_CN = "alice-oncall";

  @Override
  public Map<String, String> start() {
    try {
      generate();
    } catch (Exception e) {
      throw new IllegalStateException("cannot generate test certificates in " + DIR, e);
    }
    return Map.ofEntries(
        Map.entry("quarkus.tls.gateway.key-store.pem.0.cert", cert(SERVER).toString()),
        Map.entry("quarkus.tls.gateway.key-store.pem.0.key", key(SERVER).toString()),
        Map.entry(
            "quarkus.tls.gateway.trust-store.pem.certs", DIR.resolve("trusted.pem").toString()),
        Map.entry("quarkus.http.tls-configuration-name", "gateway"),
        Map.entry("quarkus.http.ssl.client-auth", "request"),
        Map.entry("quarkus.http.insecure-requests", "enabled"),
        Map.entry(
            "rehearsal.gateway.auth.certificate-roles.\"loop-automation\"", RpcRoles.AUTOMATION),
        Map.entry("rehearsal.gateway.auth.certificate-roles.\"alice-oncall\"", RpcRoles.ONCALL),
        Map.entry("rehearsal.gateway.auth.certificate-roles.\"root-admin\"", RpcRoles.ADMIN));
  }

  @Override
  public void stop() {}

  static Path cert(String name) {
    return DIR.resolve(name + ".crt");
  }

  static Path key(String name) {
    return DIR.resolve(name + ".key");
  }

  private static void generate() throws Exception {
    Files.createDirectories(DIR);
    CertificateGenerator generator = new CertificateGenerator(DIR, true);
    generator.generate(
        new CertificateRequest()
            .withName(SERVER)
            .withCN("localhost")
            .withSubjectAlternativeName("DNS:localhost")
            .withSubjectAlternativeName("IP:127.0.0.1")
            .withFormat(Format.PEM));
    StringBuilder trusted = new StringBuilder();
    for (String cn : TRUSTED) {
      generator.generate(new CertificateRequest().withName(cn).withCN(cn).withFormat(Format.PEM));
      trusted.append(Files.readString(cert(cn)));
    }
    generator.generate(
        new CertificateRequest().withName(UNTRUSTED).withCN(UNTRUSTED_CN).withFormat(Format.PEM));
    write(DIR.resolve("trusted.pem"), trusted.toString());
  }

  private static void write(Path file, String content) throws IOException {
    Files.writeString(file, content);
  }
}
