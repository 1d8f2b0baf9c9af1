package io.rehearsal.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.rehearsal.telemetry.Span;
import io.rehearsal.telemetry.SpanKind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequestClassesTest {
  private long id = 1;

  @Test
  void shouldSplitByCallerWhenTheWorkDiffers() {
    List<ServedRequest> requests = new ArrayList<>();
    requests.addAll(requests("catalog/GET /items", 0.003, 40));
    requests.addAll(requests("cart/POST /cart/items", 0.001, 40));
    RequestClasses classes = new RequestClasses(30, 1.25);
    List<RequestClasses.RequestClass> split = classes.split("inventory/GET /stock", requests);
    assertThat(split)
        .extracting(RequestClasses.RequestClass::name)
        .containsExactly(
            "inventory/GET /stock @ cart/POST /cart/items",
            "inventory/GET /stock @ catalog/GET /items");
    assertThat(classes.target("catalog/GET /items", "inventory/GET /stock"))
        .isEqualTo("inventory/GET /stock @ catalog/GET /items");
    assertThat(RequestClasses.base("inventory/GET /stock @ catalog/GET /items"))
        .isEqualTo("inventory/GET /stock");
  }

  @Test
  void shouldKeepOneClassWhenCallersAskForTheSameWork() {
    List<ServedRequest> requests = new ArrayList<>();
    requests.addAll(requests("catalog/GET /items", 0.003, 40));
    requests.addAll(requests("cart/POST /cart/items", 0.0031, 40));
    RequestClasses classes = new RequestClasses(30, 1.25);
    assertThat(classes.split("inventory/GET /stock", requests))
        .singleElement()
        .satisfies(c -> assertThat(c.name()).isEqualTo("inventory/GET /stock"));
    assertThat(classes.target("cart/POST /cart/items", "inventory/GET /stock"))
        .isEqualTo("inventory/GET /stock");
  }

  @Test
  void shouldKeepRareCallersOnTheEndpointItselfWhenSplitting() {
    List<ServedRequest> requests = new ArrayList<>();
    requests.addAll(requests("catalog/GET /items", 0.003, 40));
    requests.addAll(requests("cart/POST /cart/items", 0.001, 40));
    requests.addAll(requests("admin/GET /audit", 0.010, 5));
    List<RequestClasses.RequestClass> split =
        new RequestClasses(30, 1.25).split("inventory/GET /stock", requests);
    assertThat(split.get(0).name()).isEqualTo("inventory/GET /stock");
    assertThat(split.get(0).requests()).hasSize(5);
  }

  @Test
  void shouldAddTheCallersTimeOutsideTheSpanWhenMeasuringServiceTime() {
    ServedRequest r = requests("a/x", 0.002, 1).get(0);
    assertThat(RequestClasses.serviceSeconds(r)).isCloseTo(0.0025, within(1e-9));
  }

  private List<ServedRequest> requests(String caller, double seconds, int n) {
    List<ServedRequest> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      long start = SyntheticTraces.nanos(i);
      Span span =
          new Span(
              0,
              id,
              id++,
              99,
              "inventory",
              "GET /stock",
              "GET /stock",
              SpanKind.SERVER,
              start,
              start + Math.round(seconds * 1e9),
              false,
              200,
              "");
      out.add(new ServedRequest(span, "inventory/GET /stock", List.of(), caller, 0.0005));
    }
    return out;
  }
}
