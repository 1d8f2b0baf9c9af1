package io.rehearsal.shop.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class CandidateActionsTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private static List<String> lines(String yaml, String name) throws Exception {
    JsonNode file = YAML.readTree(yaml);
    return CandidateActions.of(file, name).stream().map(ShopAction::line).toList();
  }

  @Test
  void shouldTranslateEveryActuatedKind() throws Exception {
    String yaml =
        """
        candidates:
          - name: all
            remediations:
              - {kind: ROLLBACK, target: catalog, delay: 5}
              - {kind: SCALE, target: payment, value: 3}
              - {kind: RESTART, target: cart, at: 2}
              - {kind: RATE_LIMIT, target: frontend, value: 20}
              - {kind: SHED_LOAD, target: frontend/GET /browse, value: 0.3}
              - kind: CALL_POLICY
                target: frontend/GET /browse
                to: catalog/GET /items
                value: 0.1
                retry: {maxRetries: 0, backoff: 0.05}
        """;

    assertThat(lines(yaml, "all"))
        .containsExactly(
            "0 scale payment 3",
            "0 rate-limit frontend 20",
            "0 shed frontend 0.3 GET /browse",
            "0 call-policy frontend catalog timeoutMs=100 retries=0 backoffMs=50 retryOn=any",
            "2 restart cart",
            "5 rollback catalog");
  }

  @Test
  void shouldNameTheCalleeServiceOfAChainedCallTarget() throws Exception {
    String yaml =
        """
        candidates:
          - name: c
            remediations:
              - {kind: CALL_POLICY, target: catalog/GET /items, to: inventory/GET /stock @ catalog/GET /items, value: 0.05}
              - {kind: CALL_POLICY, target: payment/POST /payments, to: payment-gateway, value: 2}
        """;

    assertThat(lines(yaml, "c"))
        .containsExactly(
            "0 call-policy catalog inventory timeoutMs=50",
            "0 call-policy payment payment-gateway timeoutMs=2000");
  }

  @Test
  void shouldRefuseAKindWithoutAShopActuator() {
    String yaml =
        """
        candidates:
          - name: warm
            remediations:
              - {kind: CACHE, target: inventory, value: 0.9}
        """;

    assertThatThrownBy(() -> lines(yaml, "warm"))
        .hasMessageContaining("no shop actuator for CACHE");
  }

  @Test
  void shouldRefuseAnUnknownCandidate() {
    assertThatThrownBy(() -> lines("candidates: []", "nope")).hasMessageContaining("'nope'");
  }

  @Test
  void shouldTranslateEveryCandidateOfTheDecisionPlan() throws Exception {
    for (String line : Files.readAllLines(Path.of("decisions-plan.txt"))) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.trim().split("\\s+", 9);
      if (!f[8].equals("-")) {
        Path candidates = Path.of("candidates", f[0] + ".yaml");
        assertThat(CandidateActions.of(candidates, f[8])).as(line).isNotEmpty();
      }
    }
  }
}
