package io.rehearsal.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The gateway's configuration file: hooks, Slack, authentication, policy. */
class GatewayRenderTest {

  private static final HelmChart CHART = HelmChart.rehearsal();

  @Test
  void shouldConfigureHooksAndSlackWithSecretsFromTheSecretWhenGiven() {
    Rendered rendered = CHART.renderCi("keda");

    JsonNode gateway = gateway(rendered);
    assertThat(secretKey(gateway, "REHEARSAL_GATEWAY_HOOKS_ARGO_SECRET"))
        .isEqualTo("webhook-signing-secret");
    assertThat(secretKey(gateway, "REHEARSAL_GATEWAY_SLACK_SIGNING_SECRET"))
        .isEqualTo("slack-signing-secret");
    assertThat(secretKey(gateway, "REHEARSAL_GATEWAY_SLACK_BOT_TOKEN"))
        .isEqualTo("slack-bot-token");
    assertThat(Rendered.env(gateway, "QUARKUS_CONFIG_LOCATIONS").path("value").asText())
        .isEqualTo("/etc/rehearsal/config/gateway.properties");
    assertThat(properties(rendered))
        .contains("rehearsal.gateway.hooks.argo.url=https://argo.example.com/rehearsal")
        .contains("rehearsal.gateway.hooks.argo.environments=PRODUCTION")
        .contains("rehearsal.gateway.slack.enabled=true")
        .contains("rehearsal.gateway.slack.channel=C0123ABCD")
        .contains("rehearsal.gateway.slack.users.\"U0123ABCD\"=alice@example.com")
        .doesNotContain("xoxb-");
    assertThat(
            rendered
                .one("Deployment", "rehearsal-gateway")
                .at("/spec/template/metadata/annotations/checksum~1config")
                .asText())
        .as("pods restart when the configuration changes")
        .hasSize(64);
  }

  @Test
  void shouldServeTlsWithClientCertificatesWhenTheGatewayHasATlsSecret() {
    Rendered rendered = CHART.renderCi("external-redis-tls");

    JsonNode gateway = gateway(rendered);
    assertThat(Rendered.containerPort(gateway, "https")).isEqualTo(9443);
    assertThat(Rendered.env(gateway, "QUARKUS_HTTP_SSL_PORT").path("value").asText())
        .isEqualTo("9443");
    assertThat(gateway.path("volumeMounts").findValuesAsText("mountPath"))
        .contains("/etc/rehearsal/tls", "/etc/rehearsal/jwt", "/etc/rehearsal/config");
    assertThat(properties(rendered))
        .contains("quarkus.http.tls-configuration-name=gateway")
        .contains("quarkus.http.ssl.client-auth=required")
        .contains("quarkus.tls.gateway.trust-store.pem.certs=/etc/rehearsal/tls/ca.crt")
        .contains("mp.jwt.verify.publickey.location=/etc/rehearsal/jwt/jwt-public.pem")
        .contains("rehearsal.gateway.auth.certificate-roles.\"loop-1\"=automation");
  }

  @Test
  void shouldVerifyJwtsAgainstTheIssuersKeySetWhenALocationIsGiven() {
    Rendered rendered = CHART.renderCi("ingress-servicemonitor");

    assertThat(properties(rendered))
        .contains(
            "mp.jwt.verify.publickey.location=https://login.example.com/.well-known/jwks.json")
        .contains("mp.jwt.verify.issuer=https://login.example.com");
    assertThat(Rendered.containerPort(gateway(rendered), "https")).isEqualTo(-1);
  }

  @Test
  void shouldMountTheInlinePolicyWhenGiven() {
    Rendered rendered = CHART.renderCi("ingress-servicemonitor");

    assertThat(rendered.one("ConfigMap", "rehearsal-policy").at("/data/policy.yaml").asText())
        .contains("rules");
    assertThat(
            Rendered.env(gateway(rendered), "REHEARSAL_GATEWAY_POLICY_FILE").path("value").asText())
        .isEqualTo("/etc/rehearsal/policy/policy.yaml");
  }

  @Test
  void shouldRenderNoConfigurationFileWhenNothingIsConfigured() {
    Rendered rendered = CHART.renderCi("default");

    assertThat(rendered.has("ConfigMap", "rehearsal-gateway-config")).isFalse();
    assertThat(Rendered.env(gateway(rendered), "QUARKUS_CONFIG_LOCATIONS").isMissingNode())
        .isTrue();
  }

  @Test
  void shouldRequireAChannelWhenSlackIsEnabled() {
    assertThatThrownBy(() -> CHART.renderCi("keda", Map.of("gateway.slack.channel", "")))
        .hasMessageContaining("gateway.slack.channel is required");
  }

  private static JsonNode gateway(Rendered rendered) {
    return Rendered.container(rendered.one("Deployment", "rehearsal-gateway"));
  }

  private static String secretKey(JsonNode container, String env) {
    return Rendered.env(container, env).at("/valueFrom/secretKeyRef/key").asText();
  }

  private static String properties(Rendered rendered) {
    return rendered
        .one("ConfigMap", "rehearsal-gateway-config")
        .at("/data/gateway.properties")
        .asText();
  }
}
