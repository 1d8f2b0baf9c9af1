package io.rehearsal.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.security.AuthenticationFailedException;
import jakarta.json.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How an ID token's claims become a reviewer, and which OIDC settings may go together. */
class OidcIdentitiesTest {

  private static final List<String> NAMES = List.of("preferred_username", "email");

  @Test
  void shouldNameTheReviewerByTheFirstClaimPresentWhenSeveralAreConfigured() {
    Map<String, Object> both = Map.of("preferred_username", "alice", "email", "a@example.com");
    Map<String, Object> emailOnly = Map.of("preferred_username", " ", "email", "bob@example.com");

    assertThat(OidcIdentities.name(both::get, NAMES)).isEqualTo("alice");
    assertThat(OidcIdentities.name(emailOnly::get, NAMES)).isEqualTo("bob@example.com");
    assertThatThrownBy(() -> OidcIdentities.name(Map.of("sub", "x")::get, NAMES))
        .isInstanceOf(AuthenticationFailedException.class)
        .hasMessageContaining("[preferred_username, email]");
  }

  @Test
  void shouldReadGroupsFromArraysStringsAndGroupPathsWhenTheProviderSendsThem() {
    Object jsonArray = Json.createArrayBuilder().add("oncall").add("/platform/sre").build();

    assertThat(OidcIdentities.groups(jsonArray)).containsExactly("oncall", "sre");
    assertThat(OidcIdentities.groups(List.of("oncall", "payments")))
        .containsExactly("oncall", "payments");
    assertThat(OidcIdentities.groups("oncall, sre dba")).containsExactly("oncall", "sre", "dba");
    assertThat(OidcIdentities.groups(null)).isEmpty();
  }

  @Test
  void shouldRefuseToStartWhenOidcAndThePagesMechanismDisagree() {
    assertThat(OidcSignIn.inconsistency(true, "code")).isEmpty();
    assertThat(OidcSignIn.inconsistency(false, "form")).isEmpty();
    assertThat(OidcSignIn.inconsistency(true, "form").orElseThrow())
        .contains("auth-mechanism=code", "'form'");
    assertThat(OidcSignIn.inconsistency(false, "code").orElseThrow())
        .contains("quarkus.oidc.tenant-enabled=true");
    assertThat(OidcSignIn.origin("https://idp.example.com:8443/realms/ops"))
        .isEqualTo("https://idp.example.com:8443");
  }
}
