package io.rehearsal.calibration;

import io.rehearsal.telemetry.MetricKind;
import io.rehearsal.telemetry.MetricPoint;
import io.rehearsal.telemetry.Recording;
import io.rehearsal.telemetry.Span;
import io.rehearsal.telemetry.SpanKind;
import io.rehearsal.twin.random.RandomStream;
import io.rehearsal.twin.random.StreamFactory;
import io.rehearsal.twin.spec.CallSpec;
import io.rehearsal.twin.spec.DependencySpec;
import io.rehearsal.twin.spec.Distribution;
import io.rehearsal.twin.spec.EndpointSpec;
import io.rehearsal.twin.spec.ServiceSpec;
import io.rehearsal.twin.spec.TrafficSpec;
import io.rehearsal.twin.spec.TwinSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Traces a known twin spec would produce without contention (every worker free, no CPU sharing):
 * Poisson arrivals (thinned from the spec's arrival patterns), self time drawn from the spec and
 * split around the calls (half before, half after), call groups in order with parallel calls in a
 * group, a CLIENT span per call with a small network delay on each side, dependencies with their
 * latency, error rate and token bucket (429s), and own errors. Also writes cumulative {@code
 * process.cpu.time} per service every two seconds: CPU = cpuFraction x self time of the requests
 * completed, plus a background, plus noise.
 */
final class SyntheticTraces {
  static final long T0 = 1_700_000_000_000_000_000L;
  static final double NETWORK = 0.0002;

  private final TwinSpec spec;
  private final StreamFactory streams;
  private final Map<String, EndpointSpec> endpoints = new HashMap<>();
  private final Map<String, DependencySpec> dependencies = new HashMap<>();
  private final Map<String, double[]> buckets = new HashMap<>();
  private final Map<String, RandomStream> cache = new HashMap<>();
  private final List<Span> spans = new ArrayList<>();
  private final Map<String, TreeMap<Double, Double>> cpuAt = new TreeMap<>();
  private long nextId = 1;
  private double background;
  private double cpuNoise;

  SyntheticTraces(TwinSpec spec, long seed) {
    this.spec = spec;
    this.streams = new StreamFactory(seed, 0);
    for (ServiceSpec s : spec.services()) {
      for (EndpointSpec e : s.endpoints()) {
        endpoints.put(s.name() + "/" + e.name(), e);
      }
      cpuAt.put(s.name(), new TreeMap<>());
    }
    spec.dependencies().forEach(d -> dependencies.put(d.name(), d));
  }

  private RandomStream stream(String name) {
    return cache.computeIfAbsent(name, streams::stream);
  }

  /** Adds a per-service background CPU (cores) and Gaussian noise (CPU seconds per point). */
  SyntheticTraces withCpu(double backgroundCores, double noiseSeconds) {
    this.background = backgroundCores;
    this.cpuNoise = noiseSeconds;
    return this;
  }

  /** Generates {@code seconds} of traffic and returns the recording. */
  Recording generate(double seconds) {
    TreeMap<Double, String> arrivals = new TreeMap<>();
    for (TrafficSpec source : spec.traffic()) {
      RandomStream r = stream("arrivals:" + source.endpoint());
      double max = source.arrivals().maxRate();
      for (double t = r.nextExponential(1 / max); t < seconds; t += r.nextExponential(1 / max)) {
        if (r.nextDouble() * max < source.arrivals().rateAt(t)) {
          arrivals.put(t, source.endpoint());
        }
      }
    }
    arrivals.forEach((t, endpoint) -> serve(nextId++, 0, endpoint, t));
    return Recording.of(spans, metrics(seconds));
  }

  private record Outcome(double end, boolean error) {}

  private Outcome serve(long trace, long parent, String ref, double start) {
    EndpointSpec e = endpoints.get(ref);
    String service = ref.substring(0, ref.indexOf('/'));
    long id = nextId++;
    double self = sample(e.selfTime(), stream("self:" + ref));
    double t = start + self / 2;
    boolean failed = false;
    int group = 0;
    int maxGroup = e.calls().stream().mapToInt(CallSpec::group).max().orElse(-1);
    for (; group <= maxGroup && !failed; group++) {
      double groupEnd = t;
      for (CallSpec call : e.calls()) {
        if (call.group() == group
            && stream("p:" + ref + call.to()).nextDouble() < call.probability()) {
          Outcome o = call(trace, id, service, call.to(), t);
          groupEnd = Math.max(groupEnd, o.end());
          failed |= o.error();
        }
      }
      t = groupEnd;
    }
    double end = t + self / 2;
    boolean own = stream("error:" + ref).nextDouble() < e.errorProbability();
    boolean error = failed || own;
    spans.add(
        span(
            trace,
            id,
            parent,
            service,
            ref.substring(service.length() + 1),
            SpanKind.SERVER,
            start,
            end,
            error,
            error ? 500 : 200,
            ""));
    cpuAt.get(service).merge(end, self * e.cpuFraction(), Double::sum);
    return new Outcome(end, error);
  }

  private Outcome call(long trace, long parent, String service, String target, double start) {
    long id = nextId++;
    if (target.contains("/")) {
      Outcome answer = serve(trace, id, target, start + NETWORK);
      double end = answer.end() + NETWORK;
      String name = target.substring(target.indexOf('/') + 1);
      spans.add(
          span(
              trace,
              id,
              parent,
              service,
              name,
              SpanKind.CLIENT,
              start,
              end,
              answer.error(),
              answer.error() ? 500 : 200,
              target.substring(0, target.indexOf('/'))));
      return new Outcome(end, answer.error());
    }
    DependencySpec d = dependencies.get(target);
    if (d.rateLimit() != null && !token(d, start)) {
      spans.add(
          span(
              trace,
              id,
              parent,
              service,
              "POST",
              SpanKind.CLIENT,
              start,
              start + NETWORK,
              true,
              429,
              target));
      return new Outcome(start + NETWORK, true);
    }
    double end = start + sample(d.latency(), stream("latency:" + target));
    boolean error = stream("dep-error:" + target).nextDouble() < d.errorRate();
    spans.add(
        span(
            trace,
            id,
            parent,
            service,
            "POST",
            SpanKind.CLIENT,
            start,
            end,
            error,
            error ? 500 : 200,
            target));
    return new Outcome(end, error);
  }

  private boolean token(DependencySpec d, double now) {
    double[] b = buckets.computeIfAbsent(d.name(), k -> new double[] {d.rateLimit().burst(), now});
    if (now > b[1]) {
      b[0] = Math.min(d.rateLimit().burst(), b[0] + (now - b[1]) * d.rateLimit().rate());
      b[1] = now;
    }
    if (b[0] >= 1) {
      b[0] -= 1;
      return true;
    }
    return false;
  }

  private List<MetricPoint> metrics(double seconds) {
    List<MetricPoint> out = new ArrayList<>();
    RandomStream noise = stream("cpu-noise");
    for (Map.Entry<String, TreeMap<Double, Double>> entry : cpuAt.entrySet()) {
      double total = 0;
      double last = 0;
      for (double t = 2; t <= seconds; t += 2) {
        double work =
            entry.getValue().subMap(last, true, t, false).values().stream()
                .mapToDouble(Double::doubleValue)
                .sum();
        total = Math.max(total, total + work + background * 2 + cpuNoise * noise.nextGaussian());
        last = t;
        out.add(
            new MetricPoint(
                entry.getKey(),
                "process.cpu.time",
                "s",
                Map.of(),
                MetricKind.SUM,
                true,
                T0,
                nanos(t),
                total,
                0));
      }
    }
    return out;
  }

  private Span span(
      long trace,
      long id,
      long parent,
      String service,
      String endpoint,
      SpanKind kind,
      double start,
      double end,
      boolean error,
      int status,
      String peer) {
    return new Span(
        0,
        trace,
        id,
        parent,
        service,
        endpoint,
        endpoint,
        kind,
        nanos(start),
        Math.max(nanos(start), nanos(end)),
        error,
        status,
        peer);
  }

  static long nanos(double seconds) {
    return T0 + Math.round(seconds * 1e9);
  }

  /** Draws from a spec distribution. */
  static double sample(Distribution d, RandomStream r) {
    if (d instanceof Distribution.Constant c) {
      return c.value();
    } else if (d instanceof Distribution.Exponential e) {
      return r.nextExponential(e.mean());
    } else if (d instanceof Distribution.LogNormal l) {
      return Math.exp(Math.log(l.p50()) + l.sigma() * r.nextGaussian());
    } else if (d instanceof Distribution.Gamma g) {
      return r.nextGamma(g.shape(), g.mean() / g.shape());
    }
    List<Double> q = ((Distribution.Empirical) d).quantiles();
    double x = r.nextDouble() * (q.size() - 1);
    int i = (int) x;
    return q.get(i) + (x - i) * (q.get(Math.min(i + 1, q.size() - 1)) - q.get(i));
  }
}
