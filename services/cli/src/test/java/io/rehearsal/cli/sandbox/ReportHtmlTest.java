package io.rehearsal.cli.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Parses the HTML report (it is well-formed XML) and checks it against the JSON of the same run.
 */
class ReportHtmlTest {
  @TempDir static Path dir;
  private static Document html;
  private static String source;
  private static JsonNode json;

  @BeforeAll
  static void rehearse() throws Exception {
    SandboxFixtures.write(dir);
    Path report = dir.resolve("report.html");
    SandboxRun run =
        new SandboxRun(SandboxFixtures.evaluate(dir, "--json", "--html", report.toString()));
    assertThat(run.code).as(run.err.toString()).isZero();
    json = new ObjectMapper().readTree(run.out.toString());
    source = Files.readString(report);
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
    html = factory.newDocumentBuilder().parse(report.toFile());
  }

  @Test
  void shouldDrawOnePlotPerMetricWithOneSeriesPerArmWhenWritten() {
    List<Element> plots = elements(html.getElementsByTagName("svg"));
    assertThat(plots)
        .extracting(p -> p.getAttribute("data-metric"))
        .containsExactly("p99_s", "error_rate");
    List<String> arms = new ArrayList<>();
    json.path("series").forEach(s -> arms.add(s.path("arm").asText()));
    for (Element plot : plots) {
      List<Element> lines = series(plot);
      assertThat(lines).extracting(l -> l.getAttribute("data-arm")).containsExactlyElementsOf(arms);
      assertThat(lines.get(0).getAttribute("class")).contains("baseline");
    }
  }

  @Test
  void shouldPlotTheValuesOfTheJsonWhenComparingSeriesByArm() {
    for (Element plot : elements(html.getElementsByTagName("svg"))) {
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
  void shouldDrawLowerPointsForLowerValuesWhenScalingTheAxis() {
    Element p99 = elements(html.getElementsByTagName("svg")).get(0);
    Element doNothing = series(p99).get(0);
    String[] values = doNothing.getAttribute("data-values").split(",");
    String[] points = doNothing.getAttribute("points").split(" ");
    double early = Double.parseDouble(values[1]);
    double late = Double.parseDouble(values[values.length - 1]);
    double yEarly = Double.parseDouble(points[1].split(",")[1]);
    double yLate = Double.parseDouble(points[points.length - 1].split(",")[1]);
    assertThat(late).isGreaterThan(early);
    assertThat(yLate).isLessThan(yEarly); // SVG y grows downwards
  }

  @Test
  void shouldEscapeEveryNameWhenItHoldsMarkup() {
    assertThat(html.getElementsByTagName("b").getLength()).isPositive(); // our own bold labels only
    for (Element b : elements(html.getElementsByTagName("b"))) {
      assertThat(b.getTextContent()).doesNotContain("restart");
    }
    assertThat(source).doesNotContain(SandboxFixtures.ODD_NAME);
    assertThat(source).contains("&lt;b&gt;restart&lt;/b&gt; &quot;api&quot; &amp; &#39;co&#39;");
    List<String> cells = new ArrayList<>();
    elements(html.getElementsByTagName("td")).forEach(td -> cells.add(td.getTextContent()));
    assertThat(cells).contains(SandboxFixtures.ODD_NAME, "do nothing", "rollback api");
    List<String> arms = new ArrayList<>();
    elements(html.getElementsByTagName("polyline"))
        .forEach(l -> arms.add(l.getAttribute("data-arm")));
    assertThat(arms).contains(SandboxFixtures.ODD_NAME);
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
    String best =
        elements(html.getElementsByTagName("b")).stream()
            .filter(b -> "best".equals(b.getAttribute("class")))
            .findFirst()
            .orElseThrow()
            .getTextContent();
    assertThat(best).isEqualTo(json.path("best_candidate").asText());
    String hypothesis =
        elements(html.getElementsByTagName("b")).stream()
            .filter(b -> "hypothesis".equals(b.getAttribute("class")))
            .findFirst()
            .orElseThrow()
            .getTextContent();
    assertThat(hypothesis).isEqualTo(json.path("hypotheses").get(0).path("description").asText());
  }

  private static List<Element> series(Element plot) {
    List<Element> out = new ArrayList<>();
    for (Element l : elements(plot.getElementsByTagName("polyline"))) {
      if (l.getAttribute("class").contains("series")) {
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
