package io.rehearsal.gateway.web;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * A real Keycloak for {@code OidcKeycloakIT}: the distribution {@code -Poidc-it} unpacked into
 * target/keycloak, started in dev mode ({@code start-dev}: a fresh H2 database under its {@code
 * data/}) on free loopback ports with the realm of {@code
 * src/test/resources/oidc/rehearsal-realm.json} imported (client {@code rehearsal-gateway}; alice
 * in {@code oncall} and {@code sre}, bob only in {@code oncall}). Its issuer is on 127.0.0.1, the
 * gateway on localhost, so the sign-in crosses sites as it does in production. The gateway is
 * configured to sign in with it.
 */
public class KeycloakResource implements QuarkusTestResourceLifecycleManager {

  private static final Logger LOG = Logger.getLogger(KeycloakResource.class);

  static final String REALM = "rehearsal";
  static final String CLIENT = "rehearsal-gateway";
  static final String SECRET = "test-client-secret-of-at-least-32-chars";
  static final Path REALM_FILE = Path.of("src/test/resources/oidc/rehearsal-realm.json");
  static final Duration START_TIMEOUT = Duration.ofMinutes(6);

  /** How long Keycloak took to answer its discovery document, for the test log and the docs. */
  static volatile Duration startTime = Duration.ZERO;

  private Process process;

  @Override
  public Map<String, String> start() {
    Path home = home();
    int port = freePort();
    String issuer = "http://127.0.0.1:" + port + "/realms/" + REALM;
    long started = System.nanoTime();
    process = launch(home, port);
    awaitDiscovery(URI.create(issuer + "/.well-known/openid-configuration"));
    startTime = Duration.ofNanos(System.nanoTime() - started);
    LOG.infof("Keycloak answered on %s after %d ms", issuer, startTime.toMillis());
    return Map.of(
        "quarkus.oidc.tenant-enabled", "true",
        "quarkus.oidc.auth-server-url", issuer,
        "quarkus.oidc.client-id", CLIENT,
        "quarkus.oidc.credentials.secret", SECRET,
        "quarkus.http.auth.permission.review.auth-mechanism", OidcSignIn.CODE);
  }

  private static Path home() {
    String property = System.getProperty("keycloak.home", "");
    Path home = Path.of(property);
    if (property.isBlank() || !Files.isExecutable(home.resolve("bin/kc.sh"))) {
      throw new IllegalStateException(
          "OidcKeycloakIT needs Keycloak unpacked by the oidc-it profile: run"
              + " ./mvnw -Poidc-it test -pl services/gateway (keycloak.home was '"
              + property
              + "')");
    }
    return home;
  }

  private static Process launch(Path home, int port) {
    try {
      deleteTree(home.resolve("data/h2")); // a fresh database: the realm file is imported again
      Path imports = Files.createDirectories(home.resolve("data/import"));
      Files.copy(
          REALM_FILE,
          imports.resolve(REALM_FILE.getFileName()),
          StandardCopyOption.REPLACE_EXISTING);
      Path log = Path.of("target/keycloak.log").toAbsolutePath();
      ProcessBuilder builder =
          new ProcessBuilder(
                  List.of(
                      home.resolve("bin/kc.sh").toString(),
                      "start-dev",
                      "--http-host=127.0.0.1",
                      "--http-port=" + port,
                      "--http-management-port=" + freePort(),
                      "--import-realm"))
              .redirectErrorStream(true)
              .redirectOutput(log.toFile());
      builder.environment().put("JAVA", System.getProperty("keycloak.java", "java"));
      LOG.infof("starting Keycloak from %s on port %d (log: %s)", home, port, log);
      return builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start Keycloak from " + home, e);
    }
  }

  private void awaitDiscovery(URI discovery) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "Keycloak exited with " + process.exitValue() + " (see target/keycloak.log)");
      }
      try {
        HttpResponse<Void> r =
            http.send(
                HttpRequest.newBuilder(discovery).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for Keycloak", e);
      }
      sleep(Duration.ofMillis(500));
    }
    stop();
    throw new IllegalStateException(
        "Keycloak did not answer " + discovery + " within " + START_TIMEOUT);
  }

  @Override
  public void stop() {
    if (process == null) {
      return;
    }
    // kc.sh forwards the signal to its java child; the child is ended by handle too, in case.
    List<ProcessHandle> children = process.descendants().toList();
    process.destroy();
    children.forEach(ProcessHandle::destroy);
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        children.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    process = null;
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for Keycloak", e);
    }
  }
}
