package io.rehearsal.detector.loop;

import io.rehearsal.ml.incident.Incident;
import io.rehearsal.ml.rca.RcaInput;
import io.rehearsal.ml.rca.RcaInputBuilder;
import io.rehearsal.ml.rca.RcaWindows;
import io.rehearsal.telemetry.Span;
import io.rehearsal.telemetry.SpanKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Root-cause input around an incident from the spans the detector received, walked trace by trace
 * as {@code rehearsal ml propose} walks a recording: self times, a request's own failures, and
 * calls no replica answered. What only resource attributes and metrics show (instance ids,
 * versions, worker-pool gauges) is not kept by the detector, so suspects that need it rank lower.
 */
final class SpanEvidence {
  /** Seconds left out before the onset, so the normal window holds no early symptom. */
  static final int GUARD_SECONDS = 2;

  /** Length of the incident window from the onset. */
  static final int DURING_SECONDS = 20;

  private SpanEvidence() {}

  /** Epoch ms by which the spans cover the incident window of {@code incident}. */
  static long coveredAt(Incident incident) {
    return (incident.onsetSecond() + DURING_SECONDS) * 1000L;
  }

  /** The input for ranking {@code incident}'s suspects from {@code spans}. */
  static RcaInput input(long firstStartMillis, List<Span> spans, Incident incident, String id) {
    RcaWindows windows =
        RcaWindows.around(firstStartMillis, incident.onsetSecond(), GUARD_SECONDS, DURING_SECONDS);
    RcaInputBuilder builder = new RcaInputBuilder(windows);
    Map<String, List<Span>> byTrace = new HashMap<>();
    for (Span s : spans) {
      byTrace.computeIfAbsent(s.traceIdHex(), k -> new ArrayList<>()).add(s);
    }
    byTrace.values().forEach(trace -> trace(trace, builder));
    return builder.build(id, incident.symptoms());
  }

  private static boolean failed(Span s) {
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
  private static long covered(List<Span> calls, Span parent) {
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
