package io.rehearsal.ml.rca;

import io.rehearsal.ml.incident.Incident;
import io.rehearsal.telemetry.Span;
import io.rehearsal.telemetry.SpanKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Root-cause evidence from spans, walked trace by trace: each served request with its self time
 * (its duration minus the time its calls were running) and whether it failed although none of its
 * calls did; each call with the endpoint that answered it, or none (no replica answered). The one
 * home of this walk: the detector's loop feeds it the spans it received, {@code rehearsal ml
 * rca-eval} and {@code ml propose} a recording's. What only resource attributes and metrics show
 * (instance ids, versions, worker-pool gauges) the caller adds to the builder itself.
 *
 * <pre>{@code
 * RcaWindows windows = RcaWindows.around(firstStartMillis, incident.onsetSecond(),
 *     SpanEvidence.GUARD_SECONDS, SpanEvidence.DURING_SECONDS);
 * RcaInputBuilder builder = new RcaInputBuilder(windows);
 * SpanEvidence.add(spans, builder);
 * RcaInput input = builder.build(incident.id(), incident.symptoms());
 * }</pre>
 */
public final class SpanEvidence {
  /** Seconds left out before the onset, so the normal window holds no early symptom. */
  public static final int GUARD_SECONDS = 2;

  /** Length of the incident window from the onset. */
  public static final int DURING_SECONDS = 20;

  private SpanEvidence() {}

  /** The windows around {@code incident} for telemetry that starts at {@code firstStartMillis}. */
  public static RcaWindows windows(long firstStartMillis, Incident incident) {
    return RcaWindows.around(
        firstStartMillis, incident.onsetSecond(), GUARD_SECONDS, DURING_SECONDS);
  }

  /** Epoch ms by which the spans cover the incident window of {@code incident}. */
  public static long coveredAt(Incident incident) {
    return (incident.onsetSecond() + DURING_SECONDS) * 1000L;
  }

  /**
   * The input for ranking {@code incident}'s suspects from {@code spans} alone, named {@code id}.
   */
  public static RcaInput input(
      long firstStartMillis, List<Span> spans, Incident incident, String id) {
    RcaInputBuilder builder = new RcaInputBuilder(windows(firstStartMillis, incident));
    add(spans, builder);
    return builder.build(id, incident.symptoms());
  }

  /** Adds every served request and call of {@code spans} to {@code builder}, trace by trace. */
  public static void add(List<Span> spans, RcaInputBuilder builder) {
    Map<String, List<Span>> byTrace = new HashMap<>();
    for (Span s : spans) {
      byTrace.computeIfAbsent(s.traceIdHex(), k -> new ArrayList<>()).add(s);
    }
    byTrace.values().forEach(trace -> trace(trace, builder));
  }

  /** A span that failed: error status or a 5xx answer. */
  public static boolean failed(Span s) {
    return s.error() || s.httpStatus() >= 500;
  }

  private static void trace(List<Span> trace, RcaInputBuilder builder) {
    Map<Long, Span> byId = new HashMap<>();
    Map<Long, Span> answers = new HashMap<>();
    for (Span s : trace) {
      byId.putIfAbsent(s.spanId(), s);
      if (s.kind().servesRequest() && !s.isRoot()) {
        answers.putIfAbsent(s.parentSpanId(), s);
      }
    }
    Map<Long, List<Span>> callsOf = new HashMap<>();
    for (Span s : trace) {
      if (s.kind() == SpanKind.CLIENT && !s.peer().isEmpty()) {
        Span request = s.requestAbove(byId);
        if (request != null) {
          callsOf.computeIfAbsent(request.spanId(), k -> new ArrayList<>()).add(s);
          called(builder, request, s, answers.get(s.spanId()));
        }
      }
    }
    for (Span s : trace) {
      if (s.kind().servesRequest()) {
        List<Span> calls = callsOf.getOrDefault(s.spanId(), List.of());
        builder.served(
            s.service(),
            s.endpoint(),
            s.endNanos() / 1_000_000,
            s.durationNanos() / 1e6,
            (s.durationNanos() - covered(calls, s)) / 1e6,
            failed(s),
            calls.stream().noneMatch(SpanEvidence::failed));
      }
    }
  }

  private static void called(RcaInputBuilder builder, Span request, Span call, Span answer) {
    builder.called(
        request.service(),
        request.endpoint(),
        call.peer(),
        answer == null ? "" : answer.endpoint(),
        call.endNanos() / 1_000_000,
        call.durationNanos() / 1e6,
        failed(call),
        answer != null,
        call.httpStatus());
  }

  /** Nanoseconds of {@code parent} during which at least one of the calls was running. */
  static long covered(List<Span> calls, Span parent) {
    List<Span> sorted = new ArrayList<>(calls);
    sorted.sort(Comparator.comparingLong(Span::startNanos));
    long total = 0;
    long end = Long.MIN_VALUE;
    for (Span c : sorted) {
      long from = Math.max(Math.max(c.startNanos(), end), parent.startNanos());
      long to = Math.min(c.endNanos(), parent.endNanos());
      if (to > from) {
        total += to - from;
      }
      end = Math.max(end, c.endNanos());
    }
    return total;
  }
}
