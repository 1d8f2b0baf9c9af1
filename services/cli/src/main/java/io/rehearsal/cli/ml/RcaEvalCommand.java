package io.rehearsal.cli.ml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rehearsal.cli.CommandFailure;
import io.rehearsal.ml.incident.Incident;
import io.rehearsal.ml.incident.IncidentState;
import io.rehearsal.ml.incident.Slo;
import io.rehearsal.ml.rca.FaultKind;
import io.rehearsal.ml.rca.RcaConfig;
import io.rehearsal.ml.rca.RootCauseRanker;
import io.rehearsal.ml.rca.Suspect;
import io.rehearsal.otlp.RecordingOptions;
import io.rehearsal.otlp.Recordings;
import io.rehearsal.telemetry.Recording;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code rehearsal ml rca-eval}: for each labelled reference-shop recording, detects the incident
 * as {@code detect-eval} does, ranks its root-cause suspects from the telemetry alone and checks
 * the first and the first three against the label (service and fault kind).
 */
@Command(
    name = "rca-eval",
    mixinStandardHelpOptions = true,
    description = "Rank root-cause suspects of labelled recordings; top-1 and top-3 accuracy.",
    footer = {
      "",
      "--data holds incidents.json (labels: kind and service) and the recordings it names. A",
      "suspect is right when it names the labelled service and the fault kind the label's kind",
      "maps to (error: ERRORS, latency: LATENCY, slow-dependency: DEPENDENCY_LATENCY,",
      "kill-replica: LOST_REPLICA, fewer-workers: SATURATION, surge: LOAD_SURGE). A recording",
      "whose incident is not detected counts as wrong. The sandbox's fault fit is not applied.",
      "Exit codes: 0 evaluated, 1 a file could not be read (named)."
    })
public final class RcaEvalCommand implements Callable<Integer> {

  private static final long GRACE_MILLIS = 30_000;
  private static final ObjectMapper JSON = new ObjectMapper();

  @Spec CommandSpec spec;

  @Option(
      names = "--data",
      paramLabel = "DIR",
      defaultValue = "ml-models/data/reference-shop",
      description = "Recordings and incidents.json (default: ${DEFAULT-VALUE}).")
  Path data;

  @Option(
      names = "--only",
      split = ",",
      paramLabel = "NAME",
      description = "Only these labelled recordings (without .otlp.jsonl.gz); default all.")
  List<String> only;

  @Option(
      names = "--slo",
      paramLabel = "SERVICE/ENDPOINT=MS@PCT:AVAIL",
      defaultValue =
          "frontend/GET /browse=200@99:0.99,frontend/POST /cart=100@99:0.99,"
              + "frontend/POST /checkout=300@99:0.98",
      split = ",",
      description = "SLOs for detection (default: the reference shop's, ${DEFAULT-VALUE}).")
  List<String> sloSpecs;

  @Option(names = "--json", description = "Print JSON instead of text.")
  boolean json;

  /** A labelled fault: the recording, its window and what was injected where. */
  record Label(String recording, String kind, String service, long onsetMs, long endMs) {
    /**
     * The fault kind a correct suspect names, empty for a label kind this command does not know.
     */
    Optional<FaultKind> faultKind() {
      return Optional.ofNullable(
          switch (kind) {
            case "error" -> FaultKind.ERRORS;
            case "latency" -> FaultKind.LATENCY;
            case "slow-dependency" -> FaultKind.DEPENDENCY_LATENCY;
            case "kill-replica" -> FaultKind.LOST_REPLICA;
            case "fewer-workers" -> FaultKind.SATURATION;
            case "surge" -> FaultKind.LOAD_SURGE;
            default -> null;
          });
    }

    boolean matches(Suspect s) {
      return s.target().equals(service) && faultKind().map(k -> k == s.kind()).orElse(false);
    }
  }

  @Override
  public Integer call() throws IOException {
    List<Slo> slos = sloSpecs.stream().map(DetectEvalCommand::parseSlo).toList();
    RootCauseRanker ranker = new RootCauseRanker(RcaConfig.defaults());
    Map<String, Object> per = new LinkedHashMap<>();
    int[] hits = new int[5]; // top1, top3, top1 service, top3 service, undetected
    List<Label> labels = labels();
    for (Label label : labels) {
      per.put(label.recording(), evaluate(label, slos, ranker, hits));
    }
    print(labels.size(), hits, per);
    return 0;
  }

  private Map<String, Object> evaluate(
      Label label, List<Slo> slos, RootCauseRanker ranker, int[] hits) throws IOException {
    Path file = data.resolve(label.recording() + ".otlp.jsonl.gz");
    Recording recording = read(file);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("label", label.service() + ' ' + label.kind());
    Optional<Incident> incident =
        DetectEvalCommand.replay(recording, slos).stream()
            .filter(i -> i.openedSecond() * 1000 >= label.onsetMs() - 1000)
            .filter(i -> i.openedSecond() * 1000 <= label.endMs() + GRACE_MILLIS)
            .findFirst();
    if (incident.isEmpty()) {
      hits[4]++;
      out.put("detected", false);
      // Counted as wrong; what ranking would say from the labelled onset, for the reader only.
      Incident oracle =
          new Incident(
              "label-onset",
              IncidentState.OPEN,
              label.onsetMs() / 1000,
              label.onsetMs() / 1000,
              label.onsetMs() / 1000,
              -1,
              0,
              Set.of(),
              List.of());
      List<Suspect> guess = ranker.rank(RecordingEvidence.input(file, recording, oracle));
      out.put(
          "suspects_from_labelled_onset",
          guess.subList(0, Math.min(3, guess.size())).stream()
              .map(RcaEvalCommand::describe)
              .toList());
      return out;
    }
    List<Suspect> suspects = ranker.rank(RecordingEvidence.input(file, recording, incident.get()));
    List<Suspect> top3 = suspects.subList(0, Math.min(3, suspects.size()));
    boolean top1 = !top3.isEmpty() && label.matches(top3.get(0));
    boolean anyOf3 = top3.stream().anyMatch(label::matches);
    hits[0] += top1 ? 1 : 0;
    hits[1] += anyOf3 ? 1 : 0;
    hits[2] += !top3.isEmpty() && top3.get(0).target().equals(label.service()) ? 1 : 0;
    hits[3] += top3.stream().anyMatch(s -> s.target().equals(label.service())) ? 1 : 0;
    out.put("detected", true);
    out.put("incident", incident.get().id());
    out.put("top1", top1);
    out.put("top3", anyOf3);
    out.put("suspects", top3.stream().map(RcaEvalCommand::describe).toList());
    return out;
  }

  static Map<String, Object> describe(Suspect s) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("target", s.target());
    out.put("endpoint", s.endpoint());
    out.put("dependency", s.dependency());
    out.put("kind", s.kind().name());
    out.put("score", Math.round(s.score() * 1000) / 1000.0);
    out.put("why", s.why());
    return out;
  }

  private static Recording read(Path file) throws IOException {
    try {
      return Recordings.read(file, RecordingOptions.defaults());
    } catch (RuntimeException e) {
      throw new CommandFailure(file + ": " + e.getMessage(), e);
    }
  }

  private List<Label> labels() throws IOException {
    Path file = data.resolve("incidents.json");
    if (!Files.isReadable(file)) {
      throw new CommandFailure(file + " does not exist or cannot be read");
    }
    List<Label> labels = new ArrayList<>();
    int n = 0;
    for (JsonNode node : JSON.readTree(file.toFile())) {
      n++;
      String recording = node.path("recording").asText().replace(".otlp.jsonl.gz", "");
      if (recording.isEmpty() || !node.hasNonNull("kind") || !node.hasNonNull("service")) {
        throw new CommandFailure(file + ": label " + n + " lacks recording, kind or service");
      }
      if (only == null || only.contains(recording)) {
        labels.add(
            new Label(
                recording,
                node.path("kind").asText(),
                node.path("service").asText(),
                node.path("onsetEpochMs").asLong(),
                node.path("endEpochMs").asLong()));
      }
    }
    return labels;
  }

  private void print(int total, int[] hits, Map<String, Object> per) throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    double n = Math.max(total, 1);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("incidents", total);
    body.put("undetected", hits[4]);
    body.put("top1_accuracy", hits[0] / n);
    body.put("top3_accuracy", hits[1] / n);
    body.put("top1_service_accuracy", hits[2] / n);
    body.put("top3_service_accuracy", hits[3] / n);
    body.put("top1_after_fit", null);
    body.put("after_fit", "not done: the sandbox's fault fit is not applied yet");
    body.put("recordings", per);
    if (json) {
      out.println(NabJson.JSON.writeValueAsString(body));
    } else {
      per.forEach((name, d) -> out.println(name + " " + d));
      out.printf(
          Locale.ROOT,
          "%d incidents (%d undetected): top-1 %.2f, top-3 %.2f (service only: %.2f, %.2f)%n",
          total,
          hits[4],
          hits[0] / n,
          hits[1] / n,
          hits[2] / n,
          hits[3] / n);
    }
    out.flush();
  }
}
