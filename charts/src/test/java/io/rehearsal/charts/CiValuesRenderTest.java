package io.rehearsal.charts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every ci/*-values.yaml renders, and its workloads keep the chart's invariants. */
class CiValuesRenderTest {

  private static final HelmChart CHART = HelmChart.rehearsal();
  private static final List<String> SERVICES = List.of("detector", "sandbox", "gateway");

  static Stream<Path> ciValues() {
    return CHART.ciValues().stream();
  }

  @Test
  void shouldHaveTheMainCombinationsWhenListingCiValues() {
    assertThat(CHART.ciValues())
        .map(p -> p.getFileName().toString())
        .contains(
            "default-values.yaml",
            "external-redis-tls-values.yaml",
            "keda-values.yaml",
            "no-keda-hpa-values.yaml",
            "ingress-servicemonitor-values.yaml");
  }

  @ParameterizedTest
  @MethodSource("ciValues")
  void shouldRenderUniqueNamedObjectsWhenGivenEachCiValuesFile(Path values) {
    Rendered rendered = CHART.render(values, Map.of());

    Set<String> seen = new HashSet<>();
    for (ObjectNode object : rendered.objects()) {
      assertThat(object.path("apiVersion").asText()).isNotBlank();
      String id = object.path("kind").asText() + "/" + Rendered.name(object);
      assertThat(Rendered.name(object)).as(id).isNotBlank().hasSizeLessThanOrEqualTo(63);
      assertThat(seen.add(id)).as("duplicate %s", id).isTrue();
    }
    assertThat(rendered.all("Deployment"))
        .extracting(Rendered::name)
        .containsExactlyInAnyOrder("rehearsal-detector", "rehearsal-sandbox", "rehearsal-gateway");
  }

  @ParameterizedTest
  @MethodSource("ciValues")
  void shouldListenOnTheServicesConfiguredPortsWhenRendered(Path values) {
    Rendered rendered = CHART.render(values, Map.of());

    for (String service : SERVICES) {
      ServicePorts ports = ServicePorts.of(service);
      JsonNode container = container(rendered, service);
      assertThat(Rendered.containerPort(container, "http"))
          .as(service + " http")
          .isEqualTo(ports.http());
      assertThat(Rendered.env(container, "QUARKUS_HTTP_PORT").path("value").asText())
          .isEqualTo(String.valueOf(ports.http()));
      assertThat(Rendered.containerPort(container, "grpc"))
          .as(service + " grpc (none when it shares the HTTP port)")
          .isEqualTo(ports.grpc() != ports.http() ? ports.grpc() : -1);
      assertThat(Rendered.containerPort(container, "management"))
          .as(service + " management")
          .isEqualTo(ports.management() > 0 ? ports.management() : -1);
      JsonNode servicePorts =
          rendered.one("Service", "rehearsal-" + service).path("spec").path("ports");
      assertThat(servicePorts.findValuesAsText("port"))
          .as(service + " Service")
          .contains(String.valueOf(ports.grpc()), String.valueOf(ports.http()));
    }
  }

  @ParameterizedTest
  @MethodSource("ciValues")
  void shouldProbeHealthAndRunLockedDownWhenRendered(Path values) {
    Rendered rendered = CHART.render(values, Map.of());

    for (String service : SERVICES) {
      ObjectNode deployment = rendered.one("Deployment", "rehearsal-" + service);
      JsonNode container = Rendered.container(deployment);
      String healthPort = ServicePorts.of(service).healthPortName();
      assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/q/health/live");
      assertThat(container.at("/livenessProbe/httpGet/port").asText()).isEqualTo(healthPort);
      assertThat(container.at("/readinessProbe/httpGet/path").asText())
          .isEqualTo("/q/health/ready");
      assertThat(container.at("/readinessProbe/httpGet/port").asText()).isEqualTo(healthPort);
      JsonNode pod = Rendered.podSpec(deployment).path("securityContext");
      assertThat(pod.path("runAsNonRoot").asBoolean()).isTrue();
      assertThat(pod.at("/seccompProfile/type").asText()).isEqualTo("RuntimeDefault");
      JsonNode security = container.path("securityContext");
      assertThat(security.path("readOnlyRootFilesystem").asBoolean()).isTrue();
      assertThat(security.path("allowPrivilegeEscalation").asBoolean(true)).isFalse();
      assertThat(security.at("/capabilities/drop/0").asText()).isEqualTo("ALL");
      assertThat(container.path("volumeMounts").findValuesAsText("mountPath")).contains("/tmp");
    }
  }

  @Test
  void shouldRunTwoGatewaysUnderADisruptionBudgetAndOneDetectorWhenRenderedWithDefaults() {
    Rendered rendered = CHART.renderCi("default");

    assertThat(rendered.one("Deployment", "rehearsal-gateway").at("/spec/replicas").asInt())
        .isEqualTo(2);
    ObjectNode budget = rendered.one("PodDisruptionBudget", "rehearsal-gateway");
    assertThat(budget.at("/spec/minAvailable").asInt()).isEqualTo(1);
    assertThat(budget.at("/spec/selector/matchLabels/app.kubernetes.io~1component").asText())
        .isEqualTo("gateway");
    // Two detectors would drop each other's windows as duplicates (same start time, one stream).
    assertThat(rendered.one("Deployment", "rehearsal-detector").at("/spec/replicas").asInt())
        .isEqualTo(1);
    assertThat(rendered.has("PodDisruptionBudget", "rehearsal-detector"))
        .as("a budget of one pod out of one would block node drains")
        .isFalse();
    assertThat(rendered.has("PodDisruptionBudget", "rehearsal-sandbox")).isFalse();
  }

  @Test
  void shouldGuardEveryServiceRunningTwoPodsWithABudgetWhenScaledUp() {
    Rendered rendered =
        CHART.renderCi(
            "no-keda-hpa", Map.of("detector.replicas", 2, "sandbox.autoscaling.minReplicas", 2));

    for (String service : SERVICES) {
      assertThat(rendered.has("PodDisruptionBudget", "rehearsal-" + service)).as(service).isTrue();
    }
  }

  @Test
  void shouldExposeOnlyThePageAndSlackPathsOnTheGatewayHttpPortWhenIngressIsOn() {
    Rendered rendered = CHART.renderCi("ingress-servicemonitor");

    JsonNode paths = rendered.one("Ingress", "rehearsal-gateway").at("/spec/rules/0/http/paths");
    assertThat(paths.findValuesAsText("path")).containsExactlyInAnyOrder("/", "/slack");
    assertThat(paths.findValuesAsText("name")).containsOnly("rehearsal-gateway", "http");
    for (String service : SERVICES) {
      ObjectNode monitor = rendered.one("ServiceMonitor", "rehearsal-" + service);
      assertThat(monitor.at("/spec/endpoints/0/path").asText()).isEqualTo("/q/metrics");
      assertThat(monitor.at("/spec/endpoints/0/port").asText())
          .as("metrics of %s", service)
          .isEqualTo(ServicePorts.of(service).healthPortName());
      assertThat(monitor.at("/metadata/labels/release").asText()).isEqualTo("prometheus");
    }
  }

  private static JsonNode container(Rendered rendered, String service) {
    return Rendered.container(rendered.one("Deployment", "rehearsal-" + service));
  }
}
