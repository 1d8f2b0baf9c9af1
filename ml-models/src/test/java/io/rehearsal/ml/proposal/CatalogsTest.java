package io.rehearsal.ml.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rehearsal.ml.rca.FaultKind;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CatalogsTest {

  @Test
  void shouldReadTheReferenceShopCatalogWhenShipped() {
    Catalog catalog = Catalogs.read(Path.of("../examples/reference-shop/catalog.yaml"));
    assertThat(catalog.budget()).isEqualTo(6);
    assertThat(catalog.guards().limits("catalog")).isEqualTo(new Catalog.Limits(2, 4));
    assertThat(catalog.guards().limits("cart")).isEqualTo(new Catalog.Limits(1, 4));
    assertThat(catalog.rules())
        .extracting(r -> r.when().kind())
        .contains(FaultKind.LATENCY, FaultKind.LOST_REPLICA, FaultKind.DEPENDENCY_LATENCY);
    Action timeout = catalog.rules().get(0).propose().get(3);
    assertThat(timeout.action()).isEqualTo(ActionKind.CALL_POLICY);
    assertThat(timeout.on()).isEqualTo(Scope.CALLERS);
    assertThat(timeout.backoff()).isEqualTo(0.01);
  }

  private static void refused(String yaml, String... parts) {
    assertThatThrownBy(() -> Catalogs.parse(yaml, "c.yaml"))
        .isInstanceOf(CatalogException.class)
        .hasMessageStartingWith(parts[0])
        .satisfies(e -> assertThat(e.getMessage()).contains(parts));
  }

  @Test
  void shouldNameFileLineAndFieldWhenAFieldIsUnknown() {
    refused(
        "budget: 5\nrules:\n  - when: {kind: LATENCY}\n    propose:\n      - {action: RESTART, why: x, colour: red}\n",
        "c.yaml:5:",
        "rules[0].propose[0].colour",
        "unknown field");
  }

  @Test
  void shouldNameTheBadValueWhenAFaultKindIsUnknown() {
    refused(
        "rules:\n  - when: {kind: SLOWNESS}\n    propose: [{action: RESTART, why: x}]\n",
        "c.yaml:2:",
        "SLOWNESS");
  }

  @Test
  void shouldSayWhatIsMissingWhenAnActionHasNoReason() {
    refused(
        "rules:\n  - when: {kind: ERRORS}\n    propose:\n      - {action: RESTART}\n",
        "c.yaml:4:",
        "why is required");
  }

  @Test
  void shouldRefuseParametersThatDoNotFitTheAction() {
    refused(
        "rules:\n  - when: {kind: ERRORS}\n    propose:\n      - {action: RESTART, fraction: [0.5], why: x}\n",
        "c.yaml:4:",
        "RESTART takes no fraction");
    refused(
        "rules:\n  - when: {kind: ERRORS}\n    propose:\n      - {action: CALL_POLICY, on: suspect, retries: [1], why: x}\n",
        "c.yaml:4:",
        "CALL_POLICY applies on: callers");
  }

  @Test
  void shouldRefuseABudgetOutOfRangeWithTheValue() {
    refused(
        "budget: 20\nrules:\n  - when: {kind: ERRORS}\n    propose: [{action: RESTART, why: x}]\n",
        "c.yaml:",
        "budget must be between 3 and 8, but was 20");
  }

  @Test
  void shouldReportTheLineWhenTheYamlIsBroken() {
    refused("rules:\n  - when: {kind: ERRORS\n", "c.yaml:", "syntax error");
  }
}
