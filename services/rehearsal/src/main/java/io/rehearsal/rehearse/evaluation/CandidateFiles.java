package io.rehearsal.rehearse.evaluation;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.rehearsal.twin.spec.InvalidSpecException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads {@link CandidateSet}s with the same strictness as twin specs (unknown fields rejected). */
final class CandidateFiles {
  private static final ObjectMapper YAML = configure(new ObjectMapper(new YAMLFactory()));
  private static final ObjectMapper JSON = configure(JsonMapper.builder().build());

  private CandidateFiles() {}

  static CandidateSet read(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    return parse(file.toString().endsWith(".json") ? JSON : YAML, text);
  }

  static CandidateSet fromYaml(String text) {
    return parse(YAML, text);
  }

  @SuppressWarnings("deprecation")
  private static ObjectMapper configure(ObjectMapper mapper) {
    return mapper
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        // A remediation's `at` may be left out here: 0 = at the decision.
        .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .configure(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS, true);
  }

  private static CandidateSet parse(ObjectMapper mapper, String text) {
    try {
      CandidateSet set = mapper.readValue(text, CandidateSet.class);
      if (set == null) {
        throw new InvalidSpecException("candidates: must list at least one candidate");
      }
      set.scoring(); // objectives are checked with the rest of the file
      return set;
    } catch (JsonMappingException e) {
      StreamReadException syntax = syntax(e);
      throw syntax != null ? syntaxError(syntax) : translate(e);
    } catch (JsonProcessingException e) {
      throw syntaxError(e);
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

  private static InvalidSpecException syntaxError(JsonProcessingException e) {
    String first = e.getOriginalMessage().lines().findFirst().orElse("").trim();
    return new InvalidSpecException("syntax error: " + first + line(e.getLocation()));
  }

  private static InvalidSpecException translate(JsonMappingException e) {
    String path = path(e);
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof InvalidSpecException invalid) {
        return path.isEmpty() ? invalid : invalid.under(path);
      }
    }
    // The parser's location is only exact without a path (Jackson buffers record properties).
    return new InvalidSpecException(
        path.isEmpty()
            ? e.getOriginalMessage() + line(e.getLocation())
            : path + ": " + e.getOriginalMessage());
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
    return out.toString();
  }

  private static String line(JsonLocation location) {
    return location == null || location.getLineNr() < 1
        ? ""
        : " (line " + location.getLineNr() + ")";
  }
}
