package io.rehearsal.telemetry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.Base64;
import java.util.List;

/**
 * The canonical JSON form of a {@link ClosedWindow}, as stored in Redis and read back by
 * calibration and drift checks. Latency histograms are embedded as base64 compressed HdrHistograms,
 * next to p50/p90/p99/max in nanoseconds for people reading the JSON.
 */
public final class WindowCodec {

  private static final ObjectMapper JSON =
      JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  record WindowJson(
      long startNanos,
      long lengthNanos,
      List<EndpointJson> endpoints,
      List<CallEdge> edges,
      List<MetricSeries> metrics) {}

  record EndpointJson(
      String service,
      String endpoint,
      long requests,
      long errors,
      long durationSumNanos,
      long p50Nanos,
      long p90Nanos,
      long p99Nanos,
      long maxNanos,
      String latency) {}

  private WindowCodec() {}

  /** The window as UTF-8 JSON. */
  public static byte[] encode(ClosedWindow window) {
    WindowJson json =
        new WindowJson(
            window.startNanos(),
            window.lengthNanos(),
            window.endpoints().stream().map(WindowCodec::toJson).toList(),
            window.edges(),
            window.metrics());
    try {
      return JSON.writeValueAsBytes(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode window " + window.startNanos(), e);
    }
  }

  /**
   * Reads a window written by {@link #encode(ClosedWindow)}.
   *
   * @throws IllegalArgumentException if the bytes are not a valid window
   */
  public static ClosedWindow decode(byte[] bytes) {
    try {
      WindowJson json = JSON.readValue(bytes, WindowJson.class);
      return new ClosedWindow(
          json.startNanos(),
          json.lengthNanos(),
          orEmpty(json.endpoints()).stream().map(e -> fromJson(e, json.lengthNanos())).toList(),
          orEmpty(json.edges()),
          orEmpty(json.metrics()));
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("not a telemetry window: " + e.getMessage(), e);
    }
  }

  private static EndpointJson toJson(EndpointWindow e) {
    LatencyHistogram latency = e.latency();
    return new EndpointJson(
        e.service(),
        e.endpoint(),
        e.requests(),
        e.errors(),
        e.durationSumNanos(),
        latency.valueAtQuantileNanos(0.5),
        latency.valueAtQuantileNanos(0.9),
        latency.valueAtQuantileNanos(0.99),
        latency.maxNanos(),
        Base64.getEncoder().encodeToString(latency.encode()));
  }

  private static EndpointWindow fromJson(EndpointJson e, long lengthNanos) {
    return new EndpointWindow(
        e.service(),
        e.endpoint(),
        lengthNanos,
        e.requests(),
        e.errors(),
        e.durationSumNanos(),
        LatencyHistogram.decode(Base64.getDecoder().decode(e.latency())));
  }

  private static <T> List<T> orEmpty(List<T> values) {
    return values == null ? List.of() : values;
  }
}
