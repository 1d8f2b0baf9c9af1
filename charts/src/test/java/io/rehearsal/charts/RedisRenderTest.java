package io.rehearsal.charts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** Redis: bundled with a volume and an fsync per write, or external with TLS and auth. */
class RedisRenderTest {

  private static final HelmChart CHART = HelmChart.rehearsal();

  @Test
  void shouldRunOneDurableRedisWithAVolumeWhenBundled() {
    Rendered rendered = CHART.renderCi("default");

    ObjectNode redis = rendered.one("StatefulSet", "rehearsal-redis");
    assertThat(redis.at("/spec/replicas").asInt()).isEqualTo(1);
    JsonNode container = Rendered.container(redis);
    assertThat(container.at("/args/0").asText())
        .contains("--appendonly yes")
        .contains("--appendfsync always")
        .contains("--requirepass \"$REDIS_PASSWORD\"");
    assertThat(
            Rendered.env(container, "REDIS_PASSWORD").at("/valueFrom/secretKeyRef/name").asText())
        .isEqualTo("rehearsal-redis");
    assertThat(container.at("/securityContext/readOnlyRootFilesystem").asBoolean()).isTrue();
    assertThat(Rendered.podSpec(redis).at("/securityContext/runAsNonRoot").asBoolean()).isTrue();
    JsonNode claim = redis.at("/spec/volumeClaimTemplates/0");
    assertThat(claim.at("/metadata/name").asText()).isEqualTo("data");
    assertThat(claim.at("/spec/resources/requests/storage").asText()).isEqualTo("8Gi");
    assertThat(container.path("volumeMounts").findValuesAsText("mountPath")).contains("/data");
  }

  @Test
  void shouldBuildTheRedisUrlFromSecretsWhenBundled() {
    Rendered rendered = CHART.renderCi("default");

    JsonNode container = Rendered.container(rendered.one("Deployment", "rehearsal-gateway"));
    assertThat(Rendered.env(container, "REHEARSAL_REDIS_URL").path("value").asText())
        .isEqualTo("redis://:$(REHEARSAL_REDIS_PASSWORD)@rehearsal-redis:6379");
    assertThat(indexOf(container, "REHEARSAL_REDIS_PASSWORD"))
        .as("Kubernetes expands $(VAR) only from variables defined before")
        .isLessThan(indexOf(container, "REHEARSAL_REDIS_URL"));
  }

  @Test
  void shouldUseRedissWithUserAndTruststoreWhenExternalWithTls() {
    Rendered rendered = CHART.renderCi("external-redis-tls");

    assertThat(rendered.all("StatefulSet")).isEmpty();
    JsonNode container = Rendered.container(rendered.one("Deployment", "rehearsal-detector"));
    assertThat(Rendered.env(container, "REHEARSAL_REDIS_URL").path("value").asText())
        .isEqualTo(
            "rediss://$(REHEARSAL_REDIS_USERNAME):$(REHEARSAL_REDIS_PASSWORD)@redis.data.svc.cluster.local:6380");
    assertThat(Rendered.env(container, "JAVA_TOOL_OPTIONS").path("value").asText())
        .contains("-Djavax.net.ssl.trustStore=/etc/rehearsal/redis-tls/truststore.p12");
    assertThat(container.path("volumeMounts").findValuesAsText("mountPath"))
        .contains("/etc/rehearsal/redis-tls");
    assertThat(rendered.has("NetworkPolicy", "rehearsal-redis")).isFalse();
  }

  @Test
  void shouldConnectWithoutCredentialsWhenTheExternalRedisHasNoAuth() {
    Rendered rendered =
        CHART.renderCi("no-keda-hpa", java.util.Map.of("redis.external.auth.existingSecret", ""));

    JsonNode container = Rendered.container(rendered.one("Deployment", "rehearsal-sandbox"));
    assertThat(Rendered.env(container, "REHEARSAL_REDIS_URL").path("value").asText())
        .isEqualTo("redis://redis.data.svc.cluster.local:6379");
    assertThat(Rendered.env(container, "REHEARSAL_REDIS_PASSWORD").isMissingNode()).isTrue();
  }

  private static int indexOf(JsonNode container, String name) {
    int i = 0;
    for (JsonNode env : container.path("env")) {
      if (name.equals(env.path("name").asText())) {
        return i;
      }
      i++;
    }
    return -1;
  }
}
