package io.rehearsal.cli.ml;

import io.rehearsal.calibration.Calibration;
import io.rehearsal.calibration.CalibrationOptions;
import io.rehearsal.calibration.Overlay;
import io.rehearsal.cli.CommandFailure;
import io.rehearsal.cli.sandbox.FitSimulationOptions;
import io.rehearsal.cli.twin.RecordingInput;
import io.rehearsal.ml.incident.Incident;
import io.rehearsal.ml.incident.IncidentState;
import io.rehearsal.ml.incident.Slo;
import io.rehearsal.ml.rca.FaultKind;
import io.rehearsal.ml.rca.RcaConfig;
import io.rehearsal.ml.rca.RootCauseRanker;
import io.rehearsal.ml.rca.Suspect;
import io.rehearsal.otlp.Dataset;
import io.rehearsal.otlp.RecordingOptions;
import io.rehearsal.otlp.Recordings;
import io.rehearsal.rehearse.fitting.FaultFitter;
import io.rehearsal.rehearse.fitting.FaultHypothesis;
import io.rehearsal.rehearse.fitting.FitConfig;
import io.rehearsal.rehearse.fitting.SuspectRefit;
import io.rehearsal.rehearse.fitting.SymptomPoint;
import io.rehearsal.rehearse.fitting.Symptoms;
import io.rehearsal.rehearse.incident.FitEvaluation;
import io.rehearsal.rehearse.incident.Incidents;
import io.rehearsal.rehearse.incident.LabelKind;
import io.rehearsal.telemetry.Recording;
import io.rehearsal.twin.spec.TwinSpec;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code rehearsal ml rca-eval}: for each labelled reference-shop recording, detects the incident
 * as {@code detect-eval} does, ranks its root-cause suspects from the telemetry alone and checks
 * the first and the first three against the label (service and fault kind); then refits the first
 * suspects in a twin calibrated from the dataset's baseline ({@link SuspectRefit}: each suspect's
 * fault simulated against the incident's symptoms from the detected onset) and checks the order by
 * goodness of fit the same way.
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
      "whose incident is not detected counts as wrong. After the fit: the first --suspects are",
      "re-ranked by how much of the symptoms (from the detected onset, 24 s in 2-s buckets) their",
      "fault explains in a twin calibrated from baseline.otlp.jsonl.gz and overlay.yaml (ties within",
      "0.05 keep the telemetry order); --no-fit skips it.",
      "Exit codes: 0 evaluated, 1 a file could not be read (named)."
    })
public final class RcaEvalCommand implements Callable<Integer> {

  private static final long GRACE_MILLIS = 30_000;

  @Spec CommandSpec spec;

  @Mixin LabelledRecordings recordings;

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

  @Option(names = "--no-fit", description = "Telemetry only: skip the sandbox's fault fit.")
  boolean noFit;

  @Option(
      names = "--suspects",
      paramLabel = "N",
      defaultValue = "3",
      description = "Telemetry suspects refitted in the twin (default: ${DEFAULT-VALUE}).")
  int suspects;

  @Mixin FitSimulationOptions simulations;

  /** Symptoms for the fit: seconds from the detected onset, bucket and baseline, as fit-eval. */
  private static final double FIT_WINDOW = 24;

  private static final double FIT_BUCKET = 2;
  private static final double FIT_BASELINE = 20;
  private static final double CALIBRATION_SKIP = 75;

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
    // top1, top3, top1 service, top3 service, undetected, top1 after fit, top3 after fit,
    // first place decided by the fit (not a tie left in the telemetry's order)
    int[] hits = new int[8];
    List<Label> labels = labels();
    TwinSpec twin = noFit || labels.isEmpty() ? null : calibrated();
    FaultFitter fitter =
        twin == null
            ? null
            : new FaultFitter(
                twin, new FitConfig(30, simulations.seed(), 3, 5, simulations.threads(), 3));
    for (Label label : labels) {
      per.put(label.recording(), evaluate(label, slos, ranker, hits, twin, fitter));
    }
    print(labels.size(), hits, per);
    return 0;
  }

  private Map<String, Object> evaluate(
      Label label,
      List<Slo> slos,
      RootCauseRanker ranker,
      int[] hits,
      TwinSpec twin,
      FaultFitter fitter)
      throws IOException {
    Path file = recordings.file(label.recording());
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
    if (fitter != null) {
      afterFit(label, recording, incident.get(), suspects, twin, fitter, hits, out);
    }
    return out;
  }

  /** Re-ranks the first suspects by the fault fit; adds the rows and counts the hits. */
  private void afterFit(
      Label label,
      Recording recording,
      Incident incident,
      List<Suspect> ranked,
      TwinSpec twin,
      FaultFitter fitter,
      int[] hits,
      Map<String, Object> out) {
    List<Suspect> tried = ranked.subList(0, Math.min(suspects, ranked.size()));
    io.rehearsal.rehearse.incident.Incident observed =
        Incidents.extract(
            incident.id(),
            label.recording(),
            recording,
            incident.onsetSecond() * 1_000_000_000L,
            FIT_WINDOW,
            FIT_BUCKET,
            FIT_BASELINE,
            null);
    Symptoms symptoms = FitEvaluation.symptomsFor(observed, twin);
    Map<String, SymptomPoint> baseline = new HashMap<>(observed.baseline());
    baseline.keySet().retainAll(symptoms.names());
    List<SuspectRefit.Refit> refits =
        SuspectRefit.rerank(
            fitter, symptoms, baseline, tried.stream().map(RcaEvalCommand::candidate).toList());
    List<Suspect> order = refits.stream().map(r -> tried.get(r.telemetryRank())).toList();
    List<Suspect> first3 = order.subList(0, Math.min(3, order.size()));
    boolean top1 = !first3.isEmpty() && label.matches(first3.get(0));
    boolean anyOf3 = first3.stream().anyMatch(label::matches);
    boolean alone = refits.size() == 1;
    boolean decided =
        !alone
            && Math.round(refits.get(0).goodness() / SuspectRefit.TIE)
                > Math.round(refits.get(1).goodness() / SuspectRefit.TIE);
    hits[5] += top1 ? 1 : 0;
    hits[6] += anyOf3 ? 1 : 0;
    hits[7] += decided ? 1 : 0;
    out.put("top1_after_fit", top1);
    out.put("first_decided_by", alone ? "only suspect" : decided ? "fit" : "tie, telemetry order");
    out.put("top3_after_fit", anyOf3);
    out.put(
        "after_fit", refits.stream().map(r -> describe(r, tried.get(r.telemetryRank()))).toList());
  }

  /** A suspect as the twin's fault kinds that express it (through the label kinds). */
  static SuspectRefit.Candidate candidate(Suspect s) {
    return new SuspectRefit.Candidate(s.target(), LabelKind.of(s.kind().labelKind()).faults());
  }

  private static Map<String, Object> describe(SuspectRefit.Refit r, Suspect s) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("target", s.target());
    out.put("kind", s.kind().name());
    out.put("telemetry_rank", r.telemetryRank() + 1);
    out.put("goodness_of_fit", Math.round(r.goodness() * 1000) / 1000.0);
    FaultHypothesis h = r.best();
    out.put(
        "fitted",
        h == null
            ? "the twin cannot express it"
            : String.format(Locale.ROOT, "%s %s x%.3g", h.kind(), h.target(), h.magnitude()));
    return out;
  }

  private TwinSpec calibrated() {
    Dataset dataset = Dataset.at(recordings.data());
    RecordingOptions options =
        RecordingInput.skip(
            RecordingOptions.defaults().skippingBadLines((file, summary) -> {}),
            CALIBRATION_SKIP,
            spec);
    Recording baseline = RecordingInput.read(() -> dataset.baseline(options));
    Overlay overlay = dataset.overlay().map(Overlay::read).orElse(Overlay.EMPTY);
    try {
      return Calibration.calibrate(baseline, overlay, CalibrationOptions.named("baseline")).spec();
    } catch (IllegalArgumentException e) {
      throw new CommandFailure(
          "cannot calibrate from " + recordings.data() + ": " + e.getMessage(), e);
    }
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

  private List<Label> labels() {
    return recordings.incidents().stream()
        .map(
            i ->
                new Label(
                    LabelledRecordings.name(i),
                    i.kind(),
                    i.service(),
                    i.onsetEpochMs(),
                    i.endEpochMs()))
        .toList();
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
    body.put("top1_after_fit", noFit ? null : hits[5] / n);
    body.put("top3_after_fit", noFit ? null : hits[6] / n);
    body.put("first_decided_by_fit", noFit ? null : hits[7]);
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
      if (!noFit) {
        out.printf(
            Locale.ROOT, "after the fit: top-1 %.2f, top-3 %.2f%n", hits[5] / n, hits[6] / n);
      }
    }
    out.flush();
  }
}
