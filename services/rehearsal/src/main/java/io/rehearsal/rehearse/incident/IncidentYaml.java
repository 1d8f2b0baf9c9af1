package io.rehearsal.rehearse.incident;

import io.rehearsal.rehearse.fitting.EndpointSymptoms;
import io.rehearsal.rehearse.fitting.SymptomPoint;
import io.rehearsal.rehearse.fitting.Symptoms;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * The incident file's document shape: series are columns (one list per measure), so a file stays
 * short and readable; NaN latencies (no successful request in a bucket) are written as null.
 */
final class IncidentYaml {
  private IncidentYaml() {}

  /** The whole file. */
  record Doc(
      String id,
      String title,
      Long onsetEpochMs,
      Double bucket,
      List<Series> endpoints,
      Label label) {}

  /** One endpoint's columns and optional baseline. */
  record Series(
      String endpoint,
      List<Double> p50,
      List<Double> p99,
      List<Double> errorRate,
      List<Double> throughput,
      Point baseline) {}

  /** One point (a baseline). */
  record Point(Double p50, Double p99, Double errorRate, Double throughput) {}

  /** The label. */
  record Label(String kind, String target, String service, Double magnitude) {}

  static Doc toDoc(Incident incident) {
    List<Series> series = new ArrayList<>();
    for (EndpointSymptoms e : incident.symptoms().endpoints()) {
      SymptomPoint base = incident.baseline().get(e.endpoint());
      series.add(
          new Series(
              e.endpoint(),
              column(e.points(), SymptomPoint::p50),
              column(e.points(), SymptomPoint::p99),
              column(e.points(), SymptomPoint::errorRate),
              column(e.points(), SymptomPoint::throughput),
              base == null ? null : point(base)));
    }
    IncidentLabel l = incident.label();
    return new Doc(
        incident.id(),
        incident.title(),
        incident.onsetEpochMs(),
        incident.symptoms().bucket(),
        series,
        l == null ? null : new Label(l.kind(), l.target(), l.service(), l.magnitude()));
  }

  static Incident fromDoc(Doc doc) {
    require(doc.bucket() != null, "bucket", "must be present");
    require(
        doc.endpoints() != null && !doc.endpoints().isEmpty(), "endpoints", "must not be empty");
    List<EndpointSymptoms> series = new ArrayList<>();
    Map<String, SymptomPoint> baseline = new LinkedHashMap<>();
    for (int i = 0; i < doc.endpoints().size(); i++) {
      Series s = doc.endpoints().get(i);
      String path = "endpoints[" + i + "]";
      series.add(at(path, () -> new EndpointSymptoms(s.endpoint(), points(s, path))));
      if (s.baseline() != null) {
        baseline.put(s.endpoint(), at(path + ".baseline", () -> point(s.baseline())));
      }
    }
    Symptoms symptoms = at("endpoints", () -> new Symptoms(doc.bucket(), series));
    IncidentLabel label = doc.label() == null ? null : at("label", () -> label(doc.label()));
    long onset = doc.onsetEpochMs() == null ? 0 : doc.onsetEpochMs();
    return at("", () -> new Incident(doc.id(), doc.title(), onset, symptoms, baseline, label));
  }

  private static List<SymptomPoint> points(Series s, String path) {
    int n = size(s.p50(), path + ".p50");
    size(s.p99(), n, path + ".p99");
    size(s.errorRate(), n, path + ".errorRate");
    size(s.throughput(), n, path + ".throughput");
    List<SymptomPoint> out = new ArrayList<>();
    for (int j = 0; j < n; j++) {
      int k = j;
      out.add(
          at(
              path + "[" + j + "]",
              () ->
                  new SymptomPoint(
                      nan(s.p50().get(k)),
                      nan(s.p99().get(k)),
                      number(s.errorRate().get(k), path + ".errorRate[" + k + "]"),
                      number(s.throughput().get(k), path + ".throughput[" + k + "]"))));
    }
    return out;
  }

  private static IncidentLabel label(Label l) {
    return new IncidentLabel(
        l.kind(), l.target(), l.service(), l.magnitude() == null ? 0 : l.magnitude());
  }

  private static SymptomPoint point(Point p) {
    return new SymptomPoint(
        nan(p.p50()),
        nan(p.p99()),
        number(p.errorRate(), "errorRate"),
        number(p.throughput(), "throughput"));
  }

  private static Point point(SymptomPoint p) {
    return new Point(nullIfNan(p.p50()), nullIfNan(p.p99()), p.errorRate(), p.throughput());
  }

  private static List<Double> column(List<SymptomPoint> points, ToDoubleFunction<SymptomPoint> f) {
    List<Double> out = new ArrayList<>();
    points.forEach(p -> out.add(nullIfNan(f.applyAsDouble(p))));
    return out;
  }

  private static int size(List<Double> column, String path) {
    require(column != null, path, "must be present");
    return column.size();
  }

  private static void size(List<Double> column, int n, String path) {
    require(
        size(column, path) == n,
        path,
        "must have " + n + " points (as p50), but had " + (column == null ? 0 : column.size()));
  }

  private static double number(Double d, String path) {
    require(d != null, path, "must be a number, but was null");
    return d;
  }

  private static double nan(Double d) {
    return d == null ? Double.NaN : d;
  }

  private static Double nullIfNan(double d) {
    return Double.isNaN(d) ? null : d;
  }

  private static void require(boolean ok, String path, String message) {
    if (!ok) {
      throw new InvalidIncidentException(path + ": " + message);
    }
  }

  private static <T> T at(String path, Supplier<T> make) {
    try {
      return make.get();
    } catch (IllegalArgumentException e) {
      throw new InvalidIncidentException((path.isEmpty() ? "" : path + ": ") + e.getMessage());
    }
  }
}
