package io.rehearsal.twin.spec;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;

/**
 * Derives the JSON Schema (draft 2020-12) of twin specs and scenarios from their records, so the
 * schema published for editors ({@code twin-spec.schema.json}) cannot drift from the code. Records
 * become objects whose primitive components are required; sealed interfaces become a {@code oneOf}
 * keyed by {@code type}.
 */
public final class TwinSchema {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final ObjectNode defs = JSON.createObjectNode();

  private TwinSchema() {}

  /**
   * The schema of a root record (the twin spec or the scenario), pretty-printed.
   *
   * @param root the root record class
   * @param id the schema's {@code $id}
   */
  public static String generate(Class<? extends Record> root, String id) {
    TwinSchema schema = new TwinSchema();
    ObjectNode out = JSON.createObjectNode();
    out.put("$schema", "https://json-schema.org/draft/2020-12/schema");
    out.put("$id", id);
    out.put("title", root.getSimpleName());
    out.setAll(schema.record(root));
    out.set("$defs", schema.defs);
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(out) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot write schema", e);
    }
  }

  private ObjectNode record(Class<?> type) {
    ObjectNode node = JSON.createObjectNode();
    node.put("type", "object");
    node.put("additionalProperties", false);
    ObjectNode properties = node.putObject("properties");
    ArrayNode required = JSON.createArrayNode();
    for (RecordComponent c : type.getRecordComponents()) {
      properties.set(c.getName(), schemaOf(c.getGenericType()));
      if (c.getType().isPrimitive()) {
        required.add(c.getName());
      }
    }
    if (!required.isEmpty()) {
      node.set("required", required);
    }
    return node;
  }

  private ObjectNode schemaOf(Type type) {
    if (type instanceof ParameterizedType p) {
      return generic(p);
    }
    Class<?> c = (Class<?>) type;
    ObjectNode node = JSON.createObjectNode();
    if (c == String.class) {
      node.put("type", "string");
    } else if (c == int.class || c == Integer.class) {
      node.put("type", "integer");
    } else if (c == double.class || c == Double.class) {
      node.put("type", "number");
    } else if (c == boolean.class || c == Boolean.class) {
      node.put("type", "boolean");
    } else if (c.isEnum()) {
      ArrayNode values = node.putArray("enum");
      for (Object constant : c.getEnumConstants()) {
        values.add(((Enum<?>) constant).name());
      }
    } else {
      node.put("$ref", "#/$defs/" + define(c));
    }
    return node;
  }

  private ObjectNode generic(ParameterizedType p) {
    ObjectNode node = JSON.createObjectNode();
    Type[] args = p.getActualTypeArguments();
    if (p.getRawType() == List.class) {
      node.put("type", "array");
      node.set("items", schemaOf(args[0]));
    } else if (p.getRawType() == Map.class) {
      node.put("type", "object");
      node.set("additionalProperties", schemaOf(args[1]));
    }
    return node;
  }

  private String define(Class<?> c) {
    String name = c.getSimpleName();
    if (!defs.has(name)) {
      defs.putObject(name);
      defs.set(name, c.isSealed() ? sealed(c) : record(c));
    }
    return name;
  }

  private ObjectNode sealed(Class<?> c) {
    ObjectNode node = JSON.createObjectNode();
    ArrayNode options = node.putArray("oneOf");
    for (JsonSubTypes.Type sub : c.getAnnotation(JsonSubTypes.class).value()) {
      ObjectNode option = record(sub.value());
      ObjectNode properties = (ObjectNode) option.get("properties");
      properties.putObject("type").put("const", sub.name());
      ((ArrayNode) option.withArray("required")).add("type");
      options.add(option);
    }
    return node;
  }
}
