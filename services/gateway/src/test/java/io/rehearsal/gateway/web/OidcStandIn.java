package io.rehearsal.gateway.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The smallest OIDC provider the gateway starts against: a discovery document and an empty key set
 * on a free loopback port. It never signs anyone in — the fast tests check where the gateway sends
 * a browser, the Keycloak test ({@code OidcKeycloakIT}) the sign-in itself.
 */
public class OidcStandIn implements QuarkusTestResourceLifecycleManager {

  static final String REALM = "/realms/stand-in";
  static final String CLIENT = "rehearsal-gateway";

  private HttpServer server;

  @Override
  public Map<String, String> start() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String issuer = "http://127.0.0.1:" + server.getAddress().getPort() + REALM;
    String discovery =
        """
        {"issuer":"%1$s","authorization_endpoint":"%1$s/auth","token_endpoint":"%1$s/token",
         "jwks_uri":"%1$s/certs","userinfo_endpoint":"%1$s/userinfo",
         "end_session_endpoint":"%1$s/logout","response_types_supported":["code"],
         "subject_types_supported":["public"],"id_token_signing_alg_values_supported":["RS256"]}
        """
            .formatted(issuer);
    server.createContext(REALM + "/.well-known/openid-configuration", e -> json(e, discovery));
    server.createContext(REALM + "/certs", e -> json(e, "{\"keys\":[]}"));
    server.start();
    return Map.of(
        "quarkus.oidc.tenant-enabled",
        "true",
        "quarkus.oidc.auth-server-url",
        issuer,
        "quarkus.oidc.client-id",
        CLIENT,
        "quarkus.oidc.credentials.secret",
        "stand-in-secret-at-least-32-characters",
        "quarkus.http.auth.permission.review.auth-mechanism",
        OidcSignIn.CODE);
  }

  private static void json(HttpExchange exchange, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  @Override
  public void stop() {
    if (server != null) {
      server.stop(0);
    }
  }
}
