package io.rehearsal.shop;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The infrastructure overlay ({@code overlay.yaml}): replicas, worker pools, queue limits, call
 * timeouts and retries, and the external dependency's rate limit. The shop's processes are
 * configured from it, so it states what actually ran.
 *
 * @param host the machine every process shares
 * @param services services in start order, by name
 * @param calls policy of each synchronous caller to callee call
 * @param dependencies external dependencies by name
 * @param slos the objectives the shop is held to; the processes do not read them, calibration
 *     copies them into the twin, and the demo hands them to the detector
 */
public record Overlay(
    Host host,
    Map<String, ServiceSpec> services,
    List<CallSpec> calls,
    Map<String, DependencySpec> dependencies,
    List<Slo> slos) {

  /** Validates and copies; the maps keep the file's order. */
  public Overlay {
    require(host != null, "host is missing");
    require(services != null && !services.isEmpty(), "services must not be empty");
    services = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(services));
    calls = List.copyOf(calls == null ? List.of() : calls);
    slos = List.copyOf(slos == null ? List.of() : slos);
    dependencies =
        java.util.Collections.unmodifiableMap(
            new LinkedHashMap<>(dependencies == null ? Map.of() : dependencies));
    for (CallSpec call : calls) {
      require(services.containsKey(call.from()), "calls.from unknown service: " + call.from());
      require(
          services.containsKey(call.to()) || dependencies.containsKey(call.to()),
          "calls.to unknown service or dependency: " + call.to());
    }
  }

  /** Reads and validates an overlay file. */
  public static Overlay load(Path file) throws IOException {
    return yaml().readValue(file.toFile(), Overlay.class);
  }

  /** The policy of calls from {@code from} to {@code to}. */
  public CallSpec call(String from, String to) {
    return calls.stream()
        .filter(c -> c.from().equals(from) && c.to().equals(to))
        .findFirst()
        .orElseThrow(
            () -> new IllegalArgumentException("overlay has no call " + from + " -> " + to));
  }

  static ObjectMapper yaml() {
    return new ObjectMapper(new YAMLFactory())
        .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
  }

  static void require(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }

  /**
   * A service-level objective of an entry endpoint.
   *
   * @param endpoint {@code service/METHOD /path}
   * @param percentile the latency percentile held to {@code latency}
   * @param latency seconds
   * @param availability share of requests that must succeed
   */
  public record Slo(String endpoint, double percentile, double latency, double availability) {}

  /**
   * The one machine.
   *
   * @param cores CPU cores shared by every process of the shop
   */
  public record Host(int cores) {
    /** Validates. */
    public Host {
      require(cores >= 1, "host.cores must be >= 1, but was " + cores);
    }
  }

  /**
   * Deployment of one service.
   *
   * @param replicas processes
   * @param workers worker threads per replica
   * @param queueLimit waiting requests per replica before 503
   * @param cpuLimit cores one replica may use
   */
  public record ServiceSpec(int replicas, int workers, int queueLimit, double cpuLimit) {
    /** Validates. */
    public ServiceSpec {
      require(replicas >= 1 && replicas <= 9, "replicas must be in [1, 9], but was " + replicas);
      require(workers >= 1, "workers must be >= 1, but was " + workers);
      require(queueLimit >= 1, "queueLimit must be >= 1, but was " + queueLimit);
      require(cpuLimit > 0, "cpuLimit must be > 0, but was " + cpuLimit);
    }
  }

  /**
   * Policy of one caller to callee call.
   *
   * @param from calling service
   * @param to called service or dependency
   * @param timeoutMs per attempt
   * @param retries extra attempts on connect failure, 429 or 503
   * @param backoffMs pause before each retry
   */
  public record CallSpec(String from, String to, int timeoutMs, int retries, int backoffMs) {
    /** Validates. */
    public CallSpec {
      require(from != null && to != null, "calls[].from and .to are required");
      require(timeoutMs >= 1, "calls[" + from + "->" + to + "].timeoutMs must be >= 1");
      require(retries >= 0, "calls[" + from + "->" + to + "].retries must be >= 0");
      require(backoffMs >= 0, "calls[" + from + "->" + to + "].backoffMs must be >= 0");
    }
  }

  /**
   * An external dependency.
   *
   * @param rateLimit its token bucket
   */
  public record DependencySpec(RateLimit rateLimit) {
    /** Validates. */
    public DependencySpec {
      require(rateLimit != null, "dependencies.*.rateLimit is required");
    }
  }

  /**
   * A token bucket.
   *
   * @param ratePerSecond refill rate
   * @param burst bucket capacity
   */
  public record RateLimit(double ratePerSecond, int burst) {
    /** Validates. */
    public RateLimit {
      require(ratePerSecond > 0, "rateLimit.ratePerSecond must be > 0, but was " + ratePerSecond);
      require(burst >= 1, "rateLimit.burst must be >= 1, but was " + burst);
    }
  }
}
