package io.rehearsal.cli.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.rehearsal.cli.CommandFailure;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code rehearsal gateway chaos}: kill -9 of a real redis-server under the packaged gateway during
 * a Submit load, cycle after cycle; then counts lost and duplicated decisions and verifies the
 * audit chain (see {@link ChaosCampaign}).
 */
@Command(
    name = "chaos",
    mixinStandardHelpOptions = true,
    description =
        "Kill -9 redis-server under the packaged gateway during Submit load, restart it, and check"
            + " that no acknowledged decision was lost or duplicated and the audit chain verifies.",
    footer = {
      "",
      "Needs the packaged gateway (services/gateway/target/quarkus-app).",
      "Exit codes: 0 passed, 1 something lost or duplicated (the figures say what), 2 usage error."
    })
public final class GatewayChaosCommand implements Runnable {

  @Spec CommandSpec spec;

  @Option(names = "--cycles", description = "Kill -9 cycles (default: ${DEFAULT-VALUE}).")
  int cycles = 20;

  @Option(names = "--rate", description = "Submits per second (default: ${DEFAULT-VALUE}).")
  int rate = 100;

  @Option(names = "--load", description = "Load per cycle (default: ${DEFAULT-VALUE}).")
  Duration load = Duration.ofSeconds(3);

  @Option(names = "--down", description = "How long Redis stays dead (default: ${DEFAULT-VALUE}).")
  Duration down = Duration.ofMillis(500);

  @Option(names = "--evaluations", description = "Evaluations seeded (default: ${DEFAULT-VALUE}).")
  int evaluations = 50;

  @Option(names = "--work-dir", description = "Where Redis data and the gateway log go.")
  Path workDir;

  @Option(names = "--json", description = "Print the figures as JSON.")
  boolean json;

  @Override
  public void run() {
    ChaosCampaign.Settings settings =
        new ChaosCampaign.Settings(cycles, rate, load, down, evaluations);
    PrintWriter err = spec.commandLine().getErr();
    Map<String, Object> figures;
    try {
      Path work = workDir != null ? Files.createDirectories(workDir) : tempDir();
      err.println("chaos work directory: " + work);
      figures = new ChaosCampaign(settings, home(), work, err).run();
    } catch (IOException e) {
      throw new CommandFailure("cannot create the work directory: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CommandFailure("interrupted", e);
    }
    print(figures);
    if (!Boolean.TRUE.equals(figures.get("passed"))) {
      throw new CommandFailure("the campaign lost or duplicated something: see the figures");
    }
  }

  private static Path tempDir() throws IOException {
    return Files.createTempDirectory("rehearsal-chaos-");
  }

  private static Path home() {
    String home = System.getProperty("rehearsal.home");
    return Path.of(home == null || home.isBlank() ? "." : home).toAbsolutePath().normalize();
  }

  private void print(Map<String, Object> figures) {
    PrintWriter out = spec.commandLine().getOut();
    try {
      if (json) {
        out.println(new ObjectMapper().writeValueAsString(figures));
      } else {
        figures.forEach((k, v) -> out.printf("%-36s %s%n", k, v));
      }
      out.flush();
    } catch (IOException e) {
      throw new CommandFailure("cannot print the figures: " + e.getMessage(), e);
    }
  }
}
