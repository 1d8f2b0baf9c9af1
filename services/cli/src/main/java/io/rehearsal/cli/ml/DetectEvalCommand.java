package io.rehearsal.cli.ml;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.rehearsal.cli.CommandFailure;
import io.rehearsal.ml.incident.DetectionScore;
import io.rehearsal.ml.incident.Incident;
import io.rehearsal.ml.incident.IncidentConfig;
import io.rehearsal.ml.incident.IncidentEngine;
import io.rehearsal.ml.incident.Slo;
import io.rehearsal.otlp.RecordingOptions;
import io.rehearsal.otlp.Recordings;
import io.rehearsal.telemetry.Recording;
import io.rehearsal.telemetry.Span;
import io.rehearsal.telemetry.SpanKind;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code rehearsal ml detect-eval}: replays each labelled reference-shop recording, and the normal
 * ones ({@code baseline}, {@code load2x}), through the incident engine in simulated time (spans in
 * end-time order, the clock at the latest end) and compares the incidents opened with the labels.
 */
@Command(
    name = "detect-eval",
    mixinStandardHelpOptions = true,
    description = "Replay labelled recordings through incident detection; detected, missed, delay.",
    footer = {
      "",
      "--data holds incidents.json (labels) and the recordings it names, plus the normal",
      "recordings given by --normal; each must give no incident. An incident counts for a label",
      "when it opens between the onset and 30 s after the end.",
      "Exit codes: 0 evaluated, 1 a file could not be read (named)."
    })
public final class DetectEvalCommand implements Callable<Integer> {

  private static final long GRACE_MILLIS = 30_000;
  private static final ObjectMapper JSON = new ObjectMapper();

  @Spec CommandSpec spec;

  @Mixin LabelledRecordings recordings;

  @Mixin NormalRecordings normal;

  @Option(
      names = "--slo",
      paramLabel = "SERVICE/ENDPOINT=MS@PCT:AVAIL",
      defaultValue =
          "frontend/GET /browse=200@99:0.99,frontend/POST /cart=100@99:0.99,"
              + "frontend/POST /checkout=300@99:0.98",
      split = ",",
      description = "SLOs (default: the reference shop's, ${DEFAULT-VALUE}).")
  List<String> sloSpecs;

  @Option(names = "--json", description = "Print JSON instead of text.")
  boolean json;

  @Override
  public Integer call() throws IOException {
    List<Slo> slos = sloSpecs.stream().map(DetectEvalCommand::parseSlo).toList();
    Map<String, List<DetectionScore.Label>> runs = recordings.runs(normal);
    DetectionScore total = new DetectionScore(0, 0, 0, List.of());
    Map<String, Object> perRecording = new LinkedHashMap<>();
    for (Map.Entry<String, List<DetectionScore.Label>> run : runs.entrySet()) {
      List<Incident> incidents = replay(read(run.getKey()), slos);
      List<Long> opened = incidents.stream().map(i -> i.openedSecond() * 1000).toList();
      DetectionScore score = DetectionScore.of(run.getValue(), opened, GRACE_MILLIS);
      total = total.plus(score);
      perRecording.put(run.getKey(), describe(score, incidents));
    }
    print(total, perRecording);
    return 0;
  }

  /** Replays spans in end-time order; the clock follows the latest end. */
  static List<Incident> replay(Recording recording, List<Slo> slos) {
    IncidentEngine engine = new IncidentEngine(IncidentConfig.defaults(), slos);
    List<Span> spans = new ArrayList<>(recording.spans());
    spans.sort(Comparator.comparingLong(Span::endNanos));
    long last = 0;
    for (Span span : spans) {
      long endMillis = span.endNanos() / 1_000_000;
      if (span.kind() == SpanKind.CLIENT
          && !span.peer().isEmpty()
          && !span.peer().startsWith(Span.DATABASE_PEER)) {
        engine.recordCall(span.service(), span.peer());
      } else if (span.kind().servesRequest()) {
        boolean failed = span.error() || span.httpStatus() >= 500;
        engine.recordRequest(
            span.service(),
            span.endpoint(),
            endMillis,
            span.durationNanos() / 1e6,
            failed,
            span.spanId());
      }
      engine.advanceTo(endMillis);
      last = endMillis;
    }
    // No advance past the last span: the seconds after a recording ends are not silence.
    return engine.incidents();
  }

  private Recording read(String name) throws IOException {
    Path file = recordings.file(name);
    try {
      return Recordings.read(file, RecordingOptions.defaults());
    } catch (RuntimeException e) {
      throw new CommandFailure(file + ": " + e.getMessage(), e);
    }
  }

  static Slo parseSlo(String text) {
    try {
      return Slo.parse(text);
    } catch (IllegalArgumentException e) {
      throw new CommandFailure("--slo: " + e.getMessage(), e);
    }
  }

  private static Map<String, Object> describe(DetectionScore score, List<Incident> incidents) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("detected", score.detected());
    out.put("missed", score.missed());
    out.put("false_incidents", score.falseIncidents());
    out.put("delays_s", score.delaysSeconds());
    out.put("incidents", incidents.stream().map(DetectEvalCommand::describe).toList());
    return out;
  }

  private static Map<String, Object> describe(Incident incident) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("opened", incident.openedSecond());
    out.put("onset", incident.onsetSecond());
    out.put(
        "symptoms",
        incident.symptoms().stream()
            .map(
                s ->
                    String.format(
                        Locale.ROOT,
                        "%s %s %s %.3f (baseline %.3f) at %d",
                        s.service(),
                        s.endpoint(),
                        s.signal(),
                        s.value(),
                        s.baseline(),
                        s.epochSecond()))
            .toList());
    return out;
  }

  private void print(DetectionScore total, Map<String, Object> perRecording) throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    double median = total.medianDelaySeconds();
    if (json) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("detected", total.detected());
      body.put("missed", total.missed());
      body.put("false_incidents", total.falseIncidents());
      body.put("median_delay_s", Double.isNaN(median) ? null : median);
      body.put("recordings", perRecording);
      out.println(NabJson.JSON.writeValueAsString(body));
    } else {
      perRecording.forEach((name, d) -> out.println(name + " " + d));
      out.printf(
          Locale.ROOT,
          "detected %d, missed %d, false incidents %d, median delay %.1f s%n",
          total.detected(),
          total.missed(),
          total.falseIncidents(),
          median);
    }
    out.flush();
  }
}
