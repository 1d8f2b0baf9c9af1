package io.rehearsal.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.rehearsal.rehearse.incident.Incident;
import io.rehearsal.report.Golden;
import io.rehearsal.report.RehearsalReport;
import io.rehearsal.report.SampleReports;
import io.rehearsal.report.json.RehearsalJson;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Parses the page (it is well-formed XML) and checks it against the JSON of the same report. */
class RehearsalHtmlTest {
  private static final String ODD_NAME = "<b>restart</b> \"api\" & 'co'";

  private final RehearsalReport report = SampleReports.rehearsal(ODD_NAME);
  private final String source = RehearsalHtml.render(report);
  private final Document html = parse(source);
  private final JsonNode json = RehearsalJson.tree(report);

  @Test
  void shouldRenderTheGoldenPageWhenGivenTheSample() {
    Golden.assertMatches("rehearsal.html", RehearsalHtml.render(SampleReports.rehearsal()));
  }

  @Test
  void shouldDrawOnePlotPerMetricWithOneSeriesPerArmWhenRendered() {
    List<Element> plots = plots("plot");
    assertThat(plots)
        .extracting(p -> p.getAttribute("data-metric"))
        .containsExactly("p99_s", "error_rate");
    List<String> arms = new ArrayList<>();
    json.path("series").forEach(s -> arms.add(s.path("arm").asText()));
    for (Element plot : plots) {
      List<Element> lines = series(plot);
      assertThat(lines).extracting(l -> l.getAttribute("data-arm")).containsExactlyElementsOf(arms);
      assertThat(lines.get(0).getAttribute("class")).isEqualTo("series baseline");
      assertThat(lines.get(1).getAttribute("class")).isEqualTo("series");
    }
  }

  @Test
  void shouldPlotTheValuesOfTheJsonWhenComparingSeriesByArm() {
    for (Element plot : plots("plot")) {
      String metric = plot.getAttribute("data-metric");
      Map<String, JsonNode> byArm = new LinkedHashMap<>();
      json.path("series").forEach(s -> byArm.put(s.path("arm").asText(), s.path(metric)));
      for (Element line : series(plot)) {
        String[] values = line.getAttribute("data-values").split(",");
        JsonNode expected = byArm.get(line.getAttribute("data-arm"));
        assertThat(values).hasSize(expected.size());
        for (int i = 0; i < values.length; i++) {
          if (expected.get(i).isNull()) {
            assertThat(values[i]).isEqualTo("null");
          } else {
            assertThat(Double.parseDouble(values[i])).isEqualTo(expected.get(i).asDouble());
          }
        }
        long finite = java.util.Arrays.stream(values).filter(v -> !v.equals("null")).count();
        assertThat(line.getAttribute("points").split(" ")).hasSize((int) finite);
      }
    }
  }

  @Test
  void shouldEscapeEveryNameWhenItHoldsMarkup() {
    assertThat(elements(html.getElementsByTagName("b"))).hasSize(4); // our own bold labels only
    assertThat(source).doesNotContain(ODD_NAME);
    assertThat(source).contains("&lt;b&gt;restart&lt;/b&gt; &quot;api&quot; &amp; &#39;co&#39;");
    List<String> cells = new ArrayList<>();
    elements(html.getElementsByTagName("td")).forEach(td -> cells.add(td.getTextContent()));
    assertThat(cells).contains(ODD_NAME, "do nothing", "rollback api");
    List<String> arms = new ArrayList<>();
    elements(html.getElementsByTagName("polyline"))
        .forEach(l -> arms.add(l.getAttribute("data-arm")));
    assertThat(arms).contains(ODD_NAME);
  }

  @Test
  void shouldEscapeAScriptWhenACandidateIsNamedLikeOne() {
    String page = RehearsalHtml.render(SampleReports.rehearsal("<script>alert(1)</script>"));

    assertThat(page).doesNotContain("<script").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    assertThat(parse(page).getElementsByTagName("script").getLength()).isZero();
  }

  @Test
  void shouldStayWellFormedWhenANameHoldsControlCharacters() {
    RehearsalReport r = SampleReports.rehearsal();
    Incident i = r.incident();
    Incident odd =
        new Incident(i.id(), "bell\u0007 and escape\u001b", 0, i.symptoms(), i.baseline(), null);
    String page =
        RehearsalHtml.render(
            new RehearsalReport(
                r.twin(),
                odd,
                r.fittedEndpoints(),
                r.hypotheses(),
                r.timeline(),
                r.plan(),
                r.result(),
                r.series(),
                r.candidates()));

    assertThat(page).contains("bell  and escape ");
    assertThat(parse(page).getElementsByTagName("svg").getLength()).isEqualTo(4);
  }

  @Test
  void shouldDrawOneBandAndOneMedianPerArmShownWhenTheEvaluationKeptSeries() {
    List<String> arms = new ArrayList<>();
    report.predictions(PredictedBands.TOP).forEach(a -> arms.add(a.arm()));
    List<Element> plots = plots("plot predicted");

    assertThat(arms).hasSize(4).contains(ODD_NAME); // do nothing and the best three, one odd
    assertThat(plots)
        .extracting(p -> p.getAttribute("data-metric"))
        .containsExactly("p99_s", "error_rate");
    for (Element plot : plots) {
      List<Element> bands = elements(plot.getElementsByTagName("path"));
      List<Element> medians = series(plot, "median");
      assertThat(bands).extracting(b -> b.getAttribute("data-arm")).containsExactlyElementsOf(arms);
      assertThat(medians)
          .extracting(m -> m.getAttribute("data-arm"))
          .containsExactlyElementsOf(arms);
      assertThat(medians.get(0).getAttribute("class")).isEqualTo("median baseline");
      for (Element m : medians) {
        long finite =
            java.util.Arrays.stream(m.getAttribute("data-values").split(","))
                .filter(v -> !v.equals("null"))
                .count();
        assertThat(m.getAttribute("points").split(" ")).hasSize((int) finite);
        assertThat(m.getAttribute("data-t").split(","))
            .hasSameSizeAs(m.getAttribute("data-values").split(","));
      }
      assertThat(elements(plot.getElementsByTagName("line")))
          .filteredOn(l -> l.getAttribute("class").equals("slo"))
          .hasSize(1);
    }
    assertThat(source).contains("do nothing (20 replications)", "seconds since onset");
  }

  @Test
  void shouldDrawOnlyTheMeanPlotsWhenTheEvaluationKeptNoSeries() {
    Document page = parse(RehearsalHtml.render(PredictedBandsTest.withoutSeries(report)));

    assertThat(page.getElementsByTagName("svg").getLength()).isEqualTo(2);
    assertThat(page.getElementsByTagName("path").getLength()).isZero();
  }

  @Test
  void shouldBeSelfContainedWhenOpenedOffline() {
    assertThat(html.getElementsByTagName("script").getLength()).isZero();
    assertThat(html.getElementsByTagName("link").getLength()).isZero();
    assertThat(html.getElementsByTagName("img").getLength()).isZero();
    assertThat(
            source
                .replace("http://www.w3.org/1999/xhtml", "")
                .replace("http://www.w3.org/2000/svg", ""))
        .doesNotContain("http:", "https:", "src=", "url(", "@import");
  }

  @Test
  void shouldShowTheRankingAndTheHypothesisWhenSummarising() {
    List<Element> rows = elements(html.getElementsByTagName("tr"));
    assertThat(rows).hasSize(1 + 5);
    assertThat(rows.get(1).getTextContent()).contains("rollback api");
    assertThat(rows.get(4).getAttribute("class")).isEqualTo("baseline");
    assertThat(rows.get(5).getAttribute("class")).isEqualTo("worse");
    assertThat(bold("best")).isEqualTo(json.path("best_candidate").asText());
    assertThat(bold("hypothesis"))
        .isEqualTo(json.path("hypotheses").get(0).path("description").asText());
  }

  private String bold(String css) {
    return elements(html.getElementsByTagName("b")).stream()
        .filter(b -> css.equals(b.getAttribute("class")))
        .findFirst()
        .orElseThrow()
        .getTextContent();
  }

  private static Document parse(String page) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
      return factory
          .newDocumentBuilder()
          .parse(new ByteArrayInputStream(page.getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new AssertionError("the page is not well-formed XML: " + e.getMessage(), e);
    }
  }

  private List<Element> plots(String css) {
    return elements(html.getElementsByTagName("svg")).stream()
        .filter(p -> p.getAttribute("class").equals(css))
        .toList();
  }

  private static List<Element> series(Element plot) {
    return series(plot, "series");
  }

  private static List<Element> series(Element plot, String css) {
    List<Element> out = new ArrayList<>();
    for (Element l : elements(plot.getElementsByTagName("polyline"))) {
      if (l.getAttribute("class").contains(css)) {
        out.add(l);
      }
    }
    return out;
  }

  private static List<Element> elements(NodeList nodes) {
    List<Element> out = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      out.add((Element) nodes.item(i));
    }
    return out;
  }
}
