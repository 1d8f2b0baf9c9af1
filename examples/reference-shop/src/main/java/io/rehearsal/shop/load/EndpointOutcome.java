package io.rehearsal.shop.load;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * What happened to the requests of one endpoint, as the load generator saw it. Requests that never
 * reached a server (transport errors such as a refused connection to a restarting replica, and
 * arrivals dropped beyond the outstanding bound) leave no span, so their planned times are kept
 * ({@code unansweredOffsetsMs}, milliseconds after the measured start) for whoever counts bad
 * events from the telemetry.
 */
public final class EndpointOutcome {
  private final Histogram latencyMicros = new Histogram(60_000_000L, 3);
  private long ok;
  private long clientErrors;
  private long serverErrors;
  private long timeouts;
  private long transportErrors;
  private long dropped;
  private final List<Long> unansweredOffsetsMs = new ArrayList<>();

  synchronized void answered(int status, long micros) {
    if (status < 400) {
      ok++;
    } else if (status < 500) {
      clientErrors++;
    } else {
      serverErrors++;
    }
    latencyMicros.recordValue(Math.min(micros, latencyMicros.getHighestTrackableValue()));
  }

  synchronized void failed(boolean timeout, long offsetMs) {
    if (timeout) {
      timeouts++;
    } else {
      transportErrors++;
      unansweredOffsetsMs.add(offsetMs);
    }
  }

  synchronized void dropped(long offsetMs) {
    dropped++;
    unansweredOffsetsMs.add(offsetMs);
  }

  /** Requests sent (answered or failed), not counting dropped ones. */
  public synchronized long sent() {
    return ok + clientErrors + serverErrors + timeouts + transportErrors;
  }

  /** Requests answered 2xx/3xx. */
  public synchronized long ok() {
    return ok;
  }

  /** Counts and latency quantiles as a JSON-friendly map. */
  public synchronized Map<String, Object> summary() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("sent", sent());
    out.put("ok", ok);
    out.put("clientErrors", clientErrors);
    out.put("serverErrors", serverErrors);
    out.put("timeouts", timeouts);
    out.put("transportErrors", transportErrors);
    out.put("dropped", dropped);
    out.put("p50Ms", latencyMicros.getValueAtPercentile(50) / 1000.0);
    out.put("p99Ms", latencyMicros.getValueAtPercentile(99) / 1000.0);
    out.put("unansweredOffsetsMs", List.copyOf(unansweredOffsetsMs));
    return out;
  }
}
