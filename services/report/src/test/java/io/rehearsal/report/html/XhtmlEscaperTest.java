package io.rehearsal.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class XhtmlEscaperTest {
  private final XhtmlEscaper escaper = new XhtmlEscaper();

  @Test
  void shouldEscapeMarkupQuotesAndAmpersandsWhenGivenText() {
    assertThat(escaper.map("<a href=\"x\">'&'</a>", null))
        .isEqualTo("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
  }

  @Test
  void shouldReplaceControlCharactersWhenTheyCannotAppearInXml() {
    assertThat(escaper.map("a\u0000b\u001bc\td", null)).isEqualTo("a b c\td");
  }

  @Test
  void shouldKeepOrdinaryTextWhenNothingNeedsEscaping() {
    assertThat(escaper.map("scale payment to 6 (30%)", null)).isEqualTo("scale payment to 6 (30%)");
  }
}
