package io.rehearsal.cli.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rehearsal.cli.CommandFailure;
import io.rehearsal.rehearse.evaluation.EvaluationResult;
import io.rehearsal.rehearse.reality.PairedInterval;
import io.rehearsal.rehearse.reality.RankingAgreement;
import io.rehearsal.rehearse.reality.RealArm;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The verb on a small recorded fixture (one reference-shop incident, a short low-rate smoke run of
 * record-decisions.sh: do nothing and three candidates), and the report's arithmetic on hand-made
 * rankings. The metric code itself is tested in rehearse's reality package.
 */
class DecisionEvalCommandTest {
  private static final Path FIXTURE = Path.of("src/test/resources/decisions");
  private static final Path TWIN = FIXTURE.resolve("shop-twin.yaml");

  @TempDir Path dir;

  @Test
  void shouldPrintTheMeansAndBothRankingsWhenGivenRecordedArms() throws IOException {
    Run run = new Run(args("--json"));

    assertThat(run.code).as(run.err.toString()).isZero();
    JsonNode report = new ObjectMapper().readTree(run.out.toString());
    assertThat(report.fieldNames())
        .toIterable()
        .containsExactly(
            "incidents",
            "top1_agreement",
            "kendall_tau",
            "regret",
            "view",
            "targets",
            "per_incident",
            "skipped");
    assertThat(report.path("skipped").size()).isZero();
    assertThat(report.path("incidents").asInt()).isEqualTo(1);
    assertThat(report.path("top1_agreement").asDouble()).isIn(0.0, 1.0);
    assertThat(report.path("kendall_tau").asDouble()).isBetween(-1.0, 1.0);
    assertThat(report.path("regret").asDouble()).isGreaterThanOrEqualTo(0);
    JsonNode row = report.path("per_incident").get(0);
    assertThat(row.path("incident").asText()).isEqualTo("incident-latency");
    Set<String> twin = names(row.path("twin_ranking"));
    Set<String> real = names(row.path("real_ranking"));
    assertThat(twin)
        .as(row.toString())
        .hasSize(4)
        .contains("do nothing", "roll back catalog")
        .isEqualTo(real);
    assertThat(row.path("twin_best").asText())
        .isEqualTo(row.path("twin_ranking").get(0).path("candidate").asText());
    JsonNode first = row.path("real_ranking").get(0);
    assertThat(first.path("tied_with_best").asBoolean()).isTrue();
    assertThat(first.path("best_minus_this").path("mean").asDouble()).isZero();
    for (JsonNode arm : row.path("real_ranking")) {
      assertThat(arm.path("real_utility").asDouble()).as(arm.toString()).isBetween(-1.0, 1.0);
      assertThat(arm.path("replica_seconds").asDouble()).as(arm.toString()).isPositive();
    }
    assertThat(row.path("top1").asBoolean())
        .isEqualTo(names(row.path("real_best")).contains(row.path("twin_best").asText()));
  }

  @Test
  void shouldPrintATableEndingWithTheMeansWhenNotJson() {
    Run run = new Run(args());

    assertThat(run.code).as(run.err.toString()).isZero();
    List<String> lines = run.out.toString().lines().toList();
    assertThat(lines.get(0)).startsWith("incident-latency  top1 ");
    assertThat(lines).hasSize(7);
    assertThat(lines.get(6)).matches("incidents 1  top1_agreement [01]\\.00 \\(target 0\\.8\\).*");
  }

  @Test
  void shouldSkipAnIncidentWithoutRecordingsAndCompareTheOthers() throws IOException {
    Path data = copyOfFixture();
    Path good = FIXTURE.resolve("incident-latency");
    Path broken = Files.createDirectories(data.resolve("incident-lost"));
    Files.copy(good.resolve("candidates.yaml"), broken.resolve("candidates.yaml"));
    Files.writeString(
        broken.resolve("manifest.json"),
        Files.readString(good.resolve("manifest.json"))
            .replace("\"incident-latency\"", "\"incident-lost\""));
    List<String> args = new ArrayList<>(List.of(args("--json")));
    args.set(1, data.toString());

    Run run = new Run(args.toArray(String[]::new));

    assertThat(run.code).as(run.err.toString()).isZero();
    JsonNode report = new ObjectMapper().readTree(run.out.toString());
    assertThat(report.path("incidents").asInt()).isEqualTo(1);
    assertThat(report.path("skipped").path("incident-lost").asText())
        .contains("no recording")
        .contains("do-nothing.otlp.jsonl.gz");
    assertThat(run.err.toString()).contains("incident-lost: skipped");
  }

  @Test
  void shouldScoreTheClientsRequestLogWhenTheViewIsClient() throws IOException {
    Path data = copyOfFixture();
    Path incident = data.resolve("incident-latency");
    String manifest = Files.readString(incident.resolve("manifest.json"));
    for (String arm :
        List.of("do-nothing", "roll-back-catalog", "scale-catalog-to-4", "restart-catalog")) {
      manifest =
          manifest.replace(
              "\"loadgen\": \"" + arm + ".loadgen.json\"",
              "\"loadgen\": \""
                  + arm
                  + ".loadgen.json\", \"requests\": \""
                  + arm
                  + ".requests.csv.gz\"");
      // 100 browses over the measured window (16 s to 36 s); doing nothing leaves half at 500 ms
      StringBuilder csv = new StringBuilder("offset_ms,endpoint,status,latency_us\n");
      for (int i = 0; i < 100; i++) {
        long latency = arm.equals("do-nothing") && i % 2 == 0 ? 500_000 : 20_000;
        csv.append(16_100 + i * 190).append(",GET /browse,200,").append(latency).append('\n');
      }
      try (var out =
          new java.util.zip.GZIPOutputStream(
              Files.newOutputStream(incident.resolve(arm + ".requests.csv.gz")))) {
        out.write(csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
      }
    }
    Files.writeString(incident.resolve("manifest.json"), manifest);
    List<String> args = new ArrayList<>(List.of(args("--json", "--view", "client")));
    args.set(1, data.toString());

    Run run = new Run(args.toArray(String[]::new));

    assertThat(run.code).as(run.err.toString()).isZero();
    JsonNode report = new ObjectMapper().readTree(run.out.toString());
    assertThat(report.path("view").asText()).isEqualTo("client");
    JsonNode ranking = report.path("per_incident").get(0).path("real_ranking");
    JsonNode last = ranking.get(ranking.size() - 1);
    assertThat(last.path("candidate").asText()).as(ranking.toString()).isEqualTo("do nothing");
    // browse: half within 1 and 2 x 0.2 s, all within 4 x; cart and checkout saw no request
    assertThat(last.path("graded_slo_attainment").asDouble())
        .isCloseTo((2 / 3.0 + 1 + 1) / 3, within(1e-9));
  }

  @Test
  void shouldSkipAnArmWithoutAClientLogWhenTheViewIsClient() {
    Run run = new Run(args("--json", "--view", "client"));
    assertThat(run.code).isEqualTo(1);
    assertThat(run.err.toString()).contains("no client request log");
  }

  private Path copyOfFixture() throws IOException {
    Path data = Files.createDirectories(dir.resolve("data"));
    try (Stream<Path> files = Files.list(FIXTURE.resolve("incident-latency"))) {
      Path copy = Files.createDirectories(data.resolve("incident-latency"));
      for (Path f : files.toList()) {
        Files.copy(f, copy.resolve(f.getFileName()));
      }
    }
    return data;
  }

  @Test
  void shouldFailNamingTheDirectoryWhenThereAreNoRecordedArms() {
    Run run = new Run("--data", dir.toString(), "--twin", TWIN.toString());
    assertThat(run.code).isEqualTo(1);
    assertThat(run.err.toString()).contains(dir.toString()).contains("record-decisions.sh");
  }

  @Test
  void shouldRejectTheOptionsWhenBlocksIsOne() {
    Run run = new Run("--data", dir.toString(), "--blocks", "1");
    assertThat(run.code).isEqualTo(2);
    assertThat(run.err.toString()).contains("--blocks must be >= 2, but was 1");
  }

  @Test
  void shouldPutDoNothingAtItsRankAmongTheTwinsCandidates() {
    EvaluationResult result =
        new EvaluationResult(1, null, null, 0, List.of(), List.of("a", "b", "c"), 2, 0, 0, 0, null);
    assertThat(DecisionEvalCommand.twinRanking(result))
        .containsExactly("a", "do nothing", "b", "c");
  }

  @Test
  void shouldAverageTopOneTauAndRegretOverIncidentsWhenReporting() throws IOException {
    Map<String, RealArm> arms = new LinkedHashMap<>();
    arms.put("do nothing", arm(0.50, 0.001));
    arms.put("x", arm(0.90, 0.95, 0.85, 0.95, 0.85));
    arms.put("y", arm(0.88, 0.83, 0.93, 0.88, 0.88));
    arms.put("z", arm(0.20, 0.001));
    // the twin picks y, tied with the real best x: agreement, regret 0.02;
    // order y, x, do nothing, z: 5 concordant, 1 discordant of 6 pairs
    RankingAgreement tied =
        RankingAgreement.compare("i1", List.of("y", "x", "do nothing", "z"), arms, 0.95);
    // the twin picks z, clearly worse: no agreement, regret 0.7; z, do nothing, y, x: all 6 pairs
    // discordant
    RankingAgreement wrong =
        RankingAgreement.compare("i2", List.of("z", "do nothing", "y", "x"), arms, 0.95);

    JsonNode report =
        new ObjectMapper()
            .readTree(
                new DecisionEvalReport(
                        "spans", List.of(row(tied, arms), row(wrong, arms)), Map.of())
                    .json());

    assertThat(report.path("incidents").asInt()).isEqualTo(2);
    assertThat(report.path("top1_agreement").asDouble()).isEqualTo(0.5);
    assertThat(report.path("kendall_tau").asDouble())
        .isCloseTo(((5 - 1) / 6.0 - 1) / 2, within(1e-12));
    assertThat(report.path("regret").asDouble()).isCloseTo((0.02 + 0.7) / 2, within(1e-12));
    JsonNode first = report.path("per_incident").get(0);
    assertThat(names(first.path("real_best"))).containsExactlyInAnyOrder("x", "y");
    assertThat(first.path("top1").asBoolean()).isTrue();
    assertThat(report.path("per_incident").get(1).path("top1").asBoolean()).isFalse();
  }

  private static RealArm arm(double utility, double noise) {
    return arm(utility, utility + noise, utility - noise, utility + noise, utility - noise);
  }

  private static RealArm arm(double utility, Double... blocks) {
    return new RealArm(utility, utility, utility, 1, List.of(blocks), List.of());
  }

  private static DecisionEvalReport.Incident row(RankingAgreement a, Map<String, RealArm> arms) {
    Map<String, String> ids = new LinkedHashMap<>();
    Map<String, Double> scores = new LinkedHashMap<>();
    Map<String, PairedInterval> vsBest = new LinkedHashMap<>();
    RealArm best = arms.get(a.realRanking().get(0));
    for (String name : a.twinRanking()) {
      ids.put(name, name.replace(' ', '-'));
      scores.put(name, 1.0 - a.twinRanking().indexOf(name) / 10.0);
      vsBest.put(
          name, PairedInterval.of(best.blockUtilities(), arms.get(name).blockUtilities(), 0.95));
    }
    return new DecisionEvalReport.Incident(a.incident(), ids, scores, arms, vsBest, a);
  }

  private static Set<String> names(JsonNode rows) {
    Set<String> out = new HashSet<>();
    for (JsonNode r : rows) {
      out.add(r.isTextual() ? r.asText() : r.path("candidate").asText());
    }
    return out;
  }

  private static String[] args(String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--data",
                FIXTURE.toString(),
                "--twin",
                TWIN.toString(),
                "--threads",
                "2",
                "--min-replications",
                "5",
                "--max-replications",
                "10"));
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }

  /** Runs the verb standalone, as the root command would, capturing its output. */
  private static final class Run {
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();
    final int code;

    Run(String... args) {
      CommandLine line = new CommandLine(new DecisionEvalCommand());
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
