package io.rehearsal.detector.incident;

import io.rehearsal.ml.incident.Incident;
import io.rehearsal.ml.incident.IncidentEngine;
import io.rehearsal.ml.incident.IncidentEvent;
import io.rehearsal.ml.incident.InputCounters;
import io.rehearsal.telemetry.Span;
import io.rehearsal.telemetry.SpanKind;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * The detector's incident detection: received spans go to an {@link IncidentEngine} (SERVER and
 * CONSUMER spans as requests, CLIENT spans' peers as calls), and the ingest clock advances it; each
 * incident change goes to a listener. Thread-safe: the ingest worker feeds and ticks it while
 * readers list incidents.
 */
public final class IncidentMonitor {
  private static final Logger LOG = Logger.getLogger(IncidentMonitor.class);

  private final Supplier<IncidentEngine> engines;
  private final Consumer<IncidentEvent> listener;
  private final LongConsumer advanced;
  private final boolean eventTime;
  private final long sessionGapMillis;
  private final LongConsumer sessionEnded;
  private IncidentEngine engine;
  private InputCounters earlier = new InputCounters(0, 0, 0, 0, 0, 0, 0);
  private long sessions = 1;
  private long latestEndMillis = Long.MIN_VALUE;
  private long listenerFailures;
  private volatile Consumer<List<Span>> tap = spans -> {};

  /**
   * A monitor over {@code engine}.
   *
   * @param engine the detection logic, used by this monitor only
   * @param listener receives every incident change, in order; its failures are counted and logged
   *     once, never thrown into ingestion
   */
  public IncidentMonitor(IncidentEngine engine, Consumer<IncidentEvent> listener) {
    this(() -> engine, listener, millis -> {}, false, Long.MAX_VALUE, millis -> {});
  }

  /**
   * A monitor that also tells {@code advanced} every detection time it reached.
   *
   * @param engines makes the engine, once at the start and again for every new replay session
   * @param eventTime true to run detection on the latest span end received instead of the clock
   *     {@link #advanceTo} is given (replays): each batch first moves detection to its earliest
   *     end, so the batch is never late, and every tick moves it to the latest end received
   * @param sessionGapMillis with event time, a batch starting more than this after the latest end
   *     received starts a new replay session: a fresh engine, as a freshly started detector has
   * @param sessionEnded told the latest end of a session that ended, before the next one starts
   */
  public IncidentMonitor(
      Supplier<IncidentEngine> engines,
      Consumer<IncidentEvent> listener,
      LongConsumer advanced,
      boolean eventTime,
      long sessionGapMillis,
      LongConsumer sessionEnded) {
    this.engines = engines;
    this.engine = engines.get();
    this.listener = listener;
    this.advanced = advanced;
    this.eventTime = eventTime;
    this.sessionGapMillis = sessionGapMillis;
    this.sessionEnded = sessionEnded;
  }

  /** Also hands every batch of received spans to {@code tap} (e.g. the loop's recent spans). */
  public void tap(Consumer<List<Span>> tap) {
    this.tap = tap;
  }

  /** Feeds received spans; bad ones are counted by the engine. */
  public synchronized void onSpans(List<Span> spans) {
    try {
      tap.accept(spans);
    } catch (RuntimeException e) {
      if (listenerFailures++ == 0) {
        LOG.warnf(e, "Cannot hand on received spans; counting further failures");
      }
    }
    if (eventTime) {
      long earliest = spans.stream().mapToLong(s -> s.endNanos() / 1_000_000).min().orElseThrow();
      long latest = spans.stream().mapToLong(s -> s.endNanos() / 1_000_000).max().orElseThrow();
      if (earliest > latestEndMillis) {
        if (latestEndMillis != Long.MIN_VALUE && earliest - latestEndMillis > sessionGapMillis) {
          newSession();
        }
        detectAt(earliest);
      }
      latestEndMillis = Math.max(latestEndMillis, latest);
    }
    for (Span span : spans) {
      feed(engine, span);
    }
    if (eventTime) {
      // Judge as event time moves, not only on ticks: a backlog drained between two ticks can
      // hold more event time than an endpoint's ring of seconds, whose unjudged seconds would be
      // overwritten and judged empty (spurious THROUGHPUT symptoms in fast replays).
      detectAt(latestEndMillis);
    }
  }

  /** Feeds one span to an engine: a served request or a call between services. */
  static void feed(IncidentEngine engine, Span span) {
    if (span.kind() == SpanKind.CLIENT
        && !span.peer().isEmpty()
        && !span.peer().startsWith(Span.DATABASE_PEER)) {
      engine.recordCall(span.service(), span.peer());
    } else if (span.kind().servesRequest()) {
      engine.recordRequest(
          span.service(),
          span.endpoint(),
          span.endNanos() / 1_000_000,
          span.durationNanos() / 1e6,
          span.error() || span.httpStatus() >= 500,
          span.spanId());
    }
  }

  /** Moves detection time to {@code nowMillis} and hands the changes to the listener. */
  public synchronized List<IncidentEvent> advanceTo(long nowMillis) {
    if (!eventTime) {
      return detectAt(nowMillis);
    }
    return latestEndMillis == Long.MIN_VALUE ? List.of() : detectAt(latestEndMillis);
  }

  private void newSession() {
    try {
      sessionEnded.accept(latestEndMillis);
    } catch (RuntimeException e) {
      if (listenerFailures++ == 0) {
        LOG.warnf(
            e, "Cannot end the replay session at %d; counting further failures", latestEndMillis);
      }
    }
    earlier = sum(earlier, engine.counters());
    engine = engines.get();
    sessions++;
  }

  private static InputCounters sum(InputCounters a, InputCounters b) {
    return new InputCounters(
        a.accepted() + b.accepted(),
        a.invalid() + b.invalid(),
        a.notFinite() + b.notFinite(),
        a.late() + b.late(),
        a.future() + b.future(),
        a.duplicate() + b.duplicate(),
        a.clockBackwards() + b.clockBackwards());
  }

  /** Replay sessions so far (1 unless event time jumped ahead by more than the session gap). */
  public synchronized long sessions() {
    return sessions;
  }

  private List<IncidentEvent> detectAt(long millis) {
    List<IncidentEvent> events = engine.advanceTo(millis);
    events.forEach(this::hand);
    try {
      advanced.accept(millis);
    } catch (RuntimeException e) {
      if (listenerFailures++ == 0) {
        LOG.warnf(e, "Cannot advance incident time to %d; counting further failures", millis);
      }
    }
    return events;
  }

  /** Marks an open incident as being mitigated. */
  public synchronized Optional<IncidentEvent> mitigating(String id) {
    Optional<IncidentEvent> event = engine.mitigating(id);
    event.ifPresent(this::hand);
    return event;
  }

  private void hand(IncidentEvent event) {
    try {
      listener.accept(event);
    } catch (RuntimeException e) {
      if (listenerFailures++ == 0) {
        LOG.warnf(
            e, "Cannot hand on incident %s; counting further failures", event.incident().id());
      }
    }
  }

  /** Every incident of the current session so far, oldest first. */
  public synchronized List<Incident> incidents() {
    return engine.incidents();
  }

  /** Incidents still open or being mitigated. */
  public synchronized long live() {
    return engine.incidents().stream().filter(i -> i.state().live()).count();
  }

  /** Input refused by the engines, by reason. */
  public synchronized InputCounters counters() {
    return sum(earlier, engine.counters());
  }

  /** Incident changes the listener failed to take. */
  public synchronized long listenerFailures() {
    return listenerFailures;
  }
}
