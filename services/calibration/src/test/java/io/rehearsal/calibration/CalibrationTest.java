package io.rehearsal.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.rehearsal.telemetry.Recording;
import io.rehearsal.twin.spec.CallSpec;
import io.rehearsal.twin.spec.EndpointSpec;
import io.rehearsal.twin.spec.ServiceSpec;
import io.rehearsal.twin.spec.TwinSpec;
import io.rehearsal.twin.spec.TwinSpecs;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CalibrationTest {
  private static final TwinSpec KNOWN = KnownSpecs.shop();
  private static Recording recording;
  private static CalibrationResult result;

  @BeforeAll
  static void calibrate() {
    recording = new SyntheticTraces(KNOWN, 7).generate(300);
    result = Calibration.calibrate(recording, Overlay.EMPTY, CalibrationOptions.named("shop"));
  }

  @Test
  void shouldFindEveryEndpointAndDependencyWhenTracesCoverThem() {
    assertThat(result.endpoints())
        .extracting(EndpointCalibration::endpoint)
        .containsExactlyInAnyOrder(
            "front/GET /page",
            "front/POST /buy",
            "catalog/GET /items",
            "cart/GET /cart",
            "inventory/GET /stock",
            "payment/POST /pay");
    assertThat(result.spec().dependencies()).extracting(d -> d.name()).containsExactly("gateway");
  }

  @Test
  void shouldRecoverServiceTimeMediansWithinFivePercentWhenChildrenAreSubtracted() {
    for (String ref :
        List.of(
            "front/GET /page",
            "catalog/GET /items",
            "cart/GET /cart",
            "payment/POST /pay",
            "inventory/GET /stock")) {
      // A called endpoint's service time includes the network both ways, as its callers see it.
      double network = ref.startsWith("front/") ? 0 : 2 * SyntheticTraces.NETWORK;
      double known = median(KNOWN, ref) + network;
      double measured = result.endpoint(ref).serviceTime().median();
      assertThat(measured)
          .as("service-time median %s, known %.5f", ref, known)
          .isCloseTo(known, within(0.05 * known));
    }
  }

  @Test
  void shouldRecoverCallProbabilitiesAndGroupsWhenCallsOverlapOrFollow() {
    assertThat(calls("front", "GET /page"))
        .extracting(CallSpec::to, CallSpec::group)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("cart/GET /cart", 0),
            org.assertj.core.groups.Tuple.tuple("catalog/GET /items", 0),
            org.assertj.core.groups.Tuple.tuple("payment/POST /pay", 1));
    assertThat(probability("front", "GET /page", "payment/POST /pay", 1))
        .isCloseTo(0.3, within(0.02));
    List<CallSpec> items = calls("catalog", "GET /items");
    assertThat(items)
        .extracting(CallSpec::to)
        .containsExactly("inventory/GET /stock", "inventory/GET /stock");
    assertThat(items).extracting(CallSpec::group).containsExactly(0, 1);
    assertThat(items.get(0).probability()).isEqualTo(1.0);
    assertThat(items.get(1).probability()).isCloseTo(0.5, within(0.02));
  }

  @Test
  void shouldRecoverArrivalAndErrorRatesWhenRootsAndStatusesAreCounted() {
    assertThat(result.endpoint("front/GET /page").arrivalRate()).isCloseTo(30, within(1.5));
    assertThat(result.endpoint("front/POST /buy").arrivalRate()).isCloseTo(8, within(0.4));
    assertThat(result.endpoint("catalog/GET /items").arrivalRate()).isZero();
    assertThat(result.endpoint("front/GET /page").errorProbability())
        .isCloseTo(0.01, within(0.004));
    assertThat(result.endpoint("cart/GET /cart").errorProbability()).isZero();
    assertThat(result.spec().traffic())
        .extracting(t -> t.endpoint())
        .containsExactlyInAnyOrder("front/GET /page", "front/POST /buy");
  }

  @Test
  void shouldModelTheGatewayAsRateLimitedDependencyWhenNoServerAnswersIt() {
    DependencyCalibration gateway = result.dependency("gateway");
    assertThat(gateway.rateLimited()).isPositive();
    assertThat(gateway.errorRate()).isCloseTo(0.02, within(0.01));
    assertThat(gateway.latency().median()).isCloseTo(0.02, within(0.002));
    assertThat(gateway.inferredRate()).isCloseTo(15, Offset.offset(4.0));
    assertThat(result.spec().dependencies().get(0).rateLimit()).isNotNull();
  }

  @Test
  void shouldWriteAValidSpecThatReadsBackWhenSerialisedAsYaml() {
    String yaml = TwinSpecs.toYaml(result.spec());
    assertThat(TwinSpecs.fromYaml(yaml)).isEqualTo(result.spec());
  }

  @Test
  void shouldBeDeterministicWhenCalibratedTwice() {
    CalibrationResult again =
        Calibration.calibrate(recording, Overlay.EMPTY, CalibrationOptions.named("shop"));
    assertThat(TwinSpecs.toYaml(again.spec())).isEqualTo(TwinSpecs.toYaml(result.spec()));
  }

  @Test
  void shouldFailNamingThePathWhenTheOverlayNamesAnUnknownService() {
    Overlay overlay = Overlay.fromYaml("services:\n  catalogue: {workers: 3}\n");
    assertThatThrownBy(
            () -> Calibration.calibrate(recording, overlay, CalibrationOptions.named("shop")))
        .isInstanceOf(OverlayException.class)
        .hasMessageStartingWith("services.catalogue: unknown service 'catalogue'");
  }

  @Test
  void shouldCopyTheOverlaysSlosIntoTheTwinAndNameAnSloOnAnEndpointNeverSeen() {
    Overlay overlay =
        Overlay.fromYaml(
            "slos:\n  - {endpoint: front/GET /page, percentile: 99, latency: 0.3,"
                + " availability: 0.99}\n");
    CalibrationResult judged =
        Calibration.calibrate(recording, overlay, CalibrationOptions.named("shop"));
    assertThat(judged.spec().slos())
        .singleElement()
        .satisfies(
            slo -> {
              assertThat(slo.endpoint()).isEqualTo("front/GET /page");
              assertThat(slo.latency()).isEqualTo(0.3);
            });
    assertThat(result.spec().slos()).isEmpty();
    Overlay unknown =
        Overlay.fromYaml(
            "slos:\n  - {endpoint: front/GET /home, percentile: 99, latency: 0.3,"
                + " availability: 0.99}\n");
    assertThatThrownBy(
            () -> Calibration.calibrate(recording, unknown, CalibrationOptions.named("shop")))
        .isInstanceOf(OverlayException.class)
        .hasMessageStartingWith("slos[0].endpoint: unknown endpoint 'front/GET /home'");
  }

  @Test
  void shouldTakeInfrastructureFromTheOverlayAndBehaviourFromTelemetryWhenBothSpeak() {
    Overlay overlay =
        Overlay.fromYaml(
            """
            host: {cores: 2}
            services:
              catalog: {replicas: 2, workers: 3, queueLimit: 16, cpuLimit: 1.5}
            calls:
              - {from: front, to: catalog, timeoutMs: 1000, retries: 1, backoffMs: 50}
            dependencies:
              gateway: {rateLimit: {ratePerSecond: 40, burst: 7}}
            """);
    CalibrationResult merged =
        Calibration.calibrate(recording, overlay, CalibrationOptions.named("shop"));
    ServiceSpec catalog = service(merged.spec(), "catalog");
    assertThat(catalog.replicas()).isEqualTo(2);
    assertThat(catalog.workers()).isEqualTo(3);
    assertThat(catalog.queueLimit()).isEqualTo(16);
    assertThat(catalog.placement().cpuLimit()).isEqualTo(1.5);
    assertThat(merged.spec().hosts())
        .singleElement()
        .satisfies(h -> assertThat(h.cores()).isEqualTo(2));
    CallSpec toCatalog = call(merged.spec(), "front", "GET /page", "catalog/GET /items");
    assertThat(toCatalog.timeout()).isEqualTo(1.0);
    assertThat(toCatalog.retry().maxRetries()).isEqualTo(1);
    assertThat(toCatalog.retry().backoff()).isEqualTo(0.05);
    assertThat(merged.spec().dependencies().get(0).rateLimit().rate()).isEqualTo(40);
    // Behaviour still comes from telemetry; with a host, only the recorded contention is removed.
    assertThat(merged.endpoint("catalog/GET /items").serviceTime().median())
        .isCloseTo(result.endpoint("catalog/GET /items").serviceTime().median(), within(0.0002))
        .isLessThanOrEqualTo(result.endpoint("catalog/GET /items").serviceTime().median());
    assertThat(merged.notes()).anyMatch(n -> n.contains("stretched"));
    assertThat(service(merged.spec(), "cart").workers())
        .as("no overlay: the most concurrent requests seen")
        .isEqualTo(service(result.spec(), "cart").workers());
  }

  private static double median(TwinSpec spec, String ref) {
    io.rehearsal.twin.spec.Distribution d = endpoint(spec, ref).selfTime();
    double[] draws = new double[20001];
    io.rehearsal.twin.random.RandomStream r = new io.rehearsal.twin.random.RandomStream(99);
    for (int i = 0; i < draws.length; i++) {
      draws[i] = SyntheticTraces.sample(d, r);
    }
    java.util.Arrays.sort(draws);
    return draws[draws.length / 2];
  }

  private static EndpointSpec endpoint(TwinSpec spec, String ref) {
    String service = ref.substring(0, ref.indexOf('/'));
    return service(spec, service).endpoints().stream()
        .filter(e -> e.name().equals(ref.substring(service.length() + 1)))
        .findFirst()
        .orElseThrow();
  }

  private static ServiceSpec service(TwinSpec spec, String name) {
    return spec.services().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
  }

  private static List<CallSpec> calls(String service, String endpoint) {
    return endpoint(result.spec(), service + "/" + endpoint).calls();
  }

  private static double probability(String service, String endpoint, String to, int group) {
    return calls(service, endpoint).stream()
        .filter(c -> c.to().equals(to) && c.group() == group)
        .findFirst()
        .orElseThrow()
        .probability();
  }

  private static CallSpec call(TwinSpec spec, String service, String endpoint, String to) {
    return endpoint(spec, service + "/" + endpoint).calls().stream()
        .filter(c -> c.to().equals(to))
        .findFirst()
        .orElseThrow();
  }
}
