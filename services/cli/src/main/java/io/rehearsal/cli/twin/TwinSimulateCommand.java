package io.rehearsal.cli.twin;

import io.rehearsal.cli.CommandFailure;
import io.rehearsal.report.SimulationReport;
import io.rehearsal.report.json.SimulationJson;
import io.rehearsal.report.text.SimulationText;
import io.rehearsal.twin.Simulation;
import io.rehearsal.twin.run.RunResult;
import io.rehearsal.twin.run.SimulationConfig;
import io.rehearsal.twin.spec.Scenario;
import io.rehearsal.twin.spec.TwinSpec;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code rehearsal twin simulate FILE}: runs replications of a twin spec under a scenario and
 * prints per endpoint p50, p95, p99, error share and throughput, then the SLO verdicts. Results
 * depend on the seed only, never on the number of threads.
 */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    description =
        "Simulate a twin spec (and a scenario); print latencies, errors and SLO verdicts.",
    footer = {
      "",
      "Durations: 600, 90s, 10m, 1h30m. Replications run in parallel; the results depend only on",
      "the seed. A progress bar goes to stderr on a terminal (or with --progress).",
      "Exit codes: 1 invalid or unreadable file, 2 usage error."
    })
public final class TwinSimulateCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "Twin spec (YAML or JSON).")
  Path file;

  @Option(
      names = "--scenario",
      paramLabel = "FILE",
      description = "Scenario with timed faults and remediations (default: none).")
  Path scenarioFile;

  @Option(
      names = "--seed",
      paramLabel = "N",
      defaultValue = "1",
      description = "Master seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--replications",
      paramLabel = "N",
      defaultValue = "1",
      description = "Independent runs, pooled in the report (default: ${DEFAULT-VALUE}).")
  int replications;

  @Option(
      names = "--duration",
      paramLabel = "D",
      defaultValue = "600",
      converter = DurationConverter.class,
      description = "Simulated time per run (default: ${DEFAULT-VALUE} s).")
  double duration;

  @Option(
      names = "--warmup",
      paramLabel = "D",
      converter = DurationConverter.class,
      description = "Time excluded at the start of each run (default: 10%% of it, at most 60 s).")
  Double warmup;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "Threads (default: the number of cores, at most --replications).")
  Integer threads;

  @Option(names = "--json", description = "Print one JSON object instead of tables.")
  boolean json;

  @Option(names = "--progress", description = "Show the progress bar even when not on a terminal.")
  boolean progress;

  @Override
  public Integer call() throws InterruptedException {
    SimulationConfig config = config();
    int poolSize = threads();
    TwinSpec twin = SpecFiles.spec(file);
    Scenario scenario = SpecFiles.scenario(scenarioFile, twin);
    Simulation simulation = new Simulation(twin, scenario, config, seed);
    List<RunResult> runs;
    try (Progress bar =
        Progress.start(
            spec.commandLine().getErr(), "runs", replications, Progress.wanted(progress))) {
      runs = run(simulation, poolSize, bar);
    }
    SimulationReport report =
        SimulationReport.of(twin.name(), scenario.name(), seed, duration, config.warmup(), runs);
    PrintWriter out = spec.commandLine().getOut();
    out.print(
        json
            ? SimulationJson.render(report) + System.lineSeparator()
            : SimulationText.render(report));
    out.flush();
    return 0;
  }

  private SimulationConfig config() {
    if (!(duration > 0)) {
      throw usage("--duration must be > 0, but was " + duration);
    }
    double w = warmup != null ? warmup : Math.min(60, duration / 10);
    if (!(w >= 0 && w < duration)) {
      throw usage("--warmup must be in [0, --duration), but was " + w);
    }
    if (replications < 1) {
      throw usage("--replications must be >= 1, but was " + replications);
    }
    return SimulationConfig.of(duration).withWarmup(w);
  }

  private int threads() {
    if (threads != null && threads < 1) {
      throw usage("--threads must be >= 1, but was " + threads);
    }
    int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
    return Math.max(1, Math.min(n, replications));
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }

  /** Runs the replications on a pool, ticking the bar as each finishes; results in order. */
  private List<RunResult> run(Simulation simulation, int poolSize, Progress bar)
      throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(poolSize);
    try {
      List<Future<RunResult>> futures = new ArrayList<>();
      for (int i = 0; i < replications; i++) {
        int replication = i;
        futures.add(
            pool.submit(
                () -> {
                  RunResult r = simulation.run(replication);
                  bar.step();
                  return r;
                }));
      }
      List<RunResult> runs = new ArrayList<>();
      for (Future<RunResult> f : futures) {
        runs.add(f.get());
      }
      return runs;
    } catch (ExecutionException e) {
      throw new CommandFailure("a replication failed: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }
}
