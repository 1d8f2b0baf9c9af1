package io.rehearsal.cli.twin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.rehearsal.calibration.fidelity.Capacity;
import io.rehearsal.cli.CommandFailure;
import io.rehearsal.twin.spec.InvalidSpecException;
import io.rehearsal.twin.spec.TwinSpec;
import io.rehearsal.twin.spec.TwinSpecs;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code rehearsal twin capacity}: sweeps a twin's entry rates up (same mix) and prints the highest
 * rate meeting a p99 SLO and the rate at which something saturates, naming it.
 */
@Command(
    name = "capacity",
    mixinStandardHelpOptions = true,
    description =
        "Find a twin's knee: the highest entry rate meeting a p99 SLO, and the bottleneck.",
    footer = {"", "Exit codes: 1 unreadable or invalid twin, 2 usage error."})
public final class TwinCapacityCommand implements Callable<Integer> {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @Spec CommandSpec spec;

  @Option(names = "--twin", required = true, paramLabel = "FILE", description = "Twin spec.")
  Path twin;

  @Option(
      names = "--slo-p99",
      paramLabel = "SECONDS",
      defaultValue = "0.1",
      description = "p99 SLO of the entry requests, pooled (default: ${DEFAULT-VALUE}).")
  double sloP99;

  @Option(
      names = "--max-factor",
      paramLabel = "X",
      defaultValue = "5",
      description = "Sweep up to X times the twin's entry rates (default: ${DEFAULT-VALUE}).")
  double maxFactor;

  @Option(
      names = "--steps",
      paramLabel = "N",
      defaultValue = "25",
      description = "Rates swept (default: ${DEFAULT-VALUE}).")
  int steps;

  @Option(
      names = "--horizon",
      paramLabel = "SECONDS",
      defaultValue = "60",
      description = "Simulated seconds per rate after 10 s warm-up (default: ${DEFAULT-VALUE}).")
  double horizon;

  @Option(names = "--seed", defaultValue = "1", description = "Seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--json", description = "Print JSON.")
  boolean json;

  @Override
  public Integer call() {
    if (!(sloP99 > 0) || !(maxFactor > 0) || steps < 2 || !(horizon > 0)) {
      throw new ParameterException(
          spec.commandLine(), "--slo-p99, --max-factor and --horizon must be > 0 and --steps >= 2");
    }
    TwinSpec model = read();
    Capacity c;
    try {
      c = Capacity.sweep(model, sloP99, maxFactor / steps, maxFactor, steps, horizon, 10, 2, seed);
    } catch (IllegalArgumentException e) {
      throw new CommandFailure(twin + ": " + e.getMessage(), e);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      try {
        out.println(JSON.writeValueAsString(c));
      } catch (JsonProcessingException e) {
        throw new CommandFailure("cannot write the result: " + e.getMessage(), e);
      }
    } else {
      c.steps()
          .forEach(
              s ->
                  out.printf(
                      Locale.ROOT,
                      "rate %8.1f/s  p99 %9.1f ms  throughput %8.1f/s  host cpu %5.1f%%  %s%n",
                      s.rate(),
                      s.p99() * 1000,
                      s.throughput(),
                      s.hostUtilisation() * 100,
                      s.limit()));
      out.printf(
          Locale.ROOT,
          "highest rate meeting p99 <= %.3f s: %.1f/s; saturates at %.1f/s: %s%n",
          sloP99,
          c.maxRateMeetingSlo(),
          c.saturationRate(),
          c.bottleneck());
    }
    out.flush();
    return 0;
  }

  private TwinSpec read() {
    try {
      return TwinSpecs.read(twin);
    } catch (InvalidSpecException e) {
      throw new CommandFailure(twin + ": " + e.getMessage(), e);
    } catch (UncheckedIOException e) {
      throw new CommandFailure(e.getMessage(), e);
    }
  }
}
