package io.rehearsal.shop.load;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * Every request of the measured load as the client saw it, for whoever judges outcomes the way a
 * user (or the twin, whose latency runs from arrival to answer) does: a SERVER span starts when a
 * worker picks the request up, so queueing at the entry service and requests that never reached a
 * server are invisible in the traces. Written as gzipped CSV, {@code
 * offset_ms,endpoint,status,latency_us}, one line per planned arrival in time order: offset from
 * the measured start, endpoint (e.g. {@code GET /browse}), HTTP status (0: no answer — a transport
 * error, a timeout or an arrival dropped beyond the outstanding bound) and latency in microseconds
 * (0 when dropped).
 */
public final class RequestLog {
  /** The header line of the CSV. */
  public static final String HEADER = "offset_ms,endpoint,status,latency_us";

  /**
   * One request.
   *
   * @param offsetMs planned arrival, milliseconds after the measured start
   * @param endpoint method and path
   * @param status HTTP status, or 0 without an answer
   * @param latencyMicros from sending to the answer (or the failure)
   */
  public record Entry(long offsetMs, String endpoint, int status, long latencyMicros) {}

  private final List<Entry> entries = new ArrayList<>();

  synchronized void add(Entry e) {
    entries.add(e);
  }

  /** The entries so far, in arrival order. */
  public synchronized List<Entry> entries() {
    List<Entry> out = new ArrayList<>(entries);
    out.sort(Comparator.comparingLong(Entry::offsetMs));
    return out;
  }

  /** Writes the entries to {@code file} as gzipped CSV. */
  public void write(Path file) throws IOException {
    try (BufferedWriter w =
        new BufferedWriter(
            new OutputStreamWriter(
                new GZIPOutputStream(Files.newOutputStream(file)), StandardCharsets.UTF_8))) {
      w.write(HEADER);
      w.write('\n');
      for (Entry e : entries()) {
        w.write(e.offsetMs() + "," + e.endpoint() + "," + e.status() + "," + e.latencyMicros());
        w.write('\n');
      }
    }
  }
}
