package io.rehearsal.charts;

import static org.assertj.core.api.Assertions.assertThat;

import com.marcnuri.helm.LintResult;
import org.junit.jupiter.api.Test;

class ChartLintTest {

  @Test
  void shouldPassStrictLintWithNoWarningWhenLintedOnItsOwnValues() {
    LintResult result = HelmChart.rehearsal().lintStrict();

    assertThat(result.isFailed()).as("lint messages: %s", result.getMessages()).isFalse();
    assertThat(result.getMessages())
        .as("strict lint turns warnings into failures; none may remain")
        .noneMatch(m -> m.startsWith("[WARNING]") || m.startsWith("[ERROR]"));
  }
}
