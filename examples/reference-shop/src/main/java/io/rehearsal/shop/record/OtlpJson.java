package io.rehearsal.shop.record;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.Iterator;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Small helpers over OTLP JSON trees (as the OpenTelemetry SDK and Collector write them). */
final class OtlpJson {
  private static final Pattern TIMES =
      Pattern.compile("\"(?:startTimeUnixNano|timeUnixNano)\":\"?(\\d+)");

  private OtlpJson() {}

  /**
   * The smallest and largest span start or point time of a raw line, found without parsing it (a
   * line far outside a window can be skipped cheaply); {@code null} when it has none.
   */
  static long[] timeRange(String line) {
    Matcher m = TIMES.matcher(line);
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    while (m.find()) {
      long t = Long.parseLong(m.group(1));
      min = Math.min(min, t);
      max = Math.max(max, t);
    }
    return min == Long.MAX_VALUE ? null : new long[] {min, max};
  }

  /** A 64-bit nanosecond field, written as a string or a number. */
  static long nanos(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isTextual() ? Long.parseLong(value.asText()) : value.asLong();
  }

  /** Removes the elements of an array that fail {@code keep}; returns how many remain. */
  static int retain(JsonNode array, Predicate<JsonNode> keep) {
    if (!(array instanceof ArrayNode)) {
      return 0;
    }
    Iterator<JsonNode> it = array.elements();
    while (it.hasNext()) {
      if (!keep.test(it.next())) {
        it.remove();
      }
    }
    return array.size();
  }

  /** The string value of a resource or span attribute, or {@code ""}. */
  static String attribute(JsonNode owner, String key) {
    for (JsonNode attribute : owner.path("attributes")) {
      if (key.equals(attribute.path("key").asText())) {
        JsonNode value = attribute.path("value");
        return value.has("stringValue")
            ? value.get("stringValue").asText()
            : value.path("intValue").asText("");
      }
    }
    return "";
  }
}
