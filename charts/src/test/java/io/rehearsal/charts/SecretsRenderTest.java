package io.rehearsal.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Secrets reach pods by secretKeyRef only, and no secret value is written anywhere else. */
class SecretsRenderTest {

  private static final HelmChart CHART = HelmChart.rehearsal();
  private static final Set<String> SECRET_ENV =
      Set.of(
          "REHEARSAL_REDIS_PASSWORD",
          "REHEARSAL_REDIS_USERNAME",
          "REHEARSAL_REDIS_AUDIT_KEY",
          "REHEARSAL_TRUSTSTORE_PASSWORD",
          "REHEARSAL_GATEWAY_HOOKS_ARGO_SECRET",
          "REHEARSAL_GATEWAY_SLACK_SIGNING_SECRET",
          "REHEARSAL_GATEWAY_SLACK_BOT_TOKEN");

  static Stream<Path> ciValues() {
    return CHART.ciValues().stream();
  }

  @ParameterizedTest
  @MethodSource("ciValues")
  void shouldReferenceSecretsAndNeverInlineThemWhenRendered(Path values) {
    Rendered rendered = CHART.render(values, Map.of());

    for (ObjectNode deployment : rendered.all("Deployment")) {
      JsonNode container = Rendered.container(deployment);
      for (JsonNode env : container.path("env")) {
        if (SECRET_ENV.contains(env.path("name").asText())) {
          assertThat(env.has("value")).as("%s inlined", env.path("name").asText()).isFalse();
          assertThat(env.at("/valueFrom/secretKeyRef/name").asText()).isNotBlank();
        }
      }
      assertThat(
              Rendered.env(container, "REHEARSAL_REDIS_AUDIT_KEY")
                  .at("/valueFrom/secretKeyRef/key")
                  .asText())
          .as("every service appending to the audit chain holds the one key")
          .isEqualTo("audit-hmac-key");
    }
    String outsideSecrets =
        rendered.objects().stream()
            .filter(o -> !"Secret".equals(o.path("kind").asText()))
            .map(JsonNode::toString)
            .collect(Collectors.joining("\n"));
    for (ObjectNode secret : rendered.all("Secret")) {
      secret
          .path("data")
          .forEach(
              value -> {
                String plain = new String(Base64.getDecoder().decode(value.asText()));
                assertThat(outsideSecrets).doesNotContain(plain).doesNotContain(value.asText());
              });
    }
  }

  @Test
  void shouldReadKeysFromTheOperatorsSecretWhenExistingSecretIsSet() {
    Rendered rendered = CHART.renderCi("external-redis-tls");

    assertThat(rendered.all("Secret")).isEmpty();
    JsonNode sandbox = Rendered.container(rendered.one("Deployment", "rehearsal-sandbox"));
    assertThat(
            Rendered.env(sandbox, "REHEARSAL_REDIS_AUDIT_KEY")
                .at("/valueFrom/secretKeyRef/name")
                .asText())
        .isEqualTo("rehearsal-gateway-keys");
  }

  @Test
  void shouldKeepTheKeysSecretWhenTheReleaseIsDeleted() {
    ObjectNode secret = CHART.renderCi("default").one("Secret", "rehearsal-secrets");

    assertThat(secret.at("/metadata/annotations/helm.sh~1resource-policy").asText())
        .isEqualTo("keep");
    assertThat(secret.at("/data").has("slack-bot-token")).isFalse();
  }

  @Test
  void shouldFailNamingTheValueWhenInstalledWithoutTheAuditKey() {
    assertThatThrownBy(() -> CHART.render(null, Map.of()))
        .hasMessageContaining("secrets.auditHmacKey is required");
  }

  @Test
  void shouldFailNamingTheValueWhenTheBundledRedisHasNoPassword() {
    assertThatThrownBy(() -> CHART.renderCi("default", Map.of("redis.bundled.auth.password", "")))
        .hasMessageContaining("redis.bundled.auth.password is required");
  }
}
