package io.rehearsal.policy.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class YamlNodeTest {

  static YamlNode doc(String yaml) {
    return YamlNode.parse(yaml, "f.yaml");
  }

  @ParameterizedTest
  @CsvSource({"90s,PT1M30S", "30m,PT30M", "2h30m,PT2H30M", "1d,PT24H", "250ms,PT0.25S"})
  void shouldReadADurationWhenItUsesUnitSuffixes(String text, String iso) {
    assertThat(doc("d: " + text).require("d").asDuration()).isEqualTo(Duration.parse(iso));
  }

  @ParameterizedTest
  @CsvSource({"10", "1x", "h", "1h 30m", "-5m"})
  void shouldNameThePathAndValueWhenADurationIsMalformed(String text) {
    assertThatThrownBy(() -> doc("a:\n  d: '" + text + "'").require("a").require("d").asDuration())
        .isInstanceOf(YamlProblem.class)
        .hasMessageStartingWith("f.yaml:2: a.d must be a duration")
        .hasMessageContaining("'" + text + "'");
  }

  @Test
  void shouldLetExplicitKeysWinWhenMergingAnAnchor() {
    YamlNode root = doc("base: &b {x: 1, y: 2}\nc: {<<: *b, y: 3, z: 4}\n");

    Map<String, YamlNode> c = root.require("c").entries();

    assertThat(c.keySet()).containsExactlyInAnyOrder("x", "y", "z");
    assertThat(c.get("x").asLong()).isEqualTo(1);
    assertThat(c.get("y").asLong()).isEqualTo(3);
  }

  @Test
  void shouldRejectADuplicateKeyWhenBothAreExplicit() {
    assertThatThrownBy(() -> doc("a: 1\nb: 2\na: 3\n").entries())
        .isInstanceOf(YamlProblem.class)
        .hasMessage("f.yaml:3: duplicate key 'a' in (document)");
  }

  @Test
  void shouldTreatAnExplicitNullAsAbsent() {
    YamlNode root = doc("a: ~\nb: null\nc:\n");

    assertThat(root.get("a")).isEmpty();
    assertThat(root.get("b")).isEmpty();
    assertThat(root.get("c")).isEmpty();
  }

  @Test
  void shouldConvertScalarsByTheirYamlTypeWhenReadingPlainValues() {
    Object value =
        doc("p: {delta: 2, fraction: 0.5, rolling: true, version: 1.41.2, list: [1, a]}")
            .require("p")
            .asPlainValue();

    assertThat(value)
        .isEqualTo(
            Map.of(
                "delta",
                2L,
                "fraction",
                0.5,
                "rolling",
                true,
                "version",
                "1.41.2",
                "list",
                List.of(1L, "a")));
  }

  @Test
  void shouldReportTheLineWhenTheYamlIsMalformed() {
    assertThatThrownBy(() -> doc("a: [1, 2\nb: 3\n"))
        .isInstanceOf(YamlProblem.class)
        .hasMessageStartingWith("f.yaml:2: YAML syntax error");
  }
}
