package io.rehearsal.otlp;

import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

/** Reads OTLP attribute values as plain strings and numbers. */
final class AttributeValues {

  private AttributeValues() {}

  /** The string form of a value: strings as is, scalars printed, arrays and maps as lists. */
  static String text(AnyValue value) {
    return switch (value.getValueCase()) {
      case STRING_VALUE -> value.getStringValue();
      case BOOL_VALUE -> Boolean.toString(value.getBoolValue());
      case INT_VALUE -> Long.toString(value.getIntValue());
      case DOUBLE_VALUE -> Double.toString(value.getDoubleValue());
      case BYTES_VALUE -> Base64.getEncoder().encodeToString(value.getBytesValue().toByteArray());
      case ARRAY_VALUE ->
          value.getArrayValue().getValuesList().stream()
              .map(AttributeValues::text)
              .collect(Collectors.joining(",", "[", "]"));
      case KVLIST_VALUE ->
          value.getKvlistValue().getValuesList().stream()
              .map(kv -> kv.getKey() + "=" + text(kv.getValue()))
              .collect(Collectors.joining(",", "{", "}"));
      case VALUE_NOT_SET -> "";
    };
  }

  /** An integer value, from an int, a whole double or a decimal string; -1 when none. */
  static long integer(AnyValue value) {
    return switch (value.getValueCase()) {
      case INT_VALUE -> value.getIntValue();
      case DOUBLE_VALUE -> (long) value.getDoubleValue();
      case STRING_VALUE -> parseOrMinusOne(value.getStringValue());
      default -> -1;
    };
  }

  /** The text of the first attribute named {@code key}; empty when absent. */
  static String find(List<KeyValue> attributes, String key) {
    for (KeyValue attribute : attributes) {
      if (attribute.getKey().equals(key)) {
        return text(attribute.getValue());
      }
    }
    return "";
  }

  private static long parseOrMinusOne(String text) {
    try {
      return Long.parseLong(text.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
