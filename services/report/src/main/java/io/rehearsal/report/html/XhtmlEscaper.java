package io.rehearsal.report.html;

import io.quarkus.qute.Expression;
import io.quarkus.qute.HtmlEscaper;
import io.quarkus.qute.ResultMapper;
import io.quarkus.qute.TemplateNode;
import io.quarkus.qute.Variant;
import java.util.List;

/**
 * Qute's {@link HtmlEscaper} for {@code text/html} templates ({@code & < > " '} as character
 * references, so a value is safe in text and in quoted attributes), plus control characters other
 * than tab and newline as spaces: XML forbids them, and the page stays well-formed XML.
 */
final class XhtmlEscaper implements ResultMapper {
  private final HtmlEscaper html = new HtmlEscaper(List.of(Variant.TEXT_HTML));

  @Override
  public boolean appliesTo(TemplateNode.Origin origin, Object result) {
    return html.appliesTo(origin, result);
  }

  @Override
  public String map(Object result, Expression expression) {
    return html.map(printable(result.toString()), expression);
  }

  static String printable(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      out.append(c < 0x20 && c != '\n' && c != '\t' ? ' ' : c);
    }
    return out.toString();
  }
}
