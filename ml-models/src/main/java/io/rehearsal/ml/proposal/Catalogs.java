package io.rehearsal.ml.proposal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads remediation catalogs from YAML. Unknown fields, bad enum values and values out of range are
 * refused with a message that starts with {@code source:line:} and names the field path.
 */
public final class Catalogs {
  private static final ObjectMapper YAML =
      JsonMapper.builder(new YAMLFactory())
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
          .build();

  private Catalogs() {}

  /**
   * Reads a catalog file.
   *
   * @throws CatalogException when the file cannot be read or is not a valid catalog
   */
  public static Catalog read(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new CatalogException(file + ": cannot be read: " + e.getMessage(), e);
    }
    return parse(text, file.toString());
  }

  /**
   * Parses catalog text; {@code source} names it in messages.
   *
   * @throws CatalogException when it is not a valid catalog
   */
  public static Catalog parse(String text, String source) {
    try {
      Catalog catalog = YAML.readValue(text, Catalog.class);
      if (catalog == null) {
        throw new CatalogException(source + ":1: the catalog is empty", null);
      }
      return catalog;
    } catch (JsonMappingException e) {
      StreamReadException syntax = syntax(e);
      if (syntax != null) {
        throw new CatalogException(
            source
                + ':'
                + line(syntax.getLocation())
                + ": syntax error: "
                + first(syntax.getOriginalMessage()),
            e);
      }
      throw new CatalogException(source + ':' + line(e.getLocation()) + ": " + explain(e), e);
    } catch (JsonProcessingException e) {
      throw new CatalogException(
          source + ':' + line(e.getLocation()) + ": syntax error: " + first(e.getOriginalMessage()),
          e);
    }
  }

  private static StreamReadException syntax(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof StreamReadException s) {
        return s;
      }
    }
    return null;
  }

  private static String explain(JsonMappingException e) {
    String path = path(e);
    if (e instanceof UnrecognizedPropertyException u) {
      return path + ": unknown field (known: " + u.getKnownPropertyIds() + ")";
    }
    for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
      if (t instanceof IllegalArgumentException iae) {
        return path + ": " + iae.getMessage();
      }
    }
    return path + ": " + first(e.getOriginalMessage());
  }

  private static String path(JsonMappingException e) {
    StringBuilder out = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        out.append(out.length() == 0 ? "" : ".").append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        out.append('[').append(ref.getIndex()).append(']');
      }
    }
    return out.length() == 0 ? "catalog" : out.toString();
  }

  private static long line(JsonLocation location) {
    return location == null ? 1 : Math.max(1, location.getLineNr());
  }

  private static String first(String message) {
    return message == null ? "" : message.lines().findFirst().orElse("").trim();
  }
}
