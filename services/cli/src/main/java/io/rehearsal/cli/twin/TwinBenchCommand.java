package io.rehearsal.cli.twin;

import io.rehearsal.twin.bench.BenchConfig;
import io.rehearsal.twin.bench.BenchResult;
import io.rehearsal.twin.bench.TwinBench;
import io.rehearsal.twin.spec.TwinSpec;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code rehearsal twin bench}: measures the engine on one core against a lean network-of-queues
 * simulator and prints the figures ({@code --json}: one JSON object). See {@link TwinBench}.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Measure the twin engine's speed on one core (--json: one JSON object).",
    footer = {
      "",
      "Two phases, each warmed up then measured: the engine and the lean simulator on the shop in",
      "alternation, then the engine on the shop scaled to --rate requests/s. Targets:",
      "engine_vs_lean >= 0.3, sim_speedup_1000rps >= 300. Phase names go to stderr on a terminal",
      "(or with --progress)."
    })
public final class TwinBenchCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--json", description = "Print one JSON object.")
  boolean json;

  @Option(
      names = "--spec",
      paramLabel = "FILE",
      description = "Twin spec to measure (default: the reference shop, examples/shop.yaml).")
  Path specFile;

  @Option(
      names = "--warmup",
      paramLabel = "SECONDS",
      defaultValue = "5",
      description = "Wall seconds of warm-up per phase (default: ${DEFAULT-VALUE}).")
  double warmup;

  @Option(
      names = "--measure",
      paramLabel = "SECONDS",
      defaultValue = "10",
      description = "Wall seconds measured per phase (default: ${DEFAULT-VALUE}).")
  double measure;

  @Option(
      names = "--run-seconds",
      paramLabel = "SECONDS",
      defaultValue = "600",
      description = "Simulated seconds per run (default: ${DEFAULT-VALUE}).")
  double runSeconds;

  @Option(
      names = "--rate",
      paramLabel = "RPS",
      defaultValue = "1000",
      description = "Request rate the spec is scaled to (default: ${DEFAULT-VALUE}).")
  double rate;

  @Option(names = "--progress", description = "Name each phase on stderr even off a terminal.")
  boolean progress;

  @Override
  public Integer call() {
    BenchConfig config = config();
    TwinSpec twin = specFile == null ? TwinBench.referenceShop() : SpecFiles.spec(specFile);
    PrintWriter err = spec.commandLine().getErr();
    boolean talk = Progress.wanted(progress);
    BenchResult result =
        new TwinBench(twin, config, new SystemMeter())
            .run(
                phase -> {
                  if (talk) {
                    err.println("bench: " + phase);
                    err.flush();
                  }
                });
    PrintWriter out = spec.commandLine().getOut();
    out.println(json ? result.toJson() : text(result));
    out.flush();
    return 0;
  }

  private BenchConfig config() {
    try {
      return new BenchConfig(warmup, measure, runSeconds, rate, 1);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  private static String text(BenchResult r) {
    return String.join(
        System.lineSeparator(),
        line(
            "engine, one core",
            "%,.0f requests/s  %.2f M events/s  %.2f B/event allocated",
            r.requestsPerSec(),
            r.eventsPerSec() / 1e6,
            r.allocatedBytesPerEvent()),
        line(
            "lean network of queues",
            "%,.0f requests/s  %.2f M events/s  %.2f visits/request",
            r.leanRequestsPerSec(),
            r.leanEventsPerSec() / 1e6,
            r.leanVisitsPerRequest()),
        line("engine / lean", "%.3f  (target %.1f)", r.engineVsLean(), r.targetEngineVsLean()),
        line(
            String.format(Locale.ROOT, "speed-up at %.0f req/s", r.scaledRequestRate()),
            "%.0f simulated s per wall s  (target %.0f)",
            r.simSpeedup1000rps(),
            r.targetSimSpeedup1000rps()),
        line("targets", r.targetsMet() ? "met" : "not met"));
  }

  private static String line(String label, String pattern, Object... args) {
    return String.format(Locale.ROOT, "%-26s " + pattern, prepend(label, args));
  }

  private static Object[] prepend(String first, Object[] rest) {
    Object[] all = new Object[rest.length + 1];
    all[0] = first;
    System.arraycopy(rest, 0, all, 1, rest.length);
    return all;
  }
}
