package io.rehearsal.charts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.StreamSupport;

/** The objects of one render, parsed as YAML, with the look-ups the tests need. */
final class Rendered {

  private static final YAMLMapper YAML = new YAMLMapper();

  private final String text;
  private final List<ObjectNode> objects;

  private Rendered(String text, List<ObjectNode> objects) {
    this.text = text;
    this.objects = List.copyOf(objects);
  }

  static Rendered parse(String text) {
    List<ObjectNode> objects = new ArrayList<>();
    try (MappingIterator<JsonNode> docs = YAML.readerFor(JsonNode.class).readValues(text)) {
      while (docs.hasNext()) {
        JsonNode doc = docs.next();
        if (doc != null && doc.isObject() && !doc.isEmpty()) {
          objects.add((ObjectNode) doc);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("rendered chart is not YAML", e);
    }
    return new Rendered(text, objects);
  }

  /** The rendered text as Helm printed it. */
  String text() {
    return text;
  }

  List<ObjectNode> objects() {
    return objects;
  }

  List<ObjectNode> all(String kind) {
    return objects.stream().filter(o -> kind.equals(o.path("kind").asText())).toList();
  }

  boolean has(String kind, String name) {
    return all(kind).stream().anyMatch(o -> name.equals(name(o)));
  }

  /** The object of that kind and name; fails naming what was rendered instead. */
  ObjectNode one(String kind, String name) {
    return all(kind).stream()
        .filter(o -> name.equals(name(o)))
        .findFirst()
        .orElseThrow(
            () ->
                new NoSuchElementException(
                    kind
                        + " "
                        + name
                        + " not rendered; "
                        + kind
                        + "s: "
                        + all(kind).stream().map(Rendered::name).toList()));
  }

  /** The first container of a workload's pod template. */
  static JsonNode container(ObjectNode workload) {
    return podSpec(workload).path("containers").path(0);
  }

  static JsonNode podSpec(ObjectNode workload) {
    return workload.path("spec").path("template").path("spec");
  }

  static String name(JsonNode object) {
    return object.path("metadata").path("name").asText();
  }

  /** The container's environment variable of that name, or a missing node. */
  static JsonNode env(JsonNode container, String name) {
    return StreamSupport.stream(container.path("env").spliterator(), false)
        .filter(e -> name.equals(e.path("name").asText()))
        .findFirst()
        .orElse(YAML.missingNode());
  }

  /** A containerPort by its name, or -1. */
  static int containerPort(JsonNode container, String portName) {
    return StreamSupport.stream(container.path("ports").spliterator(), false)
        .filter(p -> portName.equals(p.path("name").asText()))
        .mapToInt(p -> p.path("containerPort").asInt())
        .findFirst()
        .orElse(-1);
  }

  static YAMLMapper yaml() {
    return YAML;
  }
}
