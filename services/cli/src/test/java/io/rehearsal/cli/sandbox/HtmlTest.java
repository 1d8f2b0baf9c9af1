package io.rehearsal.cli.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTest {
  @Test
  void shouldEscapeMarkupQuotesAndAmpersandsWhenGivenText() {
    assertThat(Html.escape("<a href=\"x\">'&'</a>"))
        .isEqualTo("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
  }

  @Test
  void shouldReplaceControlCharactersWhenTheyCannotAppearInXml() {
    assertThat(Html.escape("a\u0000b\u001bc\td")).isEqualTo("a b c\td");
  }

  @Test
  void shouldKeepOrdinaryTextWhenNothingNeedsEscaping() {
    assertThat(Html.escape("scale payment to 6 (30%)")).isEqualTo("scale payment to 6 (30%)");
  }
}
