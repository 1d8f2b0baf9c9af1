package io.rehearsal.cli.ml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.rehearsal.cli.CommandFailure;
import io.rehearsal.ml.proposal.ActionKind;
import io.rehearsal.ml.proposal.PreRanker.Outcome;
import io.rehearsal.ml.proposal.Scope;
import io.rehearsal.ml.rca.FaultKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Reads the recorded decision arms ({@code ml-models/data/reference-shop/decisions/<incident>/}:
 * {@code manifest.json}, {@code candidates.yaml}, one {@code <arm>.loadgen.json} per arm) into
 * outcomes for the pre-ranker. An arm is better when its badness (per entry endpoint: the share of
 * failed, timed-out or dropped requests plus how far the p99 exceeds the SLO, relative, capped at
 * 1) is below 90 % of doing nothing's.
 */
final class DecisionOutcomes {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  /** Tribuo logs every training run at INFO on stderr; a command's output is its own. */
  private static final Logger TRIBUO = Logger.getLogger("org.tribuo");

  static {
    TRIBUO.setLevel(Level.WARNING);
  }

  private DecisionOutcomes() {}

  /** Outcomes per incident folder, in folder-name order. */
  static Map<String, List<Outcome>> read(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new CommandFailure(dir + " is not a directory of recorded decisions");
    }
    Map<String, List<Outcome>> out = new LinkedHashMap<>();
    try (Stream<Path> folders = Files.list(dir)) {
      for (Path f :
          folders.filter(p -> Files.isRegularFile(p.resolve("manifest.json"))).sorted().toList()) {
        out.put(f.getFileName().toString(), incident(f));
      }
    } catch (IOException e) {
      throw new CommandFailure(dir + ": " + e.getMessage(), e);
    }
    return out;
  }

  private static List<Outcome> incident(Path folder) throws IOException {
    Path manifestFile = folder.resolve("manifest.json");
    JsonNode manifest = JSON.readTree(manifestFile.toFile());
    String faultKind = manifest.path("fault").path("kind").asText();
    FaultKind fault =
        new RcaEvalCommand.Label("", faultKind, "", 0, 0)
            .faultKind()
            .orElseThrow(
                () -> new CommandFailure(manifestFile + ": unknown fault kind " + faultKind));
    String faulty = manifest.path("fault").path("target").asText().replaceAll("-[0-9]+$", "");
    JsonNode candidates =
        YAML.readTree(
            folder.resolve(manifest.path("candidates").asText("candidates.yaml")).toFile());
    Map<String, Double> slos = new HashMap<>();
    for (JsonNode slo : candidates.path("slos")) {
      String endpoint = slo.path("endpoint").asText();
      slos.put(
          endpoint.substring(endpoint.indexOf('/') + 1), slo.path("latency").asDouble() * 1000);
    }
    Map<String, JsonNode> remediation = new HashMap<>();
    for (JsonNode c : candidates.path("candidates")) {
      remediation.put(c.path("name").asText(), c.path("remediations").path(0));
    }
    double nothing = Double.NaN;
    List<JsonNode> arms = new ArrayList<>();
    for (JsonNode arm : manifest.path("arms")) {
      if (arm.path("candidate").isNull()) {
        nothing = badness(folder.resolve(arm.path("loadgen").asText()), slos);
      } else {
        arms.add(arm);
      }
    }
    if (Double.isNaN(nothing)) {
      throw new CommandFailure(manifestFile + ": no do-nothing arm (candidate: null)");
    }
    List<Outcome> out = new ArrayList<>();
    for (JsonNode arm : arms) {
      JsonNode r = remediation.get(arm.path("candidate").asText());
      if (r == null) {
        throw new CommandFailure(
            manifestFile + ": arm " + arm.path("arm").asText() + " names no candidate of the file");
      }
      ActionKind action =
          ActionKind.valueOf(r.path("kind").asText().toUpperCase(java.util.Locale.ROOT));
      double bad = badness(folder.resolve(arm.path("loadgen").asText()), slos);
      out.add(
          new Outcome(
              fault,
              action,
              Scope.of(action, r.path("target").asText(), faulty),
              bad < 0.9 * nothing));
    }
    return out;
  }

  private static double badness(Path loadgen, Map<String, Double> slos) throws IOException {
    JsonNode endpoints = JSON.readTree(loadgen.toFile()).path("endpoints");
    double bad = 0;
    for (Map.Entry<String, JsonNode> e :
        (Iterable<Map.Entry<String, JsonNode>>) endpoints::fields) {
      JsonNode s = e.getValue();
      double sent = Math.max(1, s.path("sent").asDouble());
      double failed =
          s.path("serverErrors").asDouble()
              + s.path("timeouts").asDouble()
              + s.path("transportErrors").asDouble()
              + s.path("dropped").asDouble();
      bad += failed / sent;
      Double slo = slos.get(e.getKey());
      if (slo != null) {
        bad += Math.min(1, Math.max(0, s.path("p99Ms").asDouble() / slo - 1));
      }
    }
    return bad;
  }
}
