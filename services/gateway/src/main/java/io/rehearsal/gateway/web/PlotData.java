package io.rehearsal.gateway.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rehearsal.proto.v1.Evaluation;
import io.rehearsal.proto.v1.Evidence;
import io.rehearsal.proto.v1.Incident;
import io.rehearsal.proto.v1.MetricKind;
import io.rehearsal.proto.v1.OutcomeStatistics;
import io.rehearsal.proto.v1.SeriesPoint;
import io.rehearsal.proto.v1.SymptomSeries;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The data of the page's two plots (p99 latency, error rate), as uPlot reads it: one x array (epoch
 * seconds) and per series its label, kind and values aligned to x (null where it has none).
 *
 * <p>What is stored decides what is drawn. The incident's observed symptom series are real time
 * series. The sandbox stores each arm's outcome as a distribution over replications of the whole
 * horizon (not the per-arm time series the CLI's report plots), so each arm — "do nothing" and
 * every candidate — is drawn as its predicted mean held over the rehearsed horizon, starting where
 * the observations end.
 */
final class PlotData {

  private static final ObjectMapper JSON = new ObjectMapper();
  static final Duration DEFAULT_HORIZON = Duration.ofMinutes(10);

  private PlotData() {}

  /** Both plots of a decision's evaluation and incident. */
  static ObjectNode of(Evaluation e, Optional<Incident> incident) {
    ObjectNode root = JSON.createObjectNode();
    root.set(
        "p99",
        plot(
            e,
            incident,
            "p99 latency (ms)",
            MetricKind.METRIC_KIND_LATENCY_P99,
            o -> o.getP99LatencyMs()));
    root.set(
        "errorRate",
        plot(e, incident, "error rate", MetricKind.METRIC_KIND_ERROR_RATE, o -> o.getErrorRate()));
    root.put(
        "note",
        "observed: the incident's symptoms; each arm: the predicted mean over the rehearsed horizon"
            + " (the sandbox stores per-arm distributions, not time series)");
    return root;
  }

  private record Line(String label, String kind, List<double[]> points) {}

  private static ObjectNode plot(
      Evaluation e,
      Optional<Incident> incident,
      String title,
      MetricKind metric,
      Function<io.rehearsal.proto.v1.Outcome, OutcomeStatistics> stat) {
    List<Line> lines = new ArrayList<>();
    incident.ifPresent(i -> observed(i, metric, lines));
    double start = start(e, lines);
    Duration horizon =
        e.hasHorizon() && e.getHorizon().getSeconds() > 0
            ? Duration.ofSeconds(e.getHorizon().getSeconds())
            : DEFAULT_HORIZON;
    double end = start + horizon.getSeconds();
    lines.add(flat("do nothing", "baseline", stat.apply(e.getBaseline()).getMean(), start, end));
    e.getEvidenceList().stream()
        .sorted(Comparator.comparingInt(Evidence::getRank))
        .forEach(
            x ->
                lines.add(
                    flat(
                        x.getCandidate().getId(),
                        "candidate",
                        stat.apply(x.getOutcome()).getMean(),
                        start,
                        end)));
    return aligned(title, lines);
  }

  private static void observed(Incident i, MetricKind metric, List<Line> lines) {
    for (SymptomSeries s : i.getSymptomsList()) {
      if (s.getMetric() != metric || s.getPointsCount() == 0) {
        continue;
      }
      List<double[]> points = new ArrayList<>();
      for (SeriesPoint p : s.getPointsList()) {
        points.add(new double[] {p.getTime().getSeconds(), p.getValue()});
      }
      lines.add(new Line("observed " + DetailPage.target(s.getTarget()), "observed", points));
    }
  }

  /** Where the arms start: after the last observation, else when the evaluation was accepted. */
  private static double start(Evaluation e, List<Line> observed) {
    return observed.stream()
        .flatMap(l -> l.points().stream())
        .mapToDouble(p -> p[0])
        .max()
        .orElse(Instant.ofEpochSecond(e.getCreatedAt().getSeconds()).getEpochSecond());
  }

  private static Line flat(String label, String kind, double value, double start, double end) {
    return new Line(label, kind, List.of(new double[] {start, value}, new double[] {end, value}));
  }

  private static ObjectNode aligned(String title, List<Line> lines) {
    TreeSet<Double> xs = new TreeSet<>();
    lines.forEach(l -> l.points().forEach(p -> xs.add(p[0])));
    List<Double> x = List.copyOf(xs);
    ObjectNode plot = JSON.createObjectNode();
    plot.put("title", title);
    ArrayNode xa = plot.putArray("x");
    x.forEach(xa::add);
    ArrayNode series = plot.putArray("series");
    for (Line l : lines) {
      ObjectNode s = series.addObject();
      s.put("label", l.label());
      s.put("kind", l.kind());
      ArrayNode values = s.putArray("values");
      Double[] row = new Double[x.size()];
      l.points().forEach(p -> row[x.indexOf(p[0])] = p[1]);
      for (Double v : row) {
        if (v == null) {
          values.addNull();
        } else {
          values.add(v);
        }
      }
    }
    return plot;
  }
}
