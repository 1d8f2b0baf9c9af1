package io.rehearsal.cli.ml;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.rehearsal.cli.CommandFailure;
import io.rehearsal.ml.detect.DetectorConfig;
import io.rehearsal.ml.detect.Detectors;
import io.rehearsal.ml.nab.NabFiles;
import io.rehearsal.ml.nab.NabFormatException;
import io.rehearsal.ml.nab.NabLabels;
import io.rehearsal.ml.nab.NabRunner;
import io.rehearsal.ml.nab.NabScorer;
import io.rehearsal.ml.nab.NabSeries;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code rehearsal ml nab}: runs a detector over every series of a NAB-format data folder, one
 * fresh detector per series fed row by row, and writes NAB result files; with {@code --labels} it
 * also fills the label column and scores the results.
 */
@Command(
    name = "nab",
    mixinStandardHelpOptions = true,
    description = "Run a detector on a NAB data folder and write NAB result files.",
    footer = {
      "",
      "Writes <out>/<detector>/<category>/<detector>_<file>.csv for every .csv under --data.",
      "Speed is measured on one thread: points per second per core, of the measured pass (after"
          + " --warmup-passes, whose results are thrown away: a cold JVM measures its compiler).",
    })
public final class MlNabCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--data", required = true, paramLabel = "DIR", description = "NAB data folder.")
  Path data;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Results folder.")
  Path out;

  @Option(
      names = "--detector",
      defaultValue = Detectors.COMBINED,
      paramLabel = "NAME",
      description = "One of ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).",
      completionCandidates = DetectorNames.class)
  String detector;

  @Option(
      names = "--labels",
      paramLabel = "FILE",
      description = "combined_windows.json: fills the label column and scores the results.")
  Path labels;

  @Option(names = "--seed", defaultValue = "42", description = "Seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--warmup-passes",
      defaultValue = "0",
      paramLabel = "N",
      description =
          "Run the whole corpus N times before the measured pass, as a benchmark warms up (default:"
              + " ${DEFAULT-VALUE}; the results are the same, only the speed figure changes).")
  int warmupPasses;

  @Option(names = "--json", description = "Print a JSON summary (speed and, with labels, scores).")
  boolean json;

  @Override
  public Integer call() throws JsonProcessingException {
    if (warmupPasses < 0) {
      throw new ParameterException(
          spec.commandLine(), "--warmup-passes must be 0 or more, but was " + warmupPasses);
    }
    if (!Detectors.NAMES.contains(detector)) {
      throw new CommandFailure(
          "unknown detector '" + detector + "', expected one of " + Detectors.NAMES);
    }
    try {
      return run(spec.commandLine().getOut());
    } catch (NabFormatException | UncheckedIOException e) {
      throw new CommandFailure(e.getMessage(), e);
    }
  }

  private int run(PrintWriter printer) throws JsonProcessingException {
    List<NabSeries> corpus = NabFiles.readCorpus(data);
    NabLabels windows = labels == null ? null : NabFiles.readLabels(labels);
    NabRunner runner = new NabRunner(detector, DetectorConfig.defaults().withSeed(seed));
    for (int pass = 0; pass < warmupPasses; pass++) {
      runner.run(corpus);
    }
    long points = 0;
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long cpuStart = threads.getCurrentThreadCpuTime();
    long start = System.nanoTime();
    List<NabSeries> results = new ArrayList<>();
    for (NabSeries s : corpus) {
      results.add(runner.run(s));
      points += s.size();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
    for (NabSeries r : results) {
      int[] rowLabels = windows == null ? new int[r.size()] : windows.rowLabels(r);
      NabFiles.writeResult(out, detector, r, rowLabels);
    }
    Map<String, Object> summary = summary(results.size(), points, seconds, cpuSeconds);
    if (windows != null) {
      summary.put("scores", NabJson.profiles(NabScorer.of(scorable(results, windows), windows)));
    }
    print(
        printer,
        summary,
        windows == null ? null : NabScorer.of(scorable(results, windows), windows));
    return 0;
  }

  /**
   * Speed per core is points per CPU second of the one thread that ran the detectors: on a shared
   * machine wall time also counts the time other processes held the core.
   */
  private Map<String, Object> summary(int files, long points, double seconds, double cpuSeconds) {
    double perSecond = points / Math.max(cpuSeconds > 0 ? cpuSeconds : seconds, 1e-9);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("detector", detector);
    m.put("files", files);
    m.put("points", points);
    m.put("seconds", NabJson.round(seconds, 3));
    m.put("cpu_seconds", NabJson.round(cpuSeconds, 3));
    m.put("warmup_passes", warmupPasses);
    m.put("points_per_wall_second", Math.round(points / Math.max(seconds, 1e-9)));
    m.put("points_per_second_per_core", Math.round(perSecond));
    m.put("speed_target", 50_000);
    m.put("speed_ratio", NabJson.round(perSecond / 50_000, 2));
    m.put("results", out.resolve(detector).toString());
    return m;
  }

  private void print(PrintWriter printer, Map<String, Object> summary, NabScorer scorer)
      throws JsonProcessingException {
    if (json) {
      printer.println(NabJson.JSON.writeValueAsString(summary));
    } else {
      printer.println(
          "wrote "
              + summary.get("files")
              + " result files to "
              + summary.get("results")
              + " ("
              + summary.get("points")
              + " points, "
              + summary.get("points_per_second_per_core")
              + " points/s on one core, "
              + summary.get("speed_ratio")
              + "x the 50,000 target)");
      if (scorer != null) {
        NabJson.printText(printer, detector, scorer);
      }
    }
    printer.flush();
  }

  /** Only the series the labels cover are scored; the others are still written. */
  private static List<NabSeries> scorable(List<NabSeries> results, NabLabels windows) {
    return results.stream().filter(r -> windows.covers(r.name())).toList();
  }

  /** The detector names for picocli's completion and help. */
  static final class DetectorNames extends ArrayList<String> {
    private static final long serialVersionUID = 1L;

    DetectorNames() {
      super(Detectors.NAMES);
    }
  }
}
