package io.rehearsal.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.rehearsal.gateway.security.Credentials;
import io.rehearsal.proto.v1.GetDecisionRequest;
import io.rehearsal.proto.v1.PolicyGatewayGrpc;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The review page with OIDC on, against a stand-in provider ({@link OidcStandIn}): {@code /ui}
 * sends the browser to the provider's authorization endpoint, the users file is neither read nor
 * created, the security headers allow sign-out's redirect to the provider, and gRPC still
 * authenticates bearer JWTs with smallrye-jwt (quarkus-oidc never reads them). The real sign-in
 * through Keycloak is {@code OidcKeycloakIT} ({@code -Poidc-it}).
 */
@QuarkusTest
@TestProfile(OidcSignInTest.OidcOn.class)
class OidcSignInTest {

  static final Path USERS = Path.of("target/web-test/oidc-users");

  /** OIDC on against the stand-in, with a users file path that must stay unused. */
  public static class OidcOn implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("rehearsal.gateway.web.users-file", USERS.toString());
    }

    @Override
    public List<TestResourceEntry> testResources() {
      return List.of(new TestResourceEntry(OidcStandIn.class));
    }
  }

  @TestHTTPResource("/")
  URI base;

  @Test
  void shouldRedirectToTheProvidersAuthorizationEndpointWhenOidcIsOn() throws Exception {
    HttpResponse<String> r = new WebClient(base).get("/ui/decisions");

    assertThat(r.statusCode()).isEqualTo(302);
    URI location = URI.create(r.headers().firstValue("Location").orElseThrow());
    assertThat(location.getPath()).isEqualTo(OidcStandIn.REALM + "/auth");
    Map<String, String> query = query(location);
    assertThat(query)
        .containsEntry("response_type", "code")
        .containsEntry("client_id", OidcStandIn.CLIENT)
        .containsEntry("redirect_uri", base.resolve("/ui/oidc-callback").toString())
        .containsKey("state");
    assertThat(query.get("scope").split(" ")).contains("openid");
    String stateCookie =
        r.headers().allValues("Set-Cookie").stream()
            .filter(c -> c.startsWith("q_auth"))
            .findFirst()
            .orElseThrow();
    assertThat(stateCookie).containsIgnoringCase("HttpOnly").contains("SameSite=Lax", "Path=/ui");
  }

  @Test
  void shouldLetSignOutRedirectToTheProviderInTheContentSecurityPolicyWhenOidcIsOn()
      throws Exception {
    HttpResponse<String> r = new WebClient(base).get("/ui/login");

    String origin = OidcSignIn.origin(query(URI.create(redirect())).get("redirect_uri"));
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("id=\"oidc-sign-in\"").doesNotContain("j_password");
    String csp = r.headers().firstValue("Content-Security-Policy").orElseThrow();
    assertThat(csp).contains("form-action 'self' http://127.0.0.1:").contains("script-src 'self'");
    assertThat(csp).doesNotContain(origin); // the provider's origin, not the gateway's
    assertThat(r.headers().firstValue("X-Frame-Options")).contains("DENY");
  }

  @Test
  void shouldNeitherReadNorCreateTheUsersFileWhenOidcSignsIn() throws Exception {
    WebClient client = new WebClient(base);
    client.get("/ui/login");
    HttpResponse<String> r =
        client.post(
            PageGuard.POST_LOCATION + "?csrf=" + client.csrf(),
            Map.of("j_username", "admin", "j_password", "anything"));

    assertThat(Files.exists(USERS)).isFalse();
    assertThat(client.cookie("quarkus-credential")).isEmpty();
    assertThat(r.statusCode()).isEqualTo(302); // to the provider, not into the page
    assertThat(r.headers().firstValue("Location").orElseThrow()).contains(OidcStandIn.REALM);
  }

  @Test
  void shouldStillAuthenticateGrpcWithBearerJwtsWhenQuarkusOidcIsPresent() throws Exception {
    ManagedChannel channel = Credentials.plaintext();
    try {
      GetDecisionRequest unknown =
          GetDecisionRequest.newBuilder().setDecisionId("dec-none").build();
      PolicyGatewayGrpc.PolicyGatewayBlockingStub stub =
          PolicyGatewayGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS);

      Status.Code withToken =
          code(() -> stub.withCallCredentials(bearer("oncall")).getDecision(unknown));
      Status.Code without = code(() -> stub.getDecision(unknown));
      Status.Code untrusted =
          code(
              () ->
                  stub.withCallCredentials(
                          Credentials.bearer(
                              Credentials.untrustedToken(
                                  "mallory", java.util.Set.of("oncall", "admin"))))
                      .getDecision(unknown));

      assertThat(withToken).isEqualTo(Status.Code.NOT_FOUND); // authenticated, then looked up
      assertThat(without).isEqualTo(Status.Code.UNAUTHENTICATED); // no redirect to the provider
      assertThat(untrusted).isEqualTo(Status.Code.UNAUTHENTICATED);
    } finally {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  private String redirect() throws Exception {
    return new WebClient(base).get("/ui/decisions").headers().firstValue("Location").orElseThrow();
  }

  private static io.grpc.CallCredentials bearer(String role) {
    return Credentials.bearer(Credentials.localToken(role));
  }

  private static Status.Code code(Runnable call) {
    StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class, call::run);
    return e == null ? Status.Code.OK : e.getStatus().getCode();
  }

  private static Map<String, String> query(URI uri) {
    return Arrays.stream(uri.getRawQuery().split("&"))
        .map(p -> p.split("=", 2))
        .collect(
            Collectors.toMap(
                p -> p[0],
                p -> URLDecoder.decode(p.length > 1 ? p[1] : "", StandardCharsets.UTF_8)));
  }
}
