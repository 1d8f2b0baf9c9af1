package io.rehearsal.ml.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The JSON form of {@link ModelArtifact}. Format 3 (written today) carries a {@code checksum}, the
 * SHA-256 of the rest of the document, so an edited or truncated file is refused even when it is
 * still valid JSON, and rests in time ({@code rest_seconds}). Format 2 (the same without rests in
 * time) and format 1 (flat provenance fields, one {@code threshold}, no checksum, no {@code
 * context.grid_warm_up}) are still read and upgraded. Anything else — bad JSON, a newer or unknown
 * format, unknown or missing fields, values out of range — is refused with a message naming the
 * artifact.
 */
public final class ModelArtifacts {

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES);

  private ModelArtifacts() {}

  /** The artifact as a format-3 JSON document with its checksum. */
  public static String write(ModelArtifact artifact) {
    ObjectNode body = JSON.valueToTree(artifact);
    body.put("format_version", ModelArtifact.FORMAT_VERSION);
    body.put("checksum", checksum(body));
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(body) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("an artifact always serialises", e);
    }
  }

  /**
   * Reads an artifact of format 1, 2 or 3.
   *
   * @param source where it came from, for messages
   * @param json the document
   * @throws ModelArtifactException when it is corrupt, of another format or inconsistent
   */
  public static ModelArtifact read(String source, String json) throws ModelArtifactException {
    ObjectNode root = parse(source, json);
    int version = root.path("format_version").asInt(-1);
    return switch (version) {
      case 1 -> bind(source, restsInRowsOnly(FormatOne.upgrade(root)));
      case 2 -> bind(source, restsInRowsOnly(verified(source, root)));
      case 3 -> bind(source, verified(source, root));
      default ->
          throw new ModelArtifactException(
              source
                  + ": format_version "
                  + root.path("format_version")
                  + " is not supported (this build reads 1 to 3)",
              null);
    };
  }

  private static ObjectNode parse(String source, String json) throws ModelArtifactException {
    try {
      JsonNode node = JSON.readTree(json);
      if (node instanceof ObjectNode object) {
        return object;
      }
      throw new ModelArtifactException(source + ": not a JSON object", null);
    } catch (JsonProcessingException e) {
      throw new ModelArtifactException(
          source
              + ": corrupt JSON at line "
              + e.getLocation().getLineNr()
              + ": "
              + e.getOriginalMessage(),
          e);
    }
  }

  private static ObjectNode verified(String source, ObjectNode root) throws ModelArtifactException {
    JsonNode stated = root.remove("checksum");
    String actual = checksum(root);
    if (stated == null || !actual.equals(stated.asText())) {
      throw new ModelArtifactException(
          source
              + ": checksum mismatch (stated "
              + stated
              + ", content hashes to "
              + actual
              + "): the artifact was altered or truncated",
          null);
    }
    return root;
  }

  /**
   * Formats 1 and 2 predate rests in time ({@code rest_seconds}): their detectors rested {@code
   * rest_period} rows only, which is what a rest of 0 seconds means.
   */
  private static ObjectNode restsInRowsOnly(ObjectNode root) {
    if (root.get("config") instanceof ObjectNode config) {
      for (String part : new String[] {"context", "combination"}) {
        if (config.get(part) instanceof ObjectNode node) {
          node.putIfAbsent("rest_seconds", JSON.getNodeFactory().numberNode(0L));
        }
      }
    }
    return root;
  }

  private static ModelArtifact bind(String source, ObjectNode root) throws ModelArtifactException {
    try {
      return JSON.treeToValue(root, ModelArtifact.class);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      throw new ModelArtifactException(
          source + ": incompatible artifact: " + cause.getMessage().lines().findFirst().orElse(""),
          e);
    }
  }

  static String checksum(ObjectNode body) {
    try {
      byte[] canonical = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
      return "sha256:"
          + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
    } catch (JsonProcessingException | NoSuchAlgorithmException e) {
      throw new IllegalStateException("a JSON tree always hashes", e);
    }
  }

  /** Format 1: {@code data_sha256}, {@code points}, {@code seed}, {@code threshold} at the top. */
  private static final class FormatOne {

    static ObjectNode upgrade(ObjectNode v1) {
      ObjectNode v2 = JSON.createObjectNode();
      v2.put("format_version", 1);
      v2.set("detector", v1.get("detector"));
      JsonNode config = v1.get("config");
      if (config instanceof ObjectNode c && c.get("context") instanceof ObjectNode context) {
        // Format 1 predates the frozen grid: its detectors always used the range seen so far.
        context.putIfAbsent("grid_warm_up", JSON.getNodeFactory().numberNode(0));
      }
      v2.set("config", config);
      ObjectNode provenance = v2.putObject("provenance");
      JsonNode hash = v1.get("data_sha256");
      provenance.put("data_identity", hash == null ? null : "sha256:" + hash.asText());
      provenance.put("series", 0);
      provenance.set("points", v1.get("points"));
      provenance.set("seed", v1.get("seed"));
      ObjectNode calibration = v2.putObject("calibration");
      for (String field : new String[] {"alarm_threshold", "p99", "p999", "max"}) {
        calibration.set(field, v1.get("threshold"));
      }
      return v2;
    }
  }
}
