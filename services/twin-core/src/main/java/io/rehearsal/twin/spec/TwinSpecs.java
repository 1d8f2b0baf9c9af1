package io.rehearsal.twin.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads and writes {@link TwinSpec}s and {@link Scenario}s as YAML or JSON. Reading validates: an
 * invalid document raises {@link InvalidSpecException} whose message starts with the path of the
 * bad field, e.g. {@code services[2].endpoints[0].calls[1].to: unknown endpoint 'x/y'}.
 */
public final class TwinSpecs {
  private static final ObjectMapper YAML = configure(new ObjectMapper(yamlFactory()));
  private static final ObjectMapper JSON = configure(JsonMapper.builder().build());

  private TwinSpecs() {}

  /** Parses a YAML (or JSON, a subset of YAML) twin spec. */
  public static TwinSpec fromYaml(String text) {
    return read(YAML, text, TwinSpec.class);
  }

  /** Parses a JSON twin spec. */
  public static TwinSpec fromJson(String text) {
    return read(JSON, text, TwinSpec.class);
  }

  /** Reads a twin spec file; {@code .json} files as JSON, anything else as YAML. */
  public static TwinSpec read(Path file) {
    String text = readText(file);
    return file.toString().endsWith(".json") ? fromJson(text) : fromYaml(text);
  }

  /** Reads a scenario file; {@code .json} files as JSON, anything else as YAML. */
  public static Scenario readScenario(Path file) {
    String text = readText(file);
    return read(file.toString().endsWith(".json") ? JSON : YAML, text, Scenario.class);
  }

  /** Parses a YAML scenario. */
  public static Scenario scenarioFromYaml(String text) {
    return read(YAML, text, Scenario.class);
  }

  /** Writes a spec or scenario as YAML. */
  public static String toYaml(Object specOrScenario) {
    return write(YAML, specOrScenario);
  }

  /** Writes a spec or scenario as pretty-printed JSON. */
  public static String toJson(Object specOrScenario) {
    return write(JSON, specOrScenario);
  }

  private static YAMLFactory yamlFactory() {
    return YAMLFactory.builder()
        .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
        .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
        .build();
  }

  @SuppressWarnings("deprecation")
  private static ObjectMapper configure(ObjectMapper mapper) {
    return mapper
        .setSerializationInclusion(JsonInclude.Include.NON_NULL)
        .enable(SerializationFeature.INDENT_OUTPUT)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .configure(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS, true);
  }

  private static <T> T read(ObjectMapper mapper, String text, Class<T> type) {
    try {
      return mapper.readValue(text, type);
    } catch (JsonMappingException e) {
      throw translate(e);
    } catch (JsonProcessingException e) {
      throw new InvalidSpecException("syntax error: " + e.getOriginalMessage());
    }
  }

  private static InvalidSpecException translate(JsonMappingException e) {
    String path = PathFormat.of(e.getPath());
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof InvalidSpecException invalid) {
        return path.isEmpty() ? invalid : invalid.under(PathFormat.parentOf(e.getPath()));
      }
    }
    return new InvalidSpecException((path.isEmpty() ? "" : path + ": ") + e.getOriginalMessage());
  }

  private static String write(ObjectMapper mapper, Object value) {
    try {
      return mapper.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + value.getClass().getSimpleName(), e);
    }
  }

  private static String readText(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
