package io.rehearsal.calibration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.rehearsal.twin.spec.AutoscalerSpec;
import io.rehearsal.twin.spec.Distribution;
import io.rehearsal.twin.spec.SloSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The infrastructure overlay: deployment facts that telemetry cannot show, mirrored from the
 * deployment manifests. Merged into a calibrated twin with one precedence rule: the overlay wins
 * for infrastructure (replicas, workers, queue limits, cores and CPU limits, timeouts, retries,
 * rate limits, autoscalers), telemetry wins for measured behaviour (self times, fan-out, error and
 * arrival rates, dependency latency).
 *
 * <pre>{@code
 * host: {cores: 2}
 * services:
 *   catalog: {replicas: 2, workers: 3, queueLimit: 16, cpuLimit: 2.0}
 * calls:
 *   - {from: frontend, to: catalog, timeoutMs: 1000, retries: 1, backoffMs: 0}
 * dependencies:
 *   payment-gateway: {rateLimit: {ratePerSecond: 10, burst: 10}}
 * databases:
 *   orders-service: {connections: 10}   # a database by name, or the one a service calls
 * sampling: {ratio: 0.1}                # only needed without request metrics
 * slos:                                 # what the entry endpoints are held to
 *   - {endpoint: frontend/GET /browse, percentile: 99, latency: 0.5, availability: 0.99}
 * }</pre>
 *
 * @param host the machine the processes share, or null (no CPU contention is modelled)
 * @param services deployment facts per service name
 * @param calls policies of calls from one service to another service or a dependency
 * @param dependencies facts per external dependency name
 * @param sampling the share of traces kept, for recordings without complete request metrics, or
 *     null
 * @param databases facts per database, keyed by its name or by the one service that calls it
 * @param slos the service-level objectives the deployment is held to (latency in seconds at a
 *     percentile, availability), copied into the twin: the sandbox ranks remediations by them
 */
public record Overlay(
    Host host,
    Map<String, ServiceOverlay> services,
    List<CallOverlay> calls,
    Map<String, DependencyOverlay> dependencies,
    SamplingRatio sampling,
    Map<String, DatabaseOverlay> databases,
    List<SloSpec> slos) {

  /** An overlay that states nothing: everything comes from telemetry and defaults. */
  public static final Overlay EMPTY = new Overlay(null, null, null, null, null, null, null);

  private static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory())
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .configure(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS, true);

  /** Copies the collections; the maps keep the file's order. */
  public Overlay {
    services = copy(services);
    calls = calls == null ? List.of() : List.copyOf(calls);
    dependencies = copy(dependencies);
    databases = copy(databases);
    slos = slos == null ? List.of() : List.copyOf(slos);
  }

  /** The overlay's sampling ratio, or null. */
  public Double samplingRatio() {
    return sampling == null ? null : sampling.ratio();
  }

  /**
   * Parses an overlay from YAML.
   *
   * @throws OverlayException naming the path of the bad field
   */
  public static Overlay fromYaml(String text) {
    if (text.isBlank()) {
      return EMPTY;
    }
    try {
      Overlay overlay = YAML.readValue(text, Overlay.class);
      return overlay == null ? EMPTY : overlay;
    } catch (JsonMappingException e) {
      throw translate(e);
    } catch (JsonProcessingException e) {
      throw new OverlayException("syntax error: " + e.getOriginalMessage());
    }
  }

  /** Reads an overlay file. */
  public static Overlay read(Path file) {
    try {
      return fromYaml(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read overlay " + file, e);
    } catch (OverlayException e) {
      throw new OverlayException(file + ": " + e.getMessage());
    }
  }

  /**
   * Checks that every name in the overlay is one the telemetry saw.
   *
   * @throws OverlayException naming the path and the unknown name
   */
  public void checkNames(Collection<String> knownServices, Collection<String> knownDependencies) {
    for (String name : services.keySet()) {
      known("services." + name, "service", name, knownServices);
    }
    for (String name : dependencies.keySet()) {
      known("dependencies." + name, "dependency", name, knownDependencies);
    }
    for (int i = 0; i < calls.size(); i++) {
      CallOverlay call = calls.get(i);
      known("calls[" + i + "].from", "service", call.from(), knownServices);
      Set<String> targets = new java.util.TreeSet<>(knownServices);
      targets.addAll(knownDependencies);
      known("calls[" + i + "].to", "service or dependency", call.to(), targets);
    }
  }

  /**
   * Checks that every SLO names an endpoint the telemetry saw.
   *
   * @throws OverlayException naming the path and the unknown endpoint
   */
  public void checkSloEndpoints(Collection<String> knownEndpoints) {
    for (int i = 0; i < slos.size(); i++) {
      known("slos[" + i + "].endpoint", "endpoint", slos.get(i).endpoint(), knownEndpoints);
    }
  }

  /** The policy of calls from {@code from} to {@code to}, or null. */
  public CallOverlay call(String from, String to) {
    return calls.stream()
        .filter(c -> c.from().equals(from) && c.to().equals(to))
        .findFirst()
        .orElse(null);
  }

  private static void known(String path, String kind, String name, Collection<String> known) {
    if (!known.contains(name)) {
      throw OverlayException.at(
          path,
          "unknown "
              + kind
              + " '"
              + name
              + "'; the telemetry has "
              + new java.util.TreeSet<>(known));
    }
  }

  private static <V> Map<String, V> copy(Map<String, V> map) {
    return map == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }

  private static OverlayException translate(JsonMappingException e) {
    String path = path(e.getPath());
    if (path.isEmpty()) {
      return new OverlayException(e.getOriginalMessage());
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof OverlayException bad) {
        return new OverlayException(
            path.isEmpty() ? bad.getMessage() : path + "." + bad.getMessage());
      }
      if (t instanceof IllegalArgumentException bad && t != e) {
        return OverlayException.at(path, bad.getMessage());
      }
    }
    if (e instanceof UnrecognizedPropertyException unknown) {
      return OverlayException.at(
          path, "unknown field; known fields are " + unknown.getKnownPropertyIds());
    }
    return OverlayException.at(path, e.getOriginalMessage());
  }

  private static String path(List<JsonMappingException.Reference> refs) {
    StringBuilder out = new StringBuilder();
    for (JsonMappingException.Reference ref : refs) {
      if (ref.getFieldName() != null) {
        out.append(out.length() == 0 ? "" : ".").append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        out.append('[').append(ref.getIndex()).append(']');
      }
    }
    return out.toString();
  }

  private static void check(boolean ok, String field, String message) {
    if (!ok) {
      throw OverlayException.at(field, message);
    }
  }

  /**
   * The machine every process shares.
   *
   * @param cores CPU cores (may be fractional)
   */
  public record Host(double cores) {
    /** Validates the cores. */
    public Host {
      check(cores > 0 && Double.isFinite(cores), "cores", "must be > 0, but was " + cores);
    }
  }

  /**
   * Deployment facts of one service; every field is optional.
   *
   * @param replicas processes (pods)
   * @param workers worker threads per replica
   * @param queueLimit requests that may wait for a worker per replica
   * @param cpuLimit cores one replica may use
   * @param autoscaler horizontal autoscaler
   * @param startup startup latency of a new replica
   */
  public record ServiceOverlay(
      Integer replicas,
      Integer workers,
      Integer queueLimit,
      Double cpuLimit,
      AutoscalerSpec autoscaler,
      Distribution startup) {
    /** Validates the facts that are given. */
    public ServiceOverlay {
      check(replicas == null || replicas >= 0, "replicas", "must be >= 0, but was " + replicas);
      check(workers == null || workers >= 1, "workers", "must be >= 1, but was " + workers);
      check(
          queueLimit == null || queueLimit >= 0,
          "queueLimit",
          "must be >= 0, but was " + queueLimit);
      check(cpuLimit == null || cpuLimit > 0, "cpuLimit", "must be > 0, but was " + cpuLimit);
    }
  }

  /**
   * The policy of calls from one service to another service or a dependency.
   *
   * @param from calling service
   * @param to called service or dependency
   * @param timeoutMs timeout per attempt in milliseconds (absent: none)
   * @param retries extra attempts after a failed one (absent: none)
   * @param backoffMs pause before each retry in milliseconds (absent: 0)
   */
  public record CallOverlay(
      String from, String to, Integer timeoutMs, Integer retries, Integer backoffMs) {
    /** Validates the policy. */
    public CallOverlay {
      check(from != null && !from.isBlank(), "from", "must name a service, but was " + from);
      check(to != null && !to.isBlank(), "to", "must name a service or dependency, but was " + to);
      check(timeoutMs == null || timeoutMs >= 1, "timeoutMs", "must be >= 1, but was " + timeoutMs);
      check(retries == null || retries >= 0, "retries", "must be >= 0, but was " + retries);
      check(backoffMs == null || backoffMs >= 0, "backoffMs", "must be >= 0, but was " + backoffMs);
    }
  }

  /**
   * Facts of an external dependency.
   *
   * @param rateLimit its token bucket, or null
   */
  public record DependencyOverlay(RateLimit rateLimit) {}

  /**
   * The share of traces a sampler kept.
   *
   * @param ratio in (0, 1]
   */
  public record SamplingRatio(double ratio) {
    /** Validates the ratio. */
    public SamplingRatio {
      check(ratio > 0 && ratio <= 1, "ratio", "must be in (0, 1], but was " + ratio);
    }
  }

  /**
   * Facts of a database.
   *
   * @param connections connection pool size of its callers
   */
  public record DatabaseOverlay(Integer connections) {
    /** Validates the pool. */
    public DatabaseOverlay {
      check(
          connections == null || connections >= 1,
          "connections",
          "must be >= 1, but was " + connections);
    }
  }

  /**
   * A token bucket.
   *
   * @param ratePerSecond refill rate
   * @param burst capacity
   */
  public record RateLimit(double ratePerSecond, double burst) {
    /** Validates the bucket. */
    public RateLimit {
      check(ratePerSecond > 0, "ratePerSecond", "must be > 0, but was " + ratePerSecond);
      check(burst >= 1, "burst", "must be >= 1, but was " + burst);
    }
  }
}
