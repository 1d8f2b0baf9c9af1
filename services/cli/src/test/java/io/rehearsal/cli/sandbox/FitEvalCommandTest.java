package io.rehearsal.cli.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rehearsal.cli.CommandFailure;
import io.rehearsal.cli.twin.CalibrateFixtures;
import io.rehearsal.rehearse.incident.IncidentFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The command's surface: flags, exit codes and the shape of its output, on a small dataset of the
 * fixture shop. How well fitting names the injected fault on the reference shop's recorded
 * incidents is checked on the library, in rehearse's ReferenceShopFitTest.
 */
class FitEvalCommandTest {
  @TempDir Path dir;

  @Test
  void shouldPrintOneRowPerIncidentAndTheAccuracyWhenGivenADataset() throws IOException {
    Path data = dataset();

    Run run = new Run(fit(data));

    assertThat(run.code).as(run.err.toString()).isZero();
    List<String> lines = run.out.toString().lines().toList();
    assertThat(lines).hasSize(3);
    assertThat(lines.get(0).split(" +"))
        .containsExactly(
            "incident",
            "label",
            "target",
            "top",
            "kind",
            "top",
            "target",
            "goodness",
            "rank",
            "ok");
    assertThat(lines.get(1)).startsWith("incident-surge").contains("surge", "front");
    assertThat(lines.get(2)).matches("top1_accuracy [01]\\.\\d\\d \\([01] of 1\\) in \\d+\\.\\d s");
    assertThat(run.err.toString()).startsWith("incident-surge");
  }

  @Test
  void shouldPrintTheReportAsJsonAndWriteTheIncidentsWhenAsked() throws IOException {
    Path data = dataset();
    Path written = dir.resolve("written");

    Run run = new Run(fit(data, "--json", "--write-incidents", written.toString()));

    assertThat(run.code).as(run.err.toString()).isZero();
    JsonNode report = new ObjectMapper().readTree(run.out.toString());
    assertThat(report.fieldNames())
        .toIterable()
        .containsExactly("incidents", "incidents_total", "correct", "top1_accuracy", "seconds");
    JsonNode row = report.path("incidents").get(0);
    assertThat(row.fieldNames())
        .toIterable()
        .containsExactly("id", "label", "top", "true_rank", "hypotheses", "correct", "seconds");
    assertThat(row.path("label").path("kind").asText()).isEqualTo("surge");
    assertThat(report.path("incidents_total").asInt()).isEqualTo(1);
    assertThat(IncidentFiles.read(written.resolve("incident-surge.yaml")).labelled()).isTrue();
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

  @Test
  void shouldFailNamingTheIndexWhenTheDatasetHasNone() {
    Run run = new Run("--data", dir.toString(), "--twin", "../../examples/twin/shop.yaml");
    assertThat(run.code).isEqualTo(1);
    assertThat(run.err.toString())
        .contains(dir.resolve("incidents.json") + " does not exist or cannot be read");
  }

  @Test
  void shouldRejectTheOptionsWhenSkipIsNegative() {
    Run run = new Run("--data", dir.toString(), "--skip", "-1");
    assertThat(run.code).isEqualTo(2);
    assertThat(run.err.toString()).contains("--skip must be >= 0 seconds, but was -1.0");
  }

  /**
   * A dataset of the fixture shop (front calling back): a minute of baseline and a minute whose
   * load doubles at its 30th second, labelled as a surge on front.
   */
  private Path dataset() throws IOException {
    Path data = Files.createDirectories(dir.resolve("data"));
    CalibrateFixtures.recording(data, "baseline", 20, 60, 1);
    CalibrateFixtures.surge(data, "incident-surge", 20, 60, 2, 30, 40);
    long t0 = CalibrateFixtures.T0 / 1_000_000;
    Files.writeString(
        data.resolve("incidents.json"),
        String.format(
            Locale.ROOT,
            "[{\"kind\":\"surge\",\"target\":\"front\",\"service\":\"front\",\"magnitude\":2,"
                + "\"onsetEpochMs\":%d,\"endEpochMs\":%d,\"recording\":\"incident-surge.otlp.jsonl.gz\","
                + "\"windowStartEpochMs\":%d,\"windowEndEpochMs\":%d}]",
            t0 + 30_000,
            t0 + 55_000,
            t0,
            t0 + 60_000));
    return data;
  }

  /** The arguments of a small, quick fit of {@code data}, then {@code more}. */
  private static String[] fit(Path data, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--data",
                data.toString(),
                "--skip",
                "5",
                "--window",
                "20",
                "--refine",
                "1",
                "--evaluations",
                "2",
                "--replications",
                "1",
                "--threads",
                "1"));
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
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
