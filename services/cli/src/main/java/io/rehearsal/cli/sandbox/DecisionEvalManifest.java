package io.rehearsal.cli.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rehearsal.cli.CommandFailure;
import io.rehearsal.rehearse.incident.IncidentLabel;
import io.rehearsal.rehearse.reality.ClientRequest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * One incident's recorded decision arms, as {@code examples/reference-shop/record-decisions.sh}
 * writes them: {@code DIR/manifest.json} naming the fault, the sample ratio, the metric interval,
 * the candidate file and, per arm, its candidate (null: do nothing), recording, load-generator log
 * and label (onset, decision and window epoch milliseconds).
 *
 * @param dir the incident's directory
 * @param incident the incident's id
 * @param label the fault that ran
 * @param sampleRatio share of traces the recordings kept
 * @param metricIntervalSeconds how often each process reported its metrics
 * @param candidates the candidate file the arms come from
 * @param arms the recorded arms, in recording order
 */
record DecisionEvalManifest(
    Path dir,
    String incident,
    IncidentLabel label,
    double sampleRatio,
    double metricIntervalSeconds,
    Path candidates,
    List<Arm> arms) {
  static final String FILE = "manifest.json";
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * One arm.
   *
   * @param arm the arm's id (file names)
   * @param candidate the candidate's name, or null for do nothing
   * @param recording its telemetry
   * @param loadgen its load generator's log, or null
   * @param requests the client's log of its requests ({@code load/RequestLog}), or null
   * @param onsetEpochMs when the fault was injected
   * @param decisionEpochMs when the candidate's steps started
   * @param windowStartEpochMs start of the measured window (the load generator's offsets count from
   *     it)
   * @param windowEndEpochMs end of the window
   */
  record Arm(
      String arm,
      String candidate,
      Path recording,
      Path loadgen,
      Path requests,
      long onsetEpochMs,
      long decisionEpochMs,
      long windowStartEpochMs,
      long windowEndEpochMs) {}

  /** Every incident under {@code data} (a directory of incident directories), sorted by id. */
  static List<DecisionEvalManifest> readAll(Path data) {
    if (!Files.isDirectory(data)) {
      throw new CommandFailure("no decision arms at " + data + " (see record-decisions.sh)");
    }
    try (Stream<Path> dirs = Files.list(data)) {
      List<DecisionEvalManifest> out = new ArrayList<>();
      for (Path dir : dirs.filter(d -> Files.isRegularFile(d.resolve(FILE))).sorted().toList()) {
        out.add(read(dir));
      }
      if (out.isEmpty()) {
        throw new CommandFailure("no " + FILE + " under " + data + " (see record-decisions.sh)");
      }
      return out;
    } catch (IOException e) {
      throw new CommandFailure("cannot list " + data + ": " + e.getMessage(), e);
    }
  }

  static DecisionEvalManifest read(Path dir) {
    Path file = dir.resolve(FILE);
    try {
      JsonNode m = JSON.readTree(file.toFile());
      JsonNode f = m.path("fault");
      List<Arm> arms = new ArrayList<>();
      m.path("arms").forEach(a -> arms.add(arm(dir, a)));
      String target = f.path("target").asText();
      String service = arms.isEmpty() ? target : serviceOf(m, target);
      return new DecisionEvalManifest(
          dir,
          required(m, "incident").asText(),
          new IncidentLabel(
              f.path("kind").asText(), target, service, f.path("magnitude").asDouble()),
          m.path("sampleRatio").asDouble(1),
          m.path("metricIntervalMs").asDouble(2000) / 1000,
          dir.resolve(m.path("candidates").asText("candidates.yaml")),
          arms);
    } catch (IOException | IllegalArgumentException e) {
      throw new CommandFailure("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** The arm of "do nothing". */
  Arm doNothing() {
    return arms.stream()
        .filter(a -> a.candidate() == null)
        .findFirst()
        .orElseThrow(
            () -> new CommandFailure(dir.resolve(FILE) + ": no do-nothing arm was recorded"));
  }

  /** The load generator's unanswered requests: endpoint ({@code GET /browse}) to epoch nanos. */
  static Map<String, List<Long>> unanswered(Arm arm) {
    Map<String, List<Long>> out = new HashMap<>();
    if (arm.loadgen() == null || !Files.isRegularFile(arm.loadgen())) {
      return out;
    }
    try {
      JsonNode log = JSON.readTree(arm.loadgen().toFile());
      long start = log.path("startEpochMs").asLong(arm.windowStartEpochMs());
      log.path("endpoints")
          .fields()
          .forEachRemaining(
              e -> {
                List<Long> times = new ArrayList<>();
                e.getValue()
                    .path("unansweredOffsetsMs")
                    .forEach(o -> times.add((start + o.asLong()) * 1_000_000L));
                out.put(e.getKey(), times);
              });
      return out;
    } catch (IOException e) {
      throw new CommandFailure("cannot read " + arm.loadgen() + ": " + e.getMessage(), e);
    }
  }

  /**
   * The client's log of the arm's requests, each under {@code entry/endpoint}.
   *
   * @throws CommandFailure if the arm has no readable log
   */
  static List<ClientRequest> requests(Arm arm, String entry) {
    if (arm.requests() == null || !Files.isRegularFile(arm.requests())) {
      throw new CommandFailure(
          "no client request log for arm " + arm.arm() + " (" + arm.requests() + ")");
    }
    List<ClientRequest> out = new ArrayList<>();
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(arm.requests())),
                StandardCharsets.UTF_8))) {
      String line = in.readLine();
      while ((line = in.readLine()) != null) {
        String[] f = line.split(",");
        out.add(
            new ClientRequest(
                entry + "/" + f[1],
                (arm.windowStartEpochMs() + Long.parseLong(f[0])) * 1_000_000L,
                Integer.parseInt(f[2]),
                Long.parseLong(f[3]) * 1000));
      }
      return out;
    } catch (IOException | RuntimeException e) {
      throw new CommandFailure("cannot read " + arm.requests() + ": " + e.getMessage(), e);
    }
  }

  private static Arm arm(Path dir, JsonNode a) {
    JsonNode label = a.path("label");
    JsonNode candidate = a.path("candidate");
    return new Arm(
        required(a, "arm").asText(),
        candidate.isNull() || candidate.isMissingNode() ? null : candidate.asText(),
        dir.resolve(required(a, "recording").asText()),
        a.hasNonNull("loadgen") ? dir.resolve(a.path("loadgen").asText()) : null,
        a.hasNonNull("requests") ? dir.resolve(a.path("requests").asText()) : null,
        required(label, "onsetEpochMs").asLong(),
        required(label, "decisionEpochMs").asLong(),
        required(label, "windowStartEpochMs").asLong(),
        required(label, "windowEndEpochMs").asLong());
  }

  private static String serviceOf(JsonNode m, String target) {
    JsonNode first = m.path("arms").path(0).path("label").path("service");
    return first.isMissingNode() ? target : first.asText(target);
  }

  private static JsonNode required(JsonNode node, String field) {
    JsonNode value = node.path(field);
    if (value.isMissingNode() || value.isNull()) {
      throw new IllegalArgumentException("missing field " + field + " in " + node);
    }
    return value;
  }
}
