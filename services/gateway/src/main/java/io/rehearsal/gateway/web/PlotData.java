package io.rehearsal.gateway.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rehearsal.proto.v1.ArmPrediction;
import io.rehearsal.proto.v1.BucketPercentiles;
import io.rehearsal.proto.v1.Evaluation;
import io.rehearsal.proto.v1.Evidence;
import io.rehearsal.proto.v1.Incident;
import io.rehearsal.proto.v1.MetricKind;
import io.rehearsal.proto.v1.Outcome;
import io.rehearsal.proto.v1.OutcomeStatistics;
import io.rehearsal.proto.v1.PredictedSeries;
import io.rehearsal.proto.v1.SeriesPoint;
import io.rehearsal.proto.v1.SymptomSeries;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The data of the page's two plots (p99 latency, error rate), as uPlot reads it: one x array (epoch
 * seconds) and per series its label, kind and values aligned to x (null where it has none), with
 * {@code low}/{@code high} (the 10–90 % band across replications) for predicted arms.
 *
 * <p>What is stored decides what is drawn, always from the stored evaluation and incident, never
 * from the request. The incident's observed symptom series are real time series. An evaluation with
 * {@code predicted_series} gives each arm's predicted time series ({@link PredictedLines}). An
 * evaluation made before the sandbox stored them only has per-arm distributions over the whole
 * horizon: each arm is then drawn as its predicted mean held flat over the horizon, and the note
 * says so.
 */
final class PlotData {

  private static final ObjectMapper JSON = new ObjectMapper();
  static final Duration DEFAULT_HORIZON = Duration.ofMinutes(10);

  /** The note of an evaluation without per-arm series. */
  static final String FLAT_NOTE =
      "observed: the incident's symptoms. This evaluation was made before the sandbox stored"
          + " per-arm time series, so each arm is its predicted mean held flat over the rehearsed"
          + " horizon.";

  private PlotData() {}

  /** Both plots of a decision's evaluation and incident. */
  static ObjectNode of(Evaluation e, Optional<Incident> incident) {
    boolean predicted = e.hasPredictedSeries() && e.getPredictedSeries().getArmsCount() > 0;
    ObjectNode root = JSON.createObjectNode();
    root.set(
        "p99",
        plot(
            e,
            incident,
            "p99 latency (ms)",
            MetricKind.METRIC_KIND_LATENCY_P99,
            Outcome::getP99LatencyMs,
            ArmPrediction::getP99LatencyMs));
    root.set(
        "errorRate",
        plot(
            e,
            incident,
            "error rate",
            MetricKind.METRIC_KIND_ERROR_RATE,
            Outcome::getErrorRate,
            ArmPrediction::getErrorRate));
    root.put("predicted", predicted);
    root.put("note", predicted ? note(e) : FLAT_NOTE);
    if (predicted) {
      root.put("decision", PredictedLines.decision(e.getPredictedSeries()));
    }
    return root;
  }

  private static String note(Evaluation e) {
    PredictedSeries s = e.getPredictedSeries();
    int replications = s.getArms(0).getReplications();
    return String.format(
        Locale.ROOT,
        "observed: the incident's symptoms. Each arm: the twin's prediction from the incident's"
            + " onset, median of %d replications (do nothing) per %.0f-s bucket with its 10–90 %%"
            + " band; candidates decided %.0f s after onset and drawn from when they act.",
        replications,
        PredictedLines.seconds(s.getBucketWidth()),
        PredictedLines.seconds(s.getDecisionOffset()));
  }

  /** The evaluation's evidence in rank order. */
  static List<Evidence> ranked(Evaluation e) {
    return e.getEvidenceList().stream().sorted(Comparator.comparingInt(Evidence::getRank)).toList();
  }

  private static ObjectNode plot(
      Evaluation e,
      Optional<Incident> incident,
      String title,
      MetricKind metric,
      Function<Outcome, OutcomeStatistics> stat,
      Function<ArmPrediction, BucketPercentiles> series) {
    List<PlotLine> lines = new ArrayList<>();
    incident.ifPresent(i -> observed(i, metric, lines));
    if (e.hasPredictedSeries() && e.getPredictedSeries().getArmsCount() > 0) {
      lines.addAll(PredictedLines.of(e, series));
    } else {
      flat(e, stat, lines);
    }
    return aligned(title, lines);
  }

  private static void observed(Incident i, MetricKind metric, List<PlotLine> lines) {
    for (SymptomSeries s : i.getSymptomsList()) {
      if (s.getMetric() != metric || s.getPointsCount() == 0) {
        continue;
      }
      List<double[]> points = new ArrayList<>();
      for (SeriesPoint p : s.getPointsList()) {
        points.add(PlotLine.point(p.getTime().getSeconds(), p.getValue()));
      }
      lines.add(
          new PlotLine("observed " + DetailPage.target(s.getTarget()), "observed", false, points));
    }
  }

  /**
   * The old evaluations' lines: each arm's mean held from the observations' end over the horizon.
   */
  private static void flat(
      Evaluation e, Function<Outcome, OutcomeStatistics> stat, List<PlotLine> lines) {
    double start = start(e, lines);
    Duration horizon =
        e.hasHorizon() && e.getHorizon().getSeconds() > 0
            ? Duration.ofSeconds(e.getHorizon().getSeconds())
            : DEFAULT_HORIZON;
    double end = start + horizon.getSeconds();
    lines.add(flat("do nothing", "baseline", stat.apply(e.getBaseline()).getMean(), start, end));
    for (Evidence x : ranked(e)) {
      double mean = stat.apply(x.getOutcome()).getMean();
      lines.add(flat(x.getCandidate().getId(), "candidate", mean, start, end));
    }
  }

  /** Where flat arms start: after the last observation, else when the evaluation was accepted. */
  private static double start(Evaluation e, List<PlotLine> observed) {
    return observed.stream()
        .flatMap(l -> l.points().stream())
        .mapToDouble(p -> p[0])
        .max()
        .orElse(e.getCreatedAt().getSeconds());
  }

  private static PlotLine flat(String label, String kind, double value, double start, double end) {
    return new PlotLine(
        label, kind, false, List.of(PlotLine.point(start, value), PlotLine.point(end, value)));
  }

  private static ObjectNode aligned(String title, List<PlotLine> lines) {
    TreeSet<Double> xs = new TreeSet<>();
    lines.forEach(l -> l.points().forEach(p -> xs.add(p[0])));
    List<Double> x = List.copyOf(xs);
    ObjectNode plot = JSON.createObjectNode();
    plot.put("title", title);
    ArrayNode xa = plot.putArray("x");
    x.forEach(xa::add);
    ArrayNode series = plot.putArray("series");
    for (PlotLine l : lines) {
      ObjectNode s = series.addObject();
      s.put("label", l.label());
      s.put("kind", l.kind());
      column(s.putArray("values"), x, l, 1);
      if (l.banded()) {
        column(s.putArray("low"), x, l, 2);
        column(s.putArray("high"), x, l, 3);
      }
    }
    return plot;
  }

  /** Component {@code k} of the line's points aligned to x: null where absent or not a number. */
  private static void column(ArrayNode out, List<Double> x, PlotLine l, int k) {
    Double[] row = new Double[x.size()];
    for (double[] p : l.points()) {
      row[Collections.binarySearch(x, p[0])] = Double.isFinite(p[k]) ? p[k] : null;
    }
    for (Double v : row) {
      if (v == null) {
        out.addNull();
      } else {
        out.add(v);
      }
    }
  }
}
