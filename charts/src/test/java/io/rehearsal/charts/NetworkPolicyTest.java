package io.rehearsal.charts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Who may reach which port: gRPC only from automation pods, the page only from the ingress. */
class NetworkPolicyTest {

  private static final HelmChart CHART = HelmChart.rehearsal();

  /** The gateway with a separate gRPC server: port 9090 for gRPC, 8080 for HTTP and health. */
  private static final Map<String, Object> SEPARATE =
      Map.of("gateway.ports.grpc", 9090, "gateway.ports.http", 8080, "gateway.ports.management", 0);

  @Test
  void shouldOpenTheGatewayGrpcPortToAutomationPodsOnlyWhenGrpcHasItsOwnPort() {
    Rendered rendered = CHART.renderCi("default", SEPARATE);

    JsonNode rules = rendered.one("NetworkPolicy", "rehearsal-gateway").at("/spec/ingress");
    assertThat(portsOf(rules)).containsExactlyInAnyOrder(9090, 8080);
    for (JsonNode rule : rules) {
      JsonNode from = rule.path("from");
      assertThat(from).hasSize(1);
      if (rule.at("/ports/0/port").asInt() == 9090) {
        assertThat(from.at("/0/podSelector/matchLabels").toString())
            .contains("\"rehearsal.io/automation\":\"true\"");
      } else {
        assertThat(
                from.at("/0/namespaceSelector/matchLabels/kubernetes.io~1metadata.name").asText())
            .isEqualTo("ingress-nginx");
      }
    }
  }

  @Test
  void shouldLetPrometheusScrapeOnlyTheHealthPortWhenTheServiceMonitorIsOn() {
    Rendered rendered = CHART.renderCi("ingress-servicemonitor");
    ServicePorts ports = ServicePorts.of("gateway");

    JsonNode rules = rendered.one("NetworkPolicy", "rehearsal-gateway").at("/spec/ingress");
    JsonNode monitoring = rules.get(rules.size() - 1);
    assertThat(
            monitoring
                .at("/from/0/namespaceSelector/matchLabels/kubernetes.io~1metadata.name")
                .asText())
        .isEqualTo("monitoring");
    assertThat(monitoring.at("/ports/0/port").asInt())
        .isEqualTo(ports.management() > 0 ? ports.management() : ports.http());
    assertThat(portsOf(rules)).contains(ports.grpc());
  }

  @Test
  void shouldShareOneRuleForAutomationAndIngressWhenGatewayGrpcRunsOnTheHttpPort() {
    Rendered rendered =
        CHART.renderCi(
            "default",
            Map.of(
                "gateway.ports.grpc",
                9090,
                "gateway.ports.http",
                9090,
                "gateway.ports.management",
                8080));

    JsonNode rules = rendered.one("NetworkPolicy", "rehearsal-gateway").at("/spec/ingress");
    assertThat(portsOf(rules)).containsExactly(9090);
    assertThat(rules.at("/0/from")).hasSize(2);
    JsonNode container = Rendered.container(rendered.one("Deployment", "rehearsal-gateway"));
    assertThat(Rendered.containerPort(container, "grpc")).isEqualTo(-1);
    assertThat(Rendered.containerPort(container, "management")).isEqualTo(8080);
    assertThat(container.at("/readinessProbe/httpGet/port").asText()).isEqualTo("management");
    assertThat(Rendered.env(container, "QUARKUS_GRPC_SERVER_PORT").isMissingNode()).isTrue();
    assertThat(Rendered.env(container, "QUARKUS_MANAGEMENT_PORT").path("value").asText())
        .isEqualTo("8080");
  }

  @Test
  void shouldAdmitOtlpOnBothDetectorPortsAndRedisOnlyFromTheReleaseWhenRendered() {
    Rendered rendered = CHART.renderCi("default");
    ServicePorts detector = ServicePorts.of("detector");

    JsonNode otlp = rendered.one("NetworkPolicy", "rehearsal-detector").at("/spec/ingress");
    assertThat(portsOf(otlp)).containsExactlyInAnyOrder(detector.grpc(), detector.http());
    JsonNode redis = rendered.one("NetworkPolicy", "rehearsal-redis").at("/spec/ingress/0");
    assertThat(redis.at("/ports/0/port").asInt()).isEqualTo(6379);
    assertThat(redis.at("/from/0/podSelector/matchLabels/app.kubernetes.io~1instance").asText())
        .isEqualTo("rehearsal");
    JsonNode sandbox = rendered.one("NetworkPolicy", "rehearsal-sandbox").at("/spec/ingress");
    assertThat(portsOf(sandbox)).containsExactly(ServicePorts.of("sandbox").grpc());
  }

  @Test
  void shouldRenderNoPolicyWhenDisabled() {
    Rendered rendered = CHART.renderCi("default", Map.of("networkPolicy.enabled", false));

    assertThat(rendered.all("NetworkPolicy")).isEmpty();
  }

  private static List<Integer> portsOf(JsonNode rules) {
    List<Integer> ports = new ArrayList<>();
    rules.forEach(rule -> rule.path("ports").forEach(p -> ports.add(p.path("port").asInt())));
    return ports;
  }
}
