package io.rehearsal.twin.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class TwinSchemaTest {
  static final String ID = "https://rehearsal.io/schemas/twin-spec.schema.json";
  static final String SCENARIO_ID = "https://rehearsal.io/schemas/twin-scenario.schema.json";

  @Test
  void shouldMatchThePublishedSchemaWhenGeneratedFromTheRecords() throws IOException {
    assertPublished(TwinSchema.generate(TwinSpec.class, ID), "twin-spec.schema.json");
    assertPublished(TwinSchema.generate(Scenario.class, SCENARIO_ID), "twin-scenario.schema.json");
  }

  private static void assertPublished(String generated, String file) throws IOException {
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target", file), generated);
    String published = Files.readString(Path.of("src/main/resources", file));
    assertThat(published)
        .as("regenerate with: cp target/%s src/main/resources/", file)
        .isEqualTo(generated);
  }

  @Test
  void shouldDescribeNestedRecordsAndSealedTypesWhenGenerated() throws IOException {
    JsonNode schema = new ObjectMapper().readTree(TwinSchema.generate(TwinSpec.class, ID));
    assertThat(schema.at("/properties/services/items/$ref").asText())
        .isEqualTo("#/$defs/ServiceSpec");
    assertThat(schema.at("/$defs/ServiceSpec/required").toString()).contains("replicas", "workers");
    assertThat(schema.at("/$defs/Distribution/oneOf")).hasSize(5);
    assertThat(schema.at("/$defs/AutoscalerSpec/properties/metric/enum").toString())
        .contains("UTILIZATION", "CONCURRENCY", "REQUEST_RATE");
  }
}
