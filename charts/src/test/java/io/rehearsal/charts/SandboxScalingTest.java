package io.rehearsal.charts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Sandbox workers scale on the job stream with KEDA, or on CPU with an HPA when KEDA is absent. */
class SandboxScalingTest {

  private static final HelmChart CHART = HelmChart.rehearsal();

  /** The store's key layout (services/store Keys, JobQueue.GROUP) for the default queue. */
  private static final String STREAM = "rehearsal:{jobs:sandbox}:stream";

  private static final String GROUP = "workers";

  @Test
  void shouldScaleOnLagAndPendingEntriesWhenKedaIsChosen() {
    Rendered rendered = CHART.renderCi("keda");

    ObjectNode scaled = rendered.one("ScaledObject", "rehearsal-sandbox");
    assertThat(scaled.path("apiVersion").asText()).isEqualTo("keda.sh/v1alpha1");
    assertThat(scaled.at("/spec/scaleTargetRef/name").asText()).isEqualTo("rehearsal-sandbox");
    assertThat(scaled.at("/spec/minReplicaCount").asInt()).isEqualTo(1);
    assertThat(scaled.at("/spec/maxReplicaCount").asInt()).isEqualTo(20);
    JsonNode lag = trigger(scaled, "lag");
    assertThat(lag.path("type").asText()).isEqualTo("redis-streams");
    assertThat(lag.at("/metadata/stream").asText()).isEqualTo(STREAM);
    assertThat(lag.at("/metadata/consumerGroup").asText()).isEqualTo(GROUP);
    assertThat(lag.at("/metadata/address").asText()).isEqualTo("rehearsal-redis:6379");
    assertThat(lag.at("/metadata/lagCount").asText()).isEqualTo("6");
    assertThat(lag.at("/metadata/activationLagCount").asText()).isEqualTo("2");
    assertThat(lag.at("/metadata/enableTLS").asText()).isEqualTo("false");
    JsonNode pending = trigger(scaled, "pending");
    assertThat(pending.at("/metadata/pendingEntriesCount").asText()).isEqualTo("8");
    assertThat(pending.at("/metadata/lagCount").isMissingNode()).isTrue();
    assertThat(pending.at("/authenticationRef/name").asText()).isEqualTo("rehearsal-sandbox-redis");
    assertThat(
            rendered
                .one("TriggerAuthentication", "rehearsal-sandbox-redis")
                .at("/spec/secretTargetRef/0/name")
                .asText())
        .isEqualTo("rehearsal-redis");
    assertThat(rendered.all("HorizontalPodAutoscaler")).isEmpty();
    assertThat(rendered.one("Deployment", "rehearsal-sandbox").at("/spec/replicas").isMissingNode())
        .as("the autoscaler owns the replica count")
        .isTrue();
  }

  @Test
  void shouldUseTlsUserAndCaWhenKedaReachesAnExternalRedis() {
    Rendered rendered = CHART.renderCi("external-redis-tls");

    JsonNode lag = trigger(rendered.one("ScaledObject", "rehearsal-sandbox"), "lag");
    assertThat(lag.at("/metadata/address").asText()).isEqualTo("redis.data.svc.cluster.local:6380");
    assertThat(lag.at("/metadata/enableTLS").asText()).isEqualTo("true");
    JsonNode refs =
        rendered
            .one("TriggerAuthentication", "rehearsal-sandbox-redis")
            .at("/spec/secretTargetRef");
    assertThat(refs.findValuesAsText("parameter")).containsExactly("password", "username", "ca");
    assertThat(refs.findValuesAsText("name"))
        .containsExactly("rehearsal-redis-auth", "rehearsal-redis-auth", "rehearsal-redis-ca");
  }

  @Test
  void shouldDropTheLagTriggerWhenRedisIsOlderThanSeven() {
    Rendered rendered =
        CHART.renderCi("keda", Map.of("sandbox.autoscaling.keda.lagTrigger", false));

    JsonNode triggers = rendered.one("ScaledObject", "rehearsal-sandbox").at("/spec/triggers");
    assertThat(triggers).hasSize(1);
    assertThat(triggers.at("/0/name").asText()).isEqualTo("pending");
  }

  @Test
  void shouldFallBackToACpuHpaWhenKedaIsAbsent() {
    Rendered rendered = CHART.renderCi("no-keda-hpa");

    ObjectNode hpa = rendered.one("HorizontalPodAutoscaler", "rehearsal-sandbox");
    assertThat(hpa.path("apiVersion").asText()).isEqualTo("autoscaling/v2");
    assertThat(hpa.at("/spec/minReplicas").asInt()).isEqualTo(2);
    assertThat(hpa.at("/spec/maxReplicas").asInt()).isEqualTo(6);
    assertThat(hpa.at("/spec/metrics/0/resource/name").asText()).isEqualTo("cpu");
    assertThat(hpa.at("/spec/metrics/0/resource/target/averageUtilization").asInt()).isEqualTo(60);
    assertThat(rendered.all("ScaledObject")).isEmpty();
  }

  @Test
  void shouldPickTheHpaInAutoModeWhenTheClusterServesNoKedaApi() {
    // Rendered without a cluster: the capabilities list no keda.sh/v1alpha1.
    Rendered rendered = CHART.renderCi("default");

    assertThat(rendered.all("HorizontalPodAutoscaler")).hasSize(1);
    assertThat(rendered.all("ScaledObject")).isEmpty();
  }

  @Test
  void shouldKeepAFixedReplicaCountWhenAutoscalingIsOff() {
    Rendered rendered =
        CHART.renderCi(
            "default", Map.of("sandbox.autoscaling.enabled", false, "sandbox.replicas", 3));

    assertThat(rendered.one("Deployment", "rehearsal-sandbox").at("/spec/replicas").asInt())
        .isEqualTo(3);
    assertThat(rendered.all("HorizontalPodAutoscaler")).isEmpty();
    assertThat(rendered.all("ScaledObject")).isEmpty();
  }

  @Test
  void shouldCreateTheConsumerGroupIdempotentlyWhenTheJobRuns() {
    // Hooks are not part of a template's manifests; as a plain Job the same object renders.
    Rendered rendered =
        CHART.renderCi("external-redis-tls", Map.of("sandbox.consumerGroupJob.hook", false));

    ObjectNode job = rendered.one("Job", "rehearsal-consumer-group-1");
    JsonNode container = Rendered.container(job);
    String script = container.at("/args/0").asText();
    assertThat(script)
        .contains("XGROUP CREATE '" + STREAM + "' " + GROUP + " 0 MKSTREAM")
        .contains("-h redis.data.svc.cluster.local -p 6380")
        .contains("--tls --cacert /etc/rehearsal/redis-tls/ca.crt")
        .contains("BUSYGROUP*) exit 0");
    assertThat(Rendered.env(container, "REDISCLI_AUTH").at("/valueFrom/secretKeyRef/name").asText())
        .isEqualTo("rehearsal-redis-auth");
    assertThat(container.at("/securityContext/readOnlyRootFilesystem").asBoolean()).isTrue();
  }

  @Test
  void shouldFollowTheQueueNameWhenTheStreamIsRenamed() {
    Rendered rendered = CHART.renderCi("keda", Map.of("sandbox.workers.queue", "batch"));

    assertThat(
            trigger(rendered.one("ScaledObject", "rehearsal-sandbox"), "lag")
                .at("/metadata/stream")
                .asText())
        .isEqualTo("rehearsal:{jobs:batch}:stream");
    assertThat(
            Rendered.env(
                    Rendered.container(rendered.one("Deployment", "rehearsal-sandbox")),
                    "REHEARSAL_SANDBOX_WORKERS_QUEUE")
                .path("value")
                .asText())
        .isEqualTo("batch");
  }

  private static JsonNode trigger(ObjectNode scaledObject, String name) {
    for (JsonNode trigger : scaledObject.at("/spec/triggers")) {
      if (name.equals(trigger.path("name").asText())) {
        return trigger;
      }
    }
    throw new AssertionError("no trigger " + name + " in " + scaledObject.at("/spec/triggers"));
  }
}
