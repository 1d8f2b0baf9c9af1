package io.rehearsal.cli.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rehearsal.cli.CommandFailure;
import io.rehearsal.rehearse.incident.Incident;
import io.rehearsal.rehearse.incident.IncidentFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Fault fitting on the real reference shop: a twin calibrated on the baseline recording fits every
 * labelled incident recording (20) with the command's default search budget, and the top hypothesis
 * names the injected fault's kind and target in at least 9 of 10 (the target). The fitting
 * is seeded, so the figure is the same on every machine. Skipped when the recordings are absent
 * (see examples/reference-shop/record-incidents.sh).
 */
class FitEvalCommandTest {
  private static final Path DATA = Path.of("../../ml-models/data/reference-shop");

  @TempDir Path dir;

  @Test
  void shouldNameTheInjectedFaultFirstWhenFittingTheReferenceShopIncidents() throws IOException {
    assumeTrue(Files.exists(DATA.resolve("incidents.json")), "reference-shop recordings absent");
    Run run =
        new Run(
            "--data",
            DATA.toString(),
            "--json",
            "--threads",
            "2",
            "--write-incidents",
            dir.toString());
    assertThat(run.code).as(run.err.toString()).isZero();
    JsonNode report = new ObjectMapper().readTree(run.out.toString());
    report.path("incidents").forEach(i -> System.out.println("FIT-EVAL " + i));
    System.out.println("FIT-EVAL top1_accuracy " + report.path("top1_accuracy"));
    assertThat(report.path("incidents_total").asInt()).isGreaterThanOrEqualTo(20);
    assertThat(report.path("top1_accuracy").asDouble()).isGreaterThanOrEqualTo(0.9);
    try (Stream<Path> files = Files.list(dir)) {
      Incident first = IncidentFiles.read(files.sorted().findFirst().orElseThrow());
      assertThat(first.labelled()).isTrue();
    }
  }

  @Test
  void shouldFailWithTheFileNameWhenTheDatasetIsMissing() {
    Run run = new Run("--data", dir.resolve("nothing").toString());
    assertThat(run.code).isEqualTo(1);
    assertThat(run.err.toString()).contains("nothing");
  }

  @Test
  void shouldRejectTheOptionsWhenThreadsIsZero() {
    Run run = new Run("--data", dir.toString(), "--threads", "0");
    assertThat(run.code).isEqualTo(2);
    assertThat(run.err.toString()).contains("threads must be >= 1, but was 0");
  }

  /** Runs the verb standalone, as the root command would, capturing its output. */
  private static final class Run {
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();
    final int code;

    Run(String... args) {
      CommandLine line = new CommandLine(new FitEvalCommand());
      line.setOut(new PrintWriter(out, true));
      line.setErr(new PrintWriter(err, true));
      line.setExecutionExceptionHandler(
          (e, cmd, parsed) -> {
            if (!(e instanceof CommandFailure)) {
              throw e;
            }
            cmd.getErr().println(e.getMessage());
            return 1;
          });
      this.code = line.execute(args);
    }
  }
}
