package io.rehearsal.cli.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rehearsal.calibration.Calibration;
import io.rehearsal.calibration.CalibrationOptions;
import io.rehearsal.calibration.Overlay;
import io.rehearsal.cli.CommandFailure;
import io.rehearsal.cli.twin.RecordingInput;
import io.rehearsal.otlp.Dataset;
import io.rehearsal.otlp.RecordingOptions;
import io.rehearsal.rehearse.fitting.FaultFitter;
import io.rehearsal.rehearse.fitting.FaultHypothesis;
import io.rehearsal.rehearse.fitting.FitConfig;
import io.rehearsal.rehearse.incident.FitEvaluation;
import io.rehearsal.rehearse.incident.FitOutcome;
import io.rehearsal.rehearse.incident.FitReport;
import io.rehearsal.rehearse.incident.Incident;
import io.rehearsal.rehearse.incident.IncidentFiles;
import io.rehearsal.rehearse.incident.RecordedIncident;
import io.rehearsal.telemetry.Recording;
import io.rehearsal.twin.spec.TwinSpec;
import io.rehearsal.twin.spec.TwinSpecs;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code rehearsal sandbox fit-eval}: scores abductive fault fitting on a recorded dataset's
 * labelled incidents. Calibrates the twin from the dataset's baseline (or reads {@code --twin}),
 * extracts each incident's symptoms from its recording, fits, and reports per incident the label,
 * the top hypothesis, its goodness of fit and the rank of the first hypothesis naming the label,
 * and overall {@code top1_accuracy}.
 */
@Command(
    name = "fit-eval",
    mixinStandardHelpOptions = true,
    description = "Score fault fitting on labelled incident recordings (top-1 accuracy).",
    footer = {
      "",
      "The dataset directory holds baseline.otlp.jsonl.gz, overlay.yaml, incidents.json and the",
      "recordings it names (see examples/reference-shop/record-all.sh, record-incidents.sh).",
      "A hypothesis names a label when its kind is the label's (LabelKind table) and its target",
      "the label's service. Exit codes: 1 unreadable input, 2 usage error."
    })
public final class FitEvalCommand implements Callable<Integer> {
  /** Bad lines in a dataset's recordings are skipped without a word, as they always were. */
  private static final RecordingOptions SKIPPING_BAD_LINES =
      RecordingOptions.defaults().skippingBadLines((file, summary) -> {});

  @Spec CommandSpec spec;

  @Option(
      names = "--data",
      paramLabel = "DIR",
      defaultValue = "ml-models/data/reference-shop",
      description = "Recorded dataset (default: ${DEFAULT-VALUE}).")
  Path data;

  @Option(
      names = "--twin",
      paramLabel = "FILE",
      description = "Twin spec to fit in (default: calibrate from the dataset's baseline).")
  Path twin;

  @Option(
      names = "--skip",
      paramLabel = "SECONDS",
      defaultValue = "75",
      description =
          "Warm-up left out of the baseline when calibrating (default: ${DEFAULT-VALUE}).")
  double skip;

  @Option(
      names = "--window",
      paramLabel = "SECONDS",
      defaultValue = "24",
      description = "Symptoms observed after the onset (default: ${DEFAULT-VALUE}).")
  double window;

  @Option(
      names = "--bucket",
      paramLabel = "SECONDS",
      defaultValue = "2",
      description = "Width of a symptom bucket (default: ${DEFAULT-VALUE}).")
  double bucket;

  @Mixin FitSimulationOptions simulations;

  @Option(
      names = "--refine",
      paramLabel = "N",
      defaultValue = "3",
      description =
          "Best screened hypotheses refined by a magnitude search (default: ${DEFAULT-VALUE}).")
  int refine;

  @Option(
      names = "--evaluations",
      paramLabel = "N",
      defaultValue = "5",
      description = "Simulations per magnitude search (default: ${DEFAULT-VALUE}).")
  int evaluations;

  @Option(
      names = "--replications",
      paramLabel = "N",
      defaultValue = "3",
      description = "Replications averaged per simulated magnitude (default: ${DEFAULT-VALUE}).")
  int replications;

  @Option(
      names = "--write-incidents",
      paramLabel = "DIR",
      description = "Also write each extracted incident as DIR/<id>.yaml.")
  Path writeIncidents;

  @Option(names = "--json", description = "Print JSON instead of a table.")
  boolean json;

  @Override
  public Integer call() {
    long started = System.nanoTime();
    FitConfig config = config();
    TwinSpec model = twin == null ? calibrated() : readTwin(twin);
    List<Incident> incidents = incidents();
    FaultFitter fitter = new FaultFitter(model, config);
    List<FitOutcome> outcomes = new ArrayList<>();
    List<Double> seconds = new ArrayList<>();
    for (Incident incident : incidents) {
      long t0 = System.nanoTime();
      outcomes.add(FitEvaluation.evaluate(fitter, model, incident));
      seconds.add((System.nanoTime() - t0) / 1e9);
      progress(outcomes.get(outcomes.size() - 1), seconds.get(seconds.size() - 1));
    }
    FitReport report = new FitReport(outcomes);
    double total = (System.nanoTime() - started) / 1e9;
    PrintWriter out = spec.commandLine().getOut();
    out.print(json ? json(report, seconds, total) : table(report, seconds, total));
    out.flush();
    return 0;
  }

  private FitConfig config() {
    try {
      return new FitConfig(
          30, simulations.seed(), refine, evaluations, simulations.threads(), replications);
    } catch (IllegalArgumentException e) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  private TwinSpec calibrated() {
    Dataset dataset = Dataset.at(data);
    RecordingOptions options = RecordingInput.skip(SKIPPING_BAD_LINES, skip, spec);
    Recording baseline = RecordingInput.read(() -> dataset.baseline(options));
    Overlay overlay = dataset.overlay().map(Overlay::read).orElse(Overlay.EMPTY);
    try {
      return Calibration.calibrate(baseline, overlay, CalibrationOptions.named("baseline")).spec();
    } catch (IllegalArgumentException e) {
      throw new CommandFailure("cannot calibrate from " + data + ": " + e.getMessage(), e);
    }
  }

  private List<Incident> incidents() {
    List<Incident> out = new ArrayList<>();
    for (RecordedIncident r : RecordedIncident.read(index())) {
      Incident incident = extract(r);
      out.add(incident);
      if (writeIncidents != null) {
        write(incident);
      }
    }
    return out;
  }

  private Path index() {
    try {
      return Dataset.at(data).incidents();
    } catch (IOException e) {
      throw new CommandFailure(e.getMessage(), e);
    }
  }

  private Incident extract(RecordedIncident r) {
    Recording recording =
        RecordingInput.read(() -> Dataset.at(data).recording(r.recording(), SKIPPING_BAD_LINES));
    String title =
        String.format(
            Locale.ROOT,
            "%s on %s (%s), %.0f s",
            r.kind(),
            r.target(),
            r.magnitude(),
            r.faultSeconds());
    try {
      return r.extract(recording, title, window, bucket, 20);
    } catch (IllegalArgumentException e) {
      throw new CommandFailure(r.recording() + ": " + e.getMessage(), e);
    }
  }

  private void write(Incident incident) {
    try {
      Files.createDirectories(writeIncidents);
      IncidentFiles.write(writeIncidents.resolve(incident.id() + ".yaml"), incident);
    } catch (IOException | UncheckedIOException e) {
      throw new CommandFailure("cannot write incidents to " + writeIncidents + ": " + e, e);
    }
  }

  private void progress(FitOutcome o, double seconds) {
    PrintWriter err = spec.commandLine().getErr();
    err.printf(Locale.ROOT, "%-32s %-8s %5.1fs%n", o.id(), o.correct() ? "ok" : "MISS", seconds);
    err.flush();
  }

  private static String table(FitReport report, List<Double> seconds, double total) {
    StringBuilder b = new StringBuilder();
    b.append(
        String.format(
            Locale.ROOT,
            "%-30s %-16s %-16s %-20s %-22s %8s %5s %4s%n",
            "incident",
            "label",
            "target",
            "top kind",
            "top target",
            "goodness",
            "rank",
            "ok"));
    for (int i = 0; i < report.outcomes().size(); i++) {
      FitOutcome o = report.outcomes().get(i);
      FaultHypothesis top = o.top();
      b.append(
          String.format(
              Locale.ROOT,
              "%-30s %-16s %-16s %-20s %-22s %8.3f %5d %4s%n",
              o.id(),
              o.label().kind(),
              o.label().target(),
              top == null ? "-" : top.kind(),
              top == null ? "-" : top.target(),
              top == null ? 0 : top.goodnessOfFit(),
              o.trueRank(),
              o.correct() ? "yes" : "no"));
    }
    b.append(
        String.format(
            Locale.ROOT,
            "top1_accuracy %.2f (%d of %d) in %.1f s%n",
            report.top1Accuracy(),
            report.correct(),
            report.outcomes().size(),
            total));
    return b.toString();
  }

  private static String json(FitReport report, List<Double> seconds, double total) {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.createObjectNode();
    ArrayNode rows = root.putArray("incidents");
    for (int i = 0; i < report.outcomes().size(); i++) {
      FitOutcome o = report.outcomes().get(i);
      ObjectNode row = rows.addObject();
      row.put("id", o.id());
      ObjectNode label = row.putObject("label");
      label.put("kind", o.label().kind());
      label.put("target", o.label().target());
      label.put("service", o.label().service());
      label.put("magnitude", o.label().magnitude());
      ArrayNode kinds = label.putArray("fault_kinds");
      o.label().faultKinds().forEach(k -> kinds.add(k.name()));
      if (o.top() != null) {
        ObjectNode top = row.putObject("top");
        top.put("kind", o.top().kind().name());
        top.put("target", o.top().target());
        top.put("magnitude", o.top().magnitude());
        top.put("loss", o.top().loss());
        top.put("goodness_of_fit", o.top().goodnessOfFit());
      }
      row.put("true_rank", o.trueRank());
      row.put("hypotheses", o.hypotheses());
      row.put("correct", o.correct());
      row.put("seconds", seconds.get(i));
    }
    root.put("incidents_total", report.outcomes().size());
    root.put("correct", report.correct());
    root.put("top1_accuracy", report.top1Accuracy());
    root.put("seconds", total);
    try {
      return mapper.writeValueAsString(root) + System.lineSeparator();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static TwinSpec readTwin(Path file) {
    if (!Files.isReadable(file)) {
      throw new CommandFailure("twin " + file + " does not exist or cannot be read");
    }
    try {
      return TwinSpecs.read(file);
    } catch (RuntimeException e) {
      throw new CommandFailure("twin " + file + ": " + e.getMessage(), e);
    }
  }
}
