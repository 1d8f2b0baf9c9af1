package io.rehearsal.ml.incident;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Incidents from per-endpoint requests. Feed requests and calls as they arrive, then move the clock
 * with {@link #advanceTo}: every second that is at least the lateness behind the clock is judged
 * once, in order. The clock is the caller's, so a replay runs in simulated time; the same input
 * gives the same incidents. Not thread-safe: one caller at a time.
 *
 * <pre>{@code
 * IncidentEngine engine = new IncidentEngine(IncidentConfig.defaults(), slos);
 * engine.recordCall("frontend", "catalog");
 * engine.recordRequest("catalog", "GET /items", endMillis, 12.5, false, spanId);
 * List<IncidentEvent> events = engine.advanceTo(nowMillis);
 * }</pre>
 */
public final class IncidentEngine {
  /** Requests further ahead of the clock than this are taken as clock skew and dropped. */
  static final long MAX_AHEAD_SECONDS = 120;

  private static final int REMEMBERED_IDS = 200_000;

  private final IncidentConfig config;
  private final Map<String, Slo> slos = new HashMap<>();
  private final Map<String, EndpointWatch> watches = new TreeMap<>();
  private final Map<String, ServiceConcurrency> services = new TreeMap<>();
  private final CallGraph graph = new CallGraph();
  private final IncidentBook book;
  private final LinkedHashSet<Long> recentIds = new LinkedHashSet<>();
  private long judgedUpTo = Long.MIN_VALUE;
  private long clockMillis = Long.MIN_VALUE;
  private long accepted;
  private long invalid;
  private long notFinite;
  private long late;
  private long future;
  private long duplicate;
  private long clockBackwards;

  /**
   * An engine with these parameters and SLOs (endpoints without an SLO get baseline anomalies
   * only).
   *
   * @throws IllegalArgumentException when two SLOs name the same endpoint
   */
  public IncidentEngine(IncidentConfig config, Collection<Slo> slos) {
    this.config = java.util.Objects.requireNonNull(config, "config");
    for (Slo slo : slos) {
      if (this.slos.put(slo.service() + '/' + slo.endpoint(), slo) != null) {
        throw new IllegalArgumentException("two SLOs for " + slo.service() + '/' + slo.endpoint());
      }
    }
    this.book = new IncidentBook(config.grouping(), graph);
  }

  /** Records that {@code caller} called {@code callee} (from a trace's parent/child spans). */
  public void recordCall(String caller, String callee) {
    if (caller == null || callee == null || caller.isBlank() || callee.isBlank()) {
      invalid++;
      return;
    }
    graph.add(caller, callee);
  }

  /**
   * Records one served request; bad input is counted in {@link #counters()} and dropped.
   *
   * @param service the serving service
   * @param endpoint the endpoint served
   * @param endMillis when the request ended, epoch milliseconds
   * @param latencyMillis how long it took
   * @param error whether it failed
   * @param requestId an id unique per request (e.g. the span id) to drop duplicates; 0 for none
   * @return whether the request was counted
   */
  public boolean recordRequest(
      String service,
      String endpoint,
      long endMillis,
      double latencyMillis,
      boolean error,
      long requestId) {
    if (service == null || endpoint == null || service.isBlank() || endpoint.isBlank()) {
      invalid++;
      return false;
    }
    if (!Double.isFinite(latencyMillis) || latencyMillis < 0) {
      notFinite++;
      return false;
    }
    long second = Math.floorDiv(endMillis, 1000L);
    if (judgedUpTo != Long.MIN_VALUE && second <= judgedUpTo) {
      late++;
      return false;
    }
    if (clockMillis != Long.MIN_VALUE && second > clockMillis / 1000 + MAX_AHEAD_SECONDS) {
      future++;
      return false;
    }
    if (requestId != 0 && !remember(requestId)) {
      duplicate++;
      return false;
    }
    String key = service + '/' + endpoint;
    EndpointWatch watch =
        watches.computeIfAbsent(
            key, k -> new EndpointWatch(service, endpoint, slos.get(k), config));
    if (!watch.add(second, latencyMillis, error)) {
      late++;
      return false;
    }
    services
        .computeIfAbsent(service, k -> new ServiceConcurrency(service, config))
        .add(second, endMillis - latencyMillis, endMillis);
    accepted++;
    return true;
  }

  private boolean remember(long id) {
    if (!recentIds.add(id)) {
      return false;
    }
    if (recentIds.size() > REMEMBERED_IDS) {
      recentIds.remove(recentIds.iterator().next());
    }
    return true;
  }

  /**
   * Moves the clock to {@code nowMillis} and judges every second that ended at least the lateness
   * before it. A time before the clock is counted and ignored.
   *
   * @return the incident changes, in time order
   */
  public List<IncidentEvent> advanceTo(long nowMillis) {
    if (clockMillis != Long.MIN_VALUE && nowMillis < clockMillis) {
      clockBackwards++;
      return List.of();
    }
    clockMillis = nowMillis;
    long last = Math.floorDiv(nowMillis, 1000L) - 1 - config.latenessSeconds();
    if (judgedUpTo == Long.MIN_VALUE) {
      judgedUpTo = last - 1;
    }
    List<IncidentEvent> events = new ArrayList<>();
    for (long second = judgedUpTo + 1; second <= last; second++) {
      List<Symptom> active = new ArrayList<>();
      for (EndpointWatch watch : watches.values()) {
        active.addAll(watch.judge(second));
      }
      for (ServiceConcurrency service : services.values()) {
        service.judge(second).ifPresent(active::add);
      }
      events.addAll(book.apply(second, active));
      judgedUpTo = second;
    }
    return events;
  }

  /** Marks an open incident as being mitigated; empty when it is not open. */
  public Optional<IncidentEvent> mitigating(String incidentId) {
    return book.mitigating(incidentId, Math.max(judgedUpTo, 0));
  }

  /** Every incident so far, in the order they were opened. */
  public List<Incident> incidents() {
    return book.all();
  }

  /** What was refused so far. */
  public InputCounters counters() {
    return new InputCounters(accepted, invalid, notFinite, late, future, duplicate, clockBackwards);
  }
}
