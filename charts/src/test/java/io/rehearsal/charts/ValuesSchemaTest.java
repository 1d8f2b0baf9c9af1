package io.rehearsal.charts;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** values.schema.json refuses bad values at install, naming the value. */
class ValuesSchemaTest {

  private static final HelmChart CHART = HelmChart.rehearsal();

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "gateway.replicas|-1|/gateway/replicas",
        "detector.replicas|0|/detector/replicas",
        "sandbox.replicas|-2|/sandbox/replicas",
        "gateway.replicas|two|/gateway/replicas",
        "sandbox.workers.threads|many|/sandbox/workers/threads",
        "sandbox.autoscaling.minReplicas|0|/sandbox/autoscaling/minReplicas",
        "sandbox.autoscaling.mode|cluster|/sandbox/autoscaling/mode",
        "sandbox.autoscaling.keda.lagCount|0|/sandbox/autoscaling/keda/lagCount",
        "gateway.ports.grpc|70000|/gateway/ports/grpc",
        "detector.ports.http|http|/detector/ports/http",
        "redis.mode|cluster|/redis/mode",
        "redis.bundled.appendfsync|no|/redis/bundled/appendfsync",
        "redis.url|redis://user:secret@host:6379|/redis/url",
        "containerSecurityContext.readOnlyRootFilesystem|false|/containerSecurityContext/readOnlyRootFilesystem",
        "podSecurityContext.runAsNonRoot|false|/podSecurityContext/runAsNonRoot",
        "secrets.auditHmacKey|short|/secrets/auditHmacKey",
        "secrets.webhookSigningSecret|plain|/secrets/webhookSigningSecret",
        "ingress.paths.slack|slack|/ingress/paths/slack",
        "serviceMonitor.interval|often|/serviceMonitor/interval",
        "gateway.replica|2|/gateway",
      })
  void shouldRefuseTheValueNamingItsPathWhenItBreaksTheSchema(
      String key, String value, String path) {
    assertThatThrownBy(() -> CHART.renderCi("default", Map.of(key, value)))
        .hasMessageContaining("values don't meet the specifications of the schema")
        .hasMessageContaining(path);
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "gateway.replicas|5",
        "redis.bundled.appendfsync|everysec",
        "sandbox.autoscaling.mode|keda",
        "gateway.ports.grpc|8080",
      })
  void shouldAcceptTheValueWhenItFitsTheSchema(String key, String value) {
    assertThatCode(() -> CHART.renderCi("default", Map.of(key, value))).doesNotThrowAnyException();
  }

  @org.junit.jupiter.api.Test
  void shouldRequireAnUrlWhenRedisIsExternal() {
    assertThatThrownBy(() -> CHART.renderCi("default", Map.of("redis.mode", "external")))
        .hasMessageContaining("/redis/url");
  }
}
