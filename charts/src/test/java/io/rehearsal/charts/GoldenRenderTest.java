package io.rehearsal.charts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each ci/*-values.yaml renders exactly as its golden file under src/test/resources/golden, so a
 * change to any rendered object shows in review. After an intended change: {@code ./mvnw -pl charts
 * verify -Drehearsal.golden.update=true}, then read the diff.
 */
class GoldenRenderTest {

  private static final HelmChart CHART = HelmChart.rehearsal();

  static Stream<Path> ciValues() {
    return CHART.ciValues().stream();
  }

  @ParameterizedTest
  @MethodSource("ciValues")
  void shouldRenderAsTheGoldenFileWhenGivenEachCiValuesFile(Path values) throws IOException {
    String name = values.getFileName().toString().replace("-values.yaml", ".yaml");
    Path golden =
        HelmChart.repositoryRoot().resolve("charts/src/test/resources/golden").resolve(name);
    String actual = normalized(CHART.render(values, Map.of()));

    if (Boolean.getBoolean("rehearsal.golden.update")) {
      Files.createDirectories(golden.getParent());
      Files.writeString(golden, actual);
    }
    assertThat(golden)
        .as("golden render %s (write it with -Drehearsal.golden.update=true)", golden)
        .exists();
    assertThat(actual).isEqualTo(Files.readString(golden));
  }

  /** One YAML document per object, Secret data redacted (goldens never hold a secret). */
  private static String normalized(Rendered rendered) throws IOException {
    StringBuilder out = new StringBuilder();
    for (ObjectNode object : rendered.objects()) {
      ObjectNode copy = object.deepCopy();
      if ("Secret".equals(copy.path("kind").asText()) && copy.path("data").isObject()) {
        ObjectNode data = (ObjectNode) copy.path("data");
        data.fieldNames()
            .forEachRemaining(field -> data.set(field, TextNode.valueOf("<redacted>")));
      }
      out.append(Rendered.yaml().writeValueAsString((JsonNode) copy));
    }
    return out.toString();
  }
}
