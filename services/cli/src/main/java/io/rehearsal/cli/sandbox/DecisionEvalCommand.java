package io.rehearsal.cli.sandbox;

import io.rehearsal.calibration.Calibration;
import io.rehearsal.calibration.CalibrationOptions;
import io.rehearsal.calibration.Overlay;
import io.rehearsal.cli.CommandFailure;
import io.rehearsal.cli.twin.RecordingInput;
import io.rehearsal.otlp.Dataset;
import io.rehearsal.otlp.RecordingOptions;
import io.rehearsal.otlp.Recordings;
import io.rehearsal.rehearse.evaluation.CandidateSet;
import io.rehearsal.rehearse.evaluation.EvaluationPlan;
import io.rehearsal.rehearse.evaluation.EvaluationResult;
import io.rehearsal.rehearse.evaluation.ReplicationPolicy;
import io.rehearsal.rehearse.incident.Incident;
import io.rehearsal.rehearse.incident.Incidents;
import io.rehearsal.rehearse.reality.ClientRequest;
import io.rehearsal.rehearse.reality.RankingAgreement;
import io.rehearsal.rehearse.reality.RealArm;
import io.rehearsal.rehearse.reality.RealUtility;
import io.rehearsal.report.RehearsalReport;
import io.rehearsal.telemetry.Recording;
import io.rehearsal.twin.spec.TwinSpec;
import io.rehearsal.twin.spec.TwinSpecs;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code rehearsal sandbox decision-eval}: checks the twin's ranking of remediations against what
 * really happened. For each incident recorded by {@code
 * examples/reference-shop/record-decisions.sh} (a fault, "do nothing" and candidates applied for
 * real, same arrivals), it extracts the incident from the do-nothing arm, ranks the recorded
 * candidates on the twin exactly as {@code sandbox evaluate} does ({@link RehearsalRunner}) with
 * the measured horizon, scores each arm's recording with the same utility ({@link RealUtility}) and
 * compares the rankings ({@link RankingAgreement}).
 */
@Command(
    name = "decision-eval",
    mixinStandardHelpOptions = true,
    description = "Check the twin's remediation ranking against recorded real outcomes.",
    footer = {
      "",
      "DIR holds one directory per incident with manifest.json, candidates.yaml and the arms'",
      "recordings (examples/reference-shop/record-decisions.sh). Reality's ties: arms whose",
      "block-paired interval of the utility difference from the real best contains 0.",
      "Targets: top1_agreement >= 0.8, kendall_tau >= 0.6. Exit codes: 1 unreadable input,",
      "2 usage error."
    })
public final class DecisionEvalCommand implements Callable<Integer> {
  /** Bad lines (a replica killed mid-write) are skipped without a word, as fit-eval does. */
  private static final RecordingOptions SKIPPING_BAD_LINES =
      RecordingOptions.defaults().skippingBadLines((file, summary) -> {});

  @Spec CommandSpec spec;

  @Option(
      names = "--data",
      paramLabel = "DIR",
      defaultValue = "ml-models/data/reference-shop/decisions",
      description = "Recorded decision arms (default: ${DEFAULT-VALUE}).")
  Path data;

  @Option(
      names = "--twin",
      paramLabel = "FILE",
      description =
          "Twin spec (default: calibrate from the baseline of the dataset that holds DIR).")
  Path twin;

  @Option(names = "--json", description = "Print one JSON object instead of a table.")
  boolean json;

  @Option(
      names = "--incident",
      paramLabel = "ID",
      description = "Only these incidents (repeatable; default: all).")
  List<String> only = new ArrayList<>();

  @Option(
      names = "--seed",
      paramLabel = "N",
      defaultValue = "1",
      description = "Seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--threads", paramLabel = "N", description = "Threads (default: the cores).")
  Integer threads;

  @Mixin ReplicationOptions replication = new ReplicationOptions(10, 60);

  /** Where the real outcomes come from. */
  enum View {
    /** The SERVER spans, rejections and unanswered requests of the recording. */
    spans,
    /** The load generator's log of every request. */
    client
  }

  @Option(
      names = "--view",
      paramLabel = "V",
      defaultValue = "spans",
      description =
          "Real outcomes from the recorded spans or from the client's request log: ${COMPLETION-CANDIDATES}"
              + " (default: ${DEFAULT-VALUE}).")
  View view;

  @Option(
      names = "--blocks",
      paramLabel = "N",
      defaultValue = "6",
      description =
          "Time blocks of a real arm for the paired intervals (default: ${DEFAULT-VALUE}).")
  int blocks;

  @Option(
      names = "--confidence",
      paramLabel = "P",
      defaultValue = "0.95",
      description = "Confidence of the real ties' intervals (default: ${DEFAULT-VALUE}).")
  double confidence;

  @Option(
      names = "--skip",
      paramLabel = "SECONDS",
      defaultValue = "75",
      description =
          "Warm-up left out of the baseline when calibrating (default: ${DEFAULT-VALUE}).")
  double skip;

  @Override
  public Integer call() {
    checkOptions();
    TwinSpec model = twin == null ? calibrated() : readTwin(twin);
    List<DecisionEvalReport.Incident> rows = new ArrayList<>();
    Map<String, String> skipped = new LinkedHashMap<>();
    for (DecisionEvalManifest m : DecisionEvalManifest.readAll(data)) {
      if (!only.isEmpty() && !only.contains(m.incident())) {
        continue;
      }
      try {
        rows.add(evaluate(model, m));
      } catch (CommandFailure e) {
        // one incident the twin cannot rehearse (no reproducible symptom, a missing arm) is
        // reported and left out; the others are still compared
        skipped.put(m.incident(), e.getMessage());
        err().println(m.incident() + ": skipped: " + e.getMessage());
      }
    }
    if (rows.isEmpty()) {
      throw new CommandFailure(
          "no incident could be compared under "
              + data
              + (only.isEmpty() ? "" : " of " + only)
              + (skipped.isEmpty() ? "" : ": " + skipped));
    }
    DecisionEvalReport report = new DecisionEvalReport(view.name(), rows, skipped);
    PrintWriter out = spec.commandLine().getOut();
    out.print(json ? report.json() : report.table());
    out.flush();
    return 0;
  }

  private DecisionEvalReport.Incident evaluate(TwinSpec model, DecisionEvalManifest m) {
    CandidateSet recorded = recordedCandidates(model, m);
    DecisionEvalManifest.Arm base = m.doNothing();
    Recording baseRecording = recording(base);
    double bucket = 2;
    // the fault is injected a few ms after its planned onset: round to whole buckets
    double observed = Math.round((base.decisionEpochMs() - base.onsetEpochMs()) / 1000.0 / bucket);
    Incident incident;
    try {
      incident =
          Incidents.extract(
              m.incident(),
              m.incident(),
              baseRecording,
              base.onsetEpochMs() * 1_000_000L,
              observed * bucket,
              bucket,
              20,
              m.label());
    } catch (IllegalArgumentException e) {
      throw new CommandFailure(base.recording() + ": " + e.getMessage(), e);
    }
    double horizon = (base.windowEndEpochMs() - base.decisionEpochMs()) / 1000.0;
    RehearsalReport twinReport =
        RehearsalRunner.run(
            model, incident, recorded, settings(horizon), ProgressBar.start(err(), false));
    Map<String, RealArm> real = new LinkedHashMap<>();
    for (DecisionEvalManifest.Arm arm : m.arms()) {
      Recording r = arm == base ? baseRecording : recording(arm);
      real.put(name(arm), realArm(model, m, recorded, arm, r));
    }
    List<String> twinRanking = twinRanking(twinReport.result());
    RankingAgreement agreement =
        RankingAgreement.compare(m.incident(), twinRanking, real, confidence);
    return DecisionEvalReport.Incident.of(m, twinReport.result(), real, agreement, confidence);
  }

  /** The candidate file reduced to the candidates that were recorded. */
  private CandidateSet recordedCandidates(TwinSpec model, DecisionEvalManifest m) {
    CandidateSet all =
        new SandboxFiles(spec.commandLine()).candidates("--data", m.candidates(), model);
    List<CandidateSet.Entry> entries = new ArrayList<>();
    for (DecisionEvalManifest.Arm arm : m.arms()) {
      if (arm.candidate() != null) {
        entries.add(all.entry(arm.candidate()));
      }
    }
    return new CandidateSet(all.incident(), all.slos(), entries, all.objectives());
  }

  private RealArm realArm(
      TwinSpec model,
      DecisionEvalManifest m,
      CandidateSet set,
      DecisionEvalManifest.Arm arm,
      Recording r) {
    RealUtility.Window window =
        new RealUtility.Window(
            arm.decisionEpochMs() * 1_000_000L,
            arm.windowEndEpochMs() * 1_000_000L,
            m.sampleRatio(),
            m.metricIntervalSeconds(),
            blocks);
    TwinSpec judged = set.judgedBy(model);
    if (view == View.client) {
      List<ClientRequest> requests = DecisionEvalManifest.requests(arm, entryService(judged));
      return RealUtility.ofClientView(requests, r, judged.slos(), set.scoring(), window);
    }
    Map<String, List<Long>> unseen = new LinkedHashMap<>();
    DecisionEvalManifest.unanswered(arm)
        .forEach((endpoint, times) -> unseen.put(entryService(judged) + "/" + endpoint, times));
    return RealUtility.of(r, judged.slos(), set.scoring(), window, unseen);
  }

  /** The entry service: the one the twin's traffic enters by. */
  private static String entryService(TwinSpec spec) {
    String endpoint = spec.traffic().get(0).endpoint();
    return endpoint.substring(0, endpoint.indexOf('/'));
  }

  /** The twin's order of the arms, best first: its candidate ranking with do nothing in place. */
  static List<String> twinRanking(EvaluationResult result) {
    List<String> order = new ArrayList<>(result.ranking());
    order.add(Math.min(order.size(), result.doNothingRank() - 1), EvaluationPlan.DO_NOTHING);
    return order;
  }

  static String name(DecisionEvalManifest.Arm arm) {
    return arm.candidate() == null ? EvaluationPlan.DO_NOTHING : arm.candidate();
  }

  private Recording recording(DecisionEvalManifest.Arm arm) {
    if (!Files.isRegularFile(arm.recording())) {
      throw new CommandFailure("no recording " + arm.recording());
    }
    return RecordingInput.read(() -> Recordings.read(arm.recording(), SKIPPING_BAD_LINES));
  }

  private RehearsalSettings settings(double horizon) {
    ReplicationPolicy policy;
    try {
      policy = replication.policy();
    } catch (IllegalArgumentException e) {
      throw usage(e.getMessage());
    }
    int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
    return new RehearsalSettings(seed, n, 60, horizon, Math.min(10, horizon), policy);
  }

  private void checkOptions() {
    if (blocks < 2) {
      throw usage("--blocks must be >= 2, but was " + blocks);
    }
    if (!(confidence > 0 && confidence < 1)) {
      throw usage("--confidence must be in (0, 1), but was " + confidence);
    }
    if (threads != null && threads < 1) {
      throw usage("--threads must be >= 1, but was " + threads);
    }
  }

  private TwinSpec calibrated() {
    Path parent = data.toAbsolutePath().normalize().getParent();
    Dataset dataset = Dataset.at(parent);
    RecordingOptions options = RecordingInput.skip(SKIPPING_BAD_LINES, skip, spec);
    Recording baseline = RecordingInput.read(() -> dataset.baseline(options));
    Overlay overlay = dataset.overlay().map(Overlay::read).orElse(Overlay.EMPTY);
    try {
      return Calibration.calibrate(baseline, overlay, CalibrationOptions.named("baseline")).spec();
    } catch (IllegalArgumentException e) {
      throw new CommandFailure("cannot calibrate from " + parent + ": " + e.getMessage(), e);
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

  private PrintWriter err() {
    return spec.commandLine().getErr();
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }

  static String format(double value) {
    return String.format(Locale.ROOT, "%.4f", value);
  }
}
