package io.rehearsal.detector.loop;

import io.rehearsal.telemetry.Span;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The latest received spans, bounded by count (the oldest go first), for ranking an incident's
 * suspects from the telemetry around its onset. Thread-safe: ingestion adds while the loop reads.
 */
final class RecentSpans {

  private final int capacity;
  private final ArrayDeque<Span> spans = new ArrayDeque<>();
  private long latestEndMillis = Long.MIN_VALUE;
  private long firstStartMillis = Long.MAX_VALUE;

  RecentSpans(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be >= 1, but was " + capacity);
    }
    this.capacity = capacity;
  }

  /** Keeps {@code batch}, dropping the oldest spans beyond the capacity. */
  synchronized void add(List<Span> batch) {
    for (Span s : batch) {
      spans.addLast(s);
      latestEndMillis = Math.max(latestEndMillis, s.endNanos() / 1_000_000);
      if (spans.size() > capacity) {
        spans.removeFirst();
        firstStartMillis = Long.MAX_VALUE; // recomputed lazily
      } else {
        firstStartMillis = Math.min(firstStartMillis, s.startNanos() / 1_000_000);
      }
    }
  }

  /** The latest span end received, epoch ms; {@link Long#MIN_VALUE} before the first span. */
  synchronized long latestEndMillis() {
    return latestEndMillis;
  }

  /** The earliest span start kept, epoch ms; {@link Long#MAX_VALUE} when none is kept. */
  synchronized long firstStartMillis() {
    if (firstStartMillis == Long.MAX_VALUE) {
      for (Span s : spans) {
        firstStartMillis = Math.min(firstStartMillis, s.startNanos() / 1_000_000);
      }
    }
    return firstStartMillis;
  }

  /** A copy of the kept spans, oldest first. */
  synchronized List<Span> snapshot() {
    return new ArrayList<>(spans);
  }
}
