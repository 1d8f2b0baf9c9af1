package io.rehearsal.report.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.rehearsal.report.Golden;
import io.rehearsal.report.RehearsalReport;
import io.rehearsal.report.SampleReports;
import java.util.List;
import org.junit.jupiter.api.Test;

class RehearsalTextTest {
  private final String text = RehearsalText.render(SampleReports.rehearsal());

  @Test
  void shouldPrintTheGoldenTableWhenRenderingTheSample() {
    Golden.assertMatches("rehearsal.txt", text.replace(System.lineSeparator(), "\n"));
  }

  @Test
  void shouldPutDoNothingBetweenTheCandidatesWhenItRanksThere() {
    List<String> lines = text.lines().toList();
    int header = lines.indexOf(lines.stream().filter(l -> l.startsWith("rank")).findFirst().get());

    assertThat(lines.get(header + 1)).startsWith("   1  rollback api");
    assertThat(lines.get(header + 4)).startsWith("  --  do nothing").contains("(baseline, n=20)");
    assertThat(lines.get(header + 5))
        .contains("scale api to 1")
        .contains("WORSE_THAN_DO_NOTHING")
        .endsWith("n=10 eliminated");
  }

  @Test
  void shouldClipANameWhenItIsLongerThanTheColumn() {
    String longName = "limit api to 90 requests per second for every caller";

    String table = RehearsalText.render(SampleReports.rehearsal(longName));

    assertThat(table).contains("limit api to 90 requests per second~").doesNotContain(longName);
  }

  @Test
  void shouldWarnWhenTheRehearsedFaultExplainsLittle() {
    RehearsalReport r = SampleReports.rehearsal();
    RehearsalReport weak =
        new RehearsalReport(
            r.twin(),
            r.incident(),
            r.fittedEndpoints(),
            r.hypotheses().subList(2, 4),
            r.timeline(),
            r.plan(),
            r.result(),
            r.series(),
            r.candidates());

    assertThat(text).doesNotContain("weak fit");
    assertThat(RehearsalText.render(weak)).contains("! weak fit", "explains 10%");
  }

  @Test
  void shouldDescribeTheSelectionAsReachedWhenNoCandidateIsFlagged() {
    assertThat(RehearsalText.selection(SampleReports.rehearsal())).isEqualTo(">= 0.95");
  }
}
