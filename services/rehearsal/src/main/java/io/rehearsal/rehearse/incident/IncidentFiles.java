package io.rehearsal.rehearse.incident;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonMappingException.Reference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads and writes incident files (YAML; JSON is read too, being a subset). The shape:
 *
 * <pre>{@code
 * id: incident-latency
 * title: latency +50 ms on catalog
 * onsetEpochMs: 1795683983156       # optional, 0 = unknown
 * bucket: 2.0                       # seconds per point; the series start at the onset
 * endpoints:
 *   - endpoint: frontend/GET /browse
 *     p50: [0.021, 0.074, ...]       # seconds, successful requests; null = none succeeded
 *     p99: [0.080, 0.190, ...]
 *     errorRate: [0.0, 0.0, ...]     # share of completed requests that failed, [0, 1]
 *     throughput: [18.5, 19.0, ...]  # completed requests per second
 *     baseline: {p50: 0.019, p99: 0.074, errorRate: 0.0, throughput: 18.9}   # optional
 * label:                            # optional: the injected fault
 *   kind: latency                   # see LabelKind
 *   target: catalog
 *   service: catalog                # optional, defaults to target
 *   magnitude: 50
 * }</pre>
 *
 * Reading validates: a bad document raises {@link InvalidIncidentException} whose message names the
 * file, the field's path and the bad value, e.g. {@code inc.yaml: endpoints[1].errorRate[3]:
 * errorRate must be in [0, 1], but was 1.5}.
 */
public final class IncidentFiles {
  private static final ObjectMapper YAML =
      new ObjectMapper(
              YAMLFactory.builder()
                  .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                  .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                  .build())
          .setSerializationInclusion(JsonInclude.Include.NON_NULL)
          .enable(SerializationFeature.INDENT_OUTPUT)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private IncidentFiles() {}

  /**
   * Parses an incident document.
   *
   * @throws InvalidIncidentException naming the path and the bad value
   */
  public static Incident fromYaml(String text) {
    try {
      return IncidentYaml.fromDoc(YAML.readValue(text, IncidentYaml.Doc.class));
    } catch (JsonMappingException e) {
      throw new InvalidIncidentException(path(e.getPath()) + e.getOriginalMessage());
    } catch (JsonProcessingException e) {
      throw new InvalidIncidentException("syntax error: " + e.getOriginalMessage());
    }
  }

  /** Writes an incident as YAML (null for NaN latencies; no baseline or label when absent). */
  public static String toYaml(Incident incident) {
    try {
      return YAML.writeValueAsString(IncidentYaml.toDoc(incident));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write incident " + incident.id(), e);
    }
  }

  /**
   * Reads an incident file.
   *
   * @throws InvalidIncidentException whose message starts with the file name
   * @throws UncheckedIOException if the file cannot be read
   */
  public static Incident read(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    try {
      return fromYaml(text);
    } catch (InvalidIncidentException e) {
      throw new InvalidIncidentException(file + ": " + e.getMessage());
    }
  }

  /** Writes an incident file, replacing it. */
  public static void write(Path file, Incident incident) {
    try {
      Files.writeString(file, toYaml(incident));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  private static String path(List<Reference> refs) {
    StringBuilder out = new StringBuilder();
    for (Reference ref : refs) {
      if (ref.getFieldName() != null) {
        out.append(out.length() == 0 ? "" : ".").append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        out.append('[').append(ref.getIndex()).append(']');
      }
    }
    return out.length() == 0 ? "" : out + ": ";
  }
}
