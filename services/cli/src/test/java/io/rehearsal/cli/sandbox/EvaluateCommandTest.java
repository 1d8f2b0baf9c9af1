package io.rehearsal.cli.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluateCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dir;
  private static SandboxRun text;
  private static SandboxRun json;

  @BeforeAll
  static void rehearse() throws IOException {
    SandboxFixtures.write(dir);
    text = new SandboxRun(SandboxFixtures.evaluate(dir, "--threads", "2"));
    json =
        new SandboxRun(
            SandboxFixtures.evaluate(
                dir, "--threads", "2", "--json", "--html", dir.resolve("report.html").toString()));
  }

  @Test
  void shouldRankTheFixFirstAndTheHarmfulCandidateBelowDoNothingWhenPrintingTheTable() {
    assertThat(text.code).as(text.err.toString()).isZero();
    List<String> rows = rows(text.out.toString());
    assertThat(rows.get(0)).startsWith("   1  rollback api");
    int doNothing = indexOf(rows, "  --  do nothing");
    int harmful = indexOf(rows, "scale api to 1");
    assertThat(doNothing).isPositive().isLessThan(harmful);
    assertThat(rows.get(harmful)).contains("WORSE_THAN_DO_NOTHING");
    assertThat(text.out.toString())
        .contains("rank  candidate", "dutility vs do nothing [95% CI]", "P(impr)", "worst10%")
        .containsPattern("1\\. LATENCY api x[23]\\.\\d+ .*<- rehearsed under")
        .containsPattern("best: rollback api; probability of correct selection (>=|not reached)")
        .contains("replications: ")
        .doesNotContain("weak fit");
    assertThat(text.err.toString()).isEmpty();
  }

  @Test
  void shouldReportTheEvidenceWithStableFieldNamesWhenAskedForJson() throws IOException {
    assertThat(json.code).as(json.err.toString()).isZero();
    JsonNode root = JSON.readTree(json.out.toString());

    assertThat(root.path("best_candidate").asText()).isEqualTo("rollback api");
    assertThat(root.path("hypotheses").get(0).path("kind").asText()).isEqualTo("LATENCY");
    assertThat(root.path("hypotheses").get(0).path("target").asText()).isEqualTo("api");
    assertThat(root.path("scenario").path("decision_s").asDouble()).isEqualTo(20.0 + 40);
    JsonNode candidates = root.path("candidates");
    assertThat(candidates).hasSize(4);
    JsonNode first = candidates.get(0);
    assertThat(first.path("rank").asInt()).isEqualTo(1);
    assertThat(first.fieldNames())
        .toIterable()
        .contains(
            "name",
            "score",
            "slo_attainment",
            "p99_s",
            "error_rate",
            "time_to_recover_s",
            "cost_delta_replica_s",
            "vs_do_nothing",
            "worst_decile",
            "flags",
            "blast_radius");
    JsonNode utility = first.path("vs_do_nothing").path("utility");
    assertThat(utility.path("ci_low").asDouble()).isGreaterThan(0);
    assertThat(utility.path("probability_of_improvement").asDouble()).isGreaterThan(0.95);
    JsonNode scaleUp = byName(candidates, "scale api to 6");
    assertThat(scaleUp.path("declared_cost").asDouble()).isEqualTo(2.0);
    assertThat(scaleUp.path("cost_delta_replica_s").asDouble()).isGreaterThan(0);
    JsonNode harmful = byName(candidates, "scale api to 1");
    assertThat(harmful.path("flags").toString()).contains("WORSE_THAN_DO_NOTHING");
    assertThat(harmful.path("rank").asInt())
        .isGreaterThanOrEqualTo(root.path("do_nothing").path("rank").asInt());
    assertThat(root.path("procedure").path("probability_of_correct_selection").asDouble())
        .isEqualTo(0.95);
  }

  @Test
  void shouldCarryOneSeriesPerArmOverTheWholeRunWhenAskedForJson() throws IOException {
    JsonNode root = JSON.readTree(json.out.toString());
    JsonNode series = root.path("series");
    assertThat(series).hasSize(5);
    assertThat(series.get(0).path("arm").asText()).isEqualTo("do nothing");
    assertThat(series.get(0).path("replications").asInt())
        .isEqualTo(root.path("do_nothing").path("replications").asInt());
    for (JsonNode s : series) {
      assertThat(s.path("p99_s")).hasSize(30); // (20 s warm-up + 40 s observed + 90 s) / 5 s
      assertThat(s.path("error_rate")).hasSize(30);
    }
  }

  @Test
  void shouldWriteTheHtmlReportBesideTheJsonWhenAskedTo() throws IOException {
    String html = Files.readString(dir.resolve("report.html"));

    assertThat(html)
        .startsWith("<!DOCTYPE html>")
        .contains("<b class=\"best\">", "data-metric=\"p99_s\"", "data-metric=\"error_rate\"")
        .contains("&lt;b&gt;restart&lt;/b&gt; &quot;api&quot; &amp; &#39;co&#39;")
        .doesNotContain(SandboxFixtures.ODD_NAME)
        .endsWith("</html>\n");
  }

  @Test
  void shouldDrawThePredictedBandsOfDoNothingAndTheBestCandidatesWhenWritingHtml()
      throws IOException {
    String html = Files.readString(dir.resolve("report.html"));

    assertThat(html).contains("class=\"plot predicted\"", "SLO p99 ≤ 300 ms (api/GET /)");
    assertThat(count(html, "<path class=\"band\"")).isEqualTo(2 * 4); // 2 plots, 1 + top 3
    assertThat(count(html, "<path class=\"band\" data-arm=\"do nothing\"")).isEqualTo(2);
    String nothing = median(html, "do nothing");
    String rollback = median(html, "rollback api");
    assertThat(attribute(nothing, "data-t").split(",")).hasSize(18); // 90 s after it / 5 s
    // the fix brings p99 down: its last median point is drawn lower (larger SVG y)
    assertThat(lastY(rollback)).isGreaterThan(lastY(nothing));
  }

  @Test
  void shouldPrintTheSameBytesWhenRunOnOneThreadOrTwo() {
    SandboxRun one = new SandboxRun(SandboxFixtures.evaluate(dir, "--threads", "1", "--json"));
    assertThat(one.code).isZero();
    assertThat(one.out.toString()).isEqualTo(json.out.toString());
  }

  @Test
  void shouldDrawProgressOnStderrWhenAskedTo() {
    SandboxRun run =
        new SandboxRun(
            SandboxFixtures.evaluate(
                dir, "--json", "--progress", "--min-replications", "2", "--max-replications", "2"));
    assertThat(run.code).as(run.err.toString()).isZero();
    assertThat(run.err.toString()).contains("fitting the fault hypothesis", "runs, stage 1");
    assertThat(run.out.toString()).startsWith("{");
  }

  @Test
  void shouldExitWithUsageErrorNamingTheFileWhenItIsMissing() {
    SandboxRun run =
        new SandboxRun(
            "sandbox",
            "evaluate",
            "--twin",
            dir.resolve("twin.yaml").toString(),
            "--incident",
            dir.resolve("nope.yaml").toString(),
            "--candidates",
            dir.resolve("candidates.yaml").toString());
    assertThat(run.code).isEqualTo(2);
    assertThat(run.err.toString())
        .contains("--incident " + dir.resolve("nope.yaml") + ": no such file");
  }

  @Test
  void shouldExitWithUsageErrorNamingFileAndPathWhenATargetIsUnknown() throws IOException {
    Path bad = dir.resolve("bad-candidates.yaml");
    Files.writeString(
        bad, SandboxFixtures.CANDIDATES.replace("target: api, value: 6", "target: apu, value: 6"));
    SandboxRun run =
        new SandboxRun(
            "sandbox",
            "evaluate",
            "--twin",
            dir.resolve("twin.yaml").toString(),
            "--incident",
            dir.resolve("incident.yaml").toString(),
            "--candidates",
            bad.toString());
    assertThat(run.code).isEqualTo(2);
    assertThat(run.err.toString())
        .contains(bad + ": candidates[1].remediations[0].target: unknown service 'apu'")
        .contains("rehearsal sandbox evaluate --help");
  }

  @Test
  void shouldExitWithUsageErrorNamingFileAndPathWhenTheIncidentIsInvalid() throws IOException {
    Path bad = dir.resolve("bad-incident.yaml");
    Files.writeString(
        bad,
        Files.readString(dir.resolve("incident.yaml")).replaceFirst("bucket: \\S+", "bucket: -5"));
    SandboxRun run =
        new SandboxRun(
            "sandbox",
            "evaluate",
            "--twin",
            dir.resolve("twin.yaml").toString(),
            "--incident",
            bad.toString(),
            "--candidates",
            dir.resolve("candidates.yaml").toString());
    assertThat(run.code).isEqualTo(2);
    assertThat(run.err.toString()).contains("--incident " + bad + ": ").contains("-5");
  }

  @Test
  void shouldExitWithUsageErrorWhenTheHorizonIsNotPositive() {
    SandboxRun run = new SandboxRun(SandboxFixtures.evaluate(dir, "--horizon", "0"));
    assertThat(run.code).isEqualTo(2);
    assertThat(run.err.toString()).contains("--horizon must be > 0, but was 0.0");
  }

  private static int count(String text, String part) {
    return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
  }

  /** The first (p99) plot's median polyline of {@code arm}. */
  private static String median(String html, String arm) {
    int at = html.indexOf("<polyline class=\"median", html.indexOf("class=\"plot predicted\""));
    at = html.indexOf("data-arm=\"" + arm + "\"", at);
    return html.substring(at, html.indexOf("</polyline>", at));
  }

  private static String attribute(String element, String name) {
    int from = element.indexOf(name + "=\"") + name.length() + 2;
    return element.substring(from, element.indexOf('"', from));
  }

  private static double lastY(String polyline) {
    String[] points = attribute(polyline, "points").split(" ");
    return Double.parseDouble(points[points.length - 1].split(",")[1]);
  }

  private static List<String> rows(String out) {
    List<String> lines = out.lines().toList();
    int header =
        lines.indexOf(lines.stream().filter(l -> l.startsWith("rank")).findFirst().orElseThrow());
    List<String> rows = new ArrayList<>();
    for (String l : lines.subList(header + 1, lines.size())) {
      if (l.isBlank()) {
        break;
      }
      rows.add(l);
    }
    return rows;
  }

  private static int indexOf(List<String> rows, String part) {
    for (int i = 0; i < rows.size(); i++) {
      if (rows.get(i).contains(part)) {
        return i;
      }
    }
    return -1;
  }

  private static JsonNode byName(JsonNode candidates, String name) {
    for (JsonNode c : candidates) {
      if (c.path("name").asText().equals(name)) {
        return c;
      }
    }
    throw new AssertionError("no candidate " + name + " in " + candidates);
  }
}
