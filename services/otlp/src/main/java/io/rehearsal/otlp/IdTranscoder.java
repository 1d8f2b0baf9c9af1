package io.rehearsal.otlp;

import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/**
 * Rewrites OTLP/JSON into the protobuf JSON mapping {@code JsonFormat} reads: OTLP/JSON writes
 * trace and span ids as hex, the mapping expects base64. A streaming token copy, so the document is
 * never held as a tree. An id that is not hex becomes one zero byte, which the mappers reject for
 * that span alone instead of failing the whole request.
 */
final class IdTranscoder {

  /** The JSON-lines kinds the top-level keys reveal. */
  record Result(String json, List<String> topLevelKeys) {}

  private static final Set<String> ID_FIELDS =
      Set.of("traceId", "spanId", "parentSpanId", "trace_id", "span_id", "parent_span_id");

  private static final String INVALID_ID = Base64.getEncoder().encodeToString(new byte[] {0});

  private IdTranscoder() {}

  /**
   * Transcodes one JSON document.
   *
   * @throws IOException if the text is not a single JSON object
   */
  static Result transcode(String otlpJson) throws IOException {
    StringWriter out = new StringWriter(otlpJson.length());
    List<String> keys = new ArrayList<>(2);
    try (JsonReader reader = new JsonReader(new StringReader(otlpJson));
        JsonWriter writer = new JsonWriter(out)) {
      reader.setStrictness(com.google.gson.Strictness.STRICT);
      if (reader.peek() != JsonToken.BEGIN_OBJECT) {
        throw new IOException("expected a JSON object but found " + reader.peek());
      }
      copyObject(reader, writer, keys);
      if (reader.peek() != JsonToken.END_DOCUMENT) {
        throw new IOException("unexpected content after the JSON object at " + reader.getPath());
      }
    }
    return new Result(out.toString(), keys);
  }

  private static void copyObject(JsonReader in, JsonWriter out, List<String> keys)
      throws IOException {
    in.beginObject();
    out.beginObject();
    while (in.hasNext()) {
      String name = in.nextName();
      out.name(name);
      if (keys != null) {
        keys.add(name);
      }
      if (ID_FIELDS.contains(name) && in.peek() == JsonToken.STRING) {
        out.value(toBase64(in.nextString()));
      } else {
        copyValue(in, out);
      }
    }
    in.endObject();
    out.endObject();
  }

  private static void copyValue(JsonReader in, JsonWriter out) throws IOException {
    switch (in.peek()) {
      case BEGIN_OBJECT -> copyObject(in, out, null);
      case BEGIN_ARRAY -> copyArray(in, out);
      case STRING -> out.value(in.nextString());
      case NUMBER -> out.jsonValue(in.nextString());
      case BOOLEAN -> out.value(in.nextBoolean());
      case NULL -> {
        in.nextNull();
        out.nullValue();
      }
      default -> throw new IOException("unexpected " + in.peek() + " at " + in.getPath());
    }
  }

  private static void copyArray(JsonReader in, JsonWriter out) throws IOException {
    in.beginArray();
    out.beginArray();
    while (in.hasNext()) {
      copyValue(in, out);
    }
    in.endArray();
    out.endArray();
  }

  /** Hex (either case) to base64; an empty id stays empty; anything else is invalid. */
  static String toBase64(String hex) {
    if (hex.isEmpty()) {
      return hex;
    }
    if (hex.length() % 2 != 0) {
      return INVALID_ID;
    }
    byte[] bytes = new byte[hex.length() / 2];
    for (int i = 0; i < bytes.length; i++) {
      int high = Character.digit(hex.charAt(2 * i), 16);
      int low = Character.digit(hex.charAt(2 * i + 1), 16);
      if (high < 0 || low < 0) {
        return INVALID_ID;
      }
      bytes[i] = (byte) (high << 4 | low);
    }
    return Base64.getEncoder().encodeToString(bytes);
  }
}
