package io.rehearsal.rehearse.incident;

import io.rehearsal.calibration.Attempt;
import io.rehearsal.calibration.Call;
import io.rehearsal.calibration.ServedRequest;
import io.rehearsal.calibration.TraceIndex;
import io.rehearsal.rehearse.fitting.EndpointSymptoms;
import io.rehearsal.rehearse.fitting.SymptomPoint;
import io.rehearsal.rehearse.fitting.Symptoms;
import io.rehearsal.telemetry.Recording;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Extracts incidents from recordings. Each endpoint is measured where the twin measures it: an
 * entry request by its SERVER span, a call by its caller's CLIENT span of each attempt (so time
 * queued for a worker counts, as in the twin and in fidelity). A request counts in the bucket in
 * which it completed; an attempt whose connection failed (no server reached it) is left out of the
 * callee's series. An external dependency (no SERVER span ever answers it) gets a series of its
 * callers' attempts, named as the dependency, each in the bucket it started in (the twin draws a
 * dependency's latency when the call starts); a 429 or an error is a failure. Endpoints are named
 * {@code service/METHOD /route}, as calibration names the twin's endpoints (request classes {@code
 * endpoint @ caller} are pooled into their endpoint).
 */
public final class Incidents {
  private Incidents() {}

  /**
   * The symptoms of every endpoint seen in {@code recording}, sorted by name, from {@code
   * onsetNanos} (epoch) for {@code window} seconds in buckets of {@code bucket} seconds.
   *
   * @throws IllegalArgumentException if the window is not a positive multiple of the bucket or no
   *     endpoint was seen
   */
  public static Symptoms fromRecording(
      Recording recording, long onsetNanos, double window, double bucket) {
    Map<String, Observations> seen = observe(recording);
    return symptoms(seen, List.copyOf(seen.keySet()), onsetNanos, window, bucket);
  }

  /**
   * As {@link #fromRecording(Recording, long, double, double)}, for {@code endpoints} in that order
   * (an endpoint without requests gets empty buckets: NaN latencies, zero throughput).
   */
  public static Symptoms fromRecording(
      Recording recording, long onsetNanos, double window, double bucket, List<String> endpoints) {
    return symptoms(observe(recording), endpoints, onsetNanos, window, bucket);
  }

  /**
   * Each endpoint's healthy figures over [{@code fromNanos}, {@code toNanos}): the mean of its
   * points in buckets of {@code bucket} seconds (so a p99 is a per-bucket p99, as in the symptoms).
   * Endpoints without requests in the period are left out.
   */
  public static Map<String, SymptomPoint> baseline(
      Recording recording, long fromNanos, long toNanos, double bucket, List<String> endpoints) {
    double window = Math.floor((toNanos - fromNanos) / 1e9 / bucket) * bucket;
    long start = toNanos - (long) (window * 1e9);
    Map<String, SymptomPoint> out = new LinkedHashMap<>();
    for (EndpointSymptoms e :
        symptoms(observe(recording), endpoints, start, window, bucket).endpoints()) {
      SymptomPoint mean = SymptomPoint.mean(e.points());
      if (mean.throughput() > 0) {
        out.put(e.endpoint(), mean);
      }
    }
    return out;
  }

  /**
   * A labelled (or, with a null label, unlabelled) incident from a recording: symptoms from the
   * onset for {@code window} seconds and a baseline over the {@code baselineSeconds} before it.
   */
  public static Incident extract(
      String id,
      String title,
      Recording recording,
      long onsetNanos,
      double window,
      double bucket,
      double baselineSeconds,
      IncidentLabel label) {
    Symptoms symptoms = fromRecording(recording, onsetNanos, window, bucket);
    long from = onsetNanos - (long) (baselineSeconds * 1e9);
    Map<String, SymptomPoint> base =
        baseline(recording, from, onsetNanos, bucket, symptoms.names());
    return new Incident(id, title, onsetNanos / 1_000_000, symptoms, base, label);
  }

  private static Symptoms symptoms(
      Map<String, Observations> seen,
      List<String> endpoints,
      long onsetNanos,
      double window,
      double bucket) {
    long n = Math.round(window / bucket);
    if (!(bucket > 0) || n < 1 || Math.abs(n * bucket - window) > 1e-9 * window) {
      throw new IllegalArgumentException(
          "window must be a positive multiple of bucket " + bucket + ", but was " + window);
    }
    List<EndpointSymptoms> series = new ArrayList<>();
    for (String e : endpoints) {
      Observations o = seen.getOrDefault(e, new Observations());
      List<SymptomPoint> points = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        long from = onsetNanos + (long) (i * bucket * 1e9);
        long to = onsetNanos + (long) ((i + 1) * bucket * 1e9);
        SymptomPoint p = o.point(from, to, bucket);
        points.add(p == null ? new SymptomPoint(Double.NaN, Double.NaN, 0, 0) : p);
      }
      series.add(new EndpointSymptoms(e, points));
    }
    return new Symptoms(bucket, series);
  }

  private static Map<String, Observations> observe(Recording recording) {
    Map<String, Observations> out = new TreeMap<>();
    for (ServedRequest request : TraceIndex.of(recording).requests()) {
      if (request.root()) {
        out.computeIfAbsent(base(request.endpoint()), k -> new Observations())
            .add(request.span().endNanos(), request.seconds(), request.span().error());
      }
      for (Call call : request.calls()) {
        Observations o = out.computeIfAbsent(base(call.target()), k -> new Observations());
        for (Attempt a : call.attempts()) {
          if (call.external()) {
            o.add(a.startNanos(), a.seconds(), a.error() || a.rateLimited());
          } else if (reachedServer(a)) {
            o.add(a.endNanos(), a.seconds(), a.error());
          }
        }
      }
    }
    return out;
  }

  /**
   * False for an attempt that never reached a server: unanswered and without any HTTP status, i.e.
   * the connection failed (a dead replica still in the caller's static replica list). The twin
   * routes only to live replicas, so such an attempt is not a request of the endpoint there; it
   * still shows in the caller's own outcome and latency (and its retry is counted). A 503 from a
   * full queue has a status and a timed-out attempt has the callee's SERVER span, so both count.
   */
  private static boolean reachedServer(Attempt a) {
    return a.answered() || a.httpStatus() != 0 || !a.error();
  }

  private static String base(String endpoint) {
    int at = endpoint.indexOf(" @ ");
    return at < 0 ? endpoint : endpoint.substring(0, at);
  }
}
