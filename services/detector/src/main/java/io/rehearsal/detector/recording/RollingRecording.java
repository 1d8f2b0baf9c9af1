package io.rehearsal.detector.recording;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * A bounded rolling recording of OTLP export requests as OTLP JSON-lines segments, so that what the
 * detector received can be calibrated on later ({@code rehearsal twin calibrate --from DIR}).
 *
 * <p>Receivers {@link #offer} requests without blocking; one writer thread prints them and appends
 * them to the open segment. Memory is bounded by {@code queueBytes} of waiting requests (a request
 * that does not fit is dropped and counted, never waited for), disk by {@link Bounds}: a segment is
 * closed and gzipped when large or old enough, and the oldest segments are deleted beyond the total
 * size or age. A write error is counted and logged once; the recording carries on with a new
 * segment.
 */
public final class RollingRecording implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(RollingRecording.class);
  private static final long POLL_MILLIS = 200;

  /**
   * How much is kept.
   *
   * @param maxBytes all segments together, on disk
   * @param maxAge segments last written before this long ago are deleted
   * @param segmentBytes a segment is closed once this large
   * @param segmentAge or once open this long
   * @param queueBytes requests waiting to be written, serialized
   */
  public record Bounds(
      long maxBytes, Duration maxAge, long segmentBytes, Duration segmentAge, long queueBytes) {

    /** Validates the bounds; messages name the field and the bad value. */
    public Bounds {
      positive("maxBytes", maxBytes);
      positive("segmentBytes", segmentBytes);
      positive("queueBytes", queueBytes);
      positive("maxAge", maxAge.toMillis());
      positive("segmentAge", segmentAge.toMillis());
    }

    private static void positive(String name, long value) {
      if (value < 1) {
        throw new IllegalArgumentException(name + " must be positive, but was " + value);
      }
    }
  }

  /** A request waiting, serialized: the queue holds exactly the bytes it counts. */
  private record Pending(byte[] bytes, boolean metrics) {
    Message request() throws InvalidProtocolBufferException {
      return metrics
          ? ExportMetricsServiceRequest.parseFrom(bytes)
          : ExportTraceServiceRequest.parseFrom(bytes);
    }
  }

  private final Segments segments;
  private final Bounds bounds;
  private final Clock clock;
  private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
  private final AtomicLong queuedBytes = new AtomicLong();
  private final AtomicLong written = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final AtomicBoolean warned = new AtomicBoolean();
  private final Thread worker;
  private volatile boolean running = true;
  private Path active;
  private Writer writer;
  private long activeBytes;
  private Instant activeOpened;

  private RollingRecording(Path dir, Bounds bounds, Clock clock) {
    this.segments = new Segments(dir);
    this.bounds = bounds;
    this.clock = clock;
    this.worker = new Thread(this::run, "rehearsal-recording");
    this.worker.setDaemon(true);
  }

  /**
   * Starts recording into {@code dir} (created if missing).
   *
   * @throws UncheckedIOException if the directory cannot be created
   */
  public static RollingRecording start(Path dir, Bounds bounds, Clock clock) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the recording directory " + dir, e);
    }
    RollingRecording recording = new RollingRecording(dir, bounds, clock);
    recording.worker.start();
    return recording;
  }

  /**
   * Queues a trace or metrics export request for writing; false (and counted) when the queue is
   * full or closed, or for another message type.
   */
  public boolean offer(Message request) {
    boolean metrics = request instanceof ExportMetricsServiceRequest;
    if (!running || !(metrics || request instanceof ExportTraceServiceRequest)) {
      dropped.incrementAndGet();
      return false;
    }
    long size = request.getSerializedSize();
    if (queuedBytes.addAndGet(size) > bounds.queueBytes()) {
      queuedBytes.addAndGet(-size);
      dropped.incrementAndGet();
      return false;
    }
    queue.add(new Pending(request.toByteArray(), metrics));
    return true;
  }

  /** Requests written to segments. */
  public long written() {
    return written.get();
  }

  /** Requests not recorded because the queue was full. */
  public long dropped() {
    return dropped.get();
  }

  /** Requests lost to write errors. */
  public long failed() {
    return failed.get();
  }

  /** Serialized bytes of requests waiting to be written. */
  public long queuedBytes() {
    return queuedBytes.get();
  }

  /** The segments on disk, oldest first (the open one last). */
  public synchronized List<Path> segments() throws IOException {
    flushWriter();
    return segments.list();
  }

  /** Closes and gzips the open segment now; the next request opens a new one. */
  public synchronized void rotate() {
    if (writer == null) {
      return;
    }
    try {
      writer.close();
      segments.compress(active);
    } catch (IOException e) {
      failure("cannot close segment " + active, e);
    } finally {
      writer = null;
      active = null;
    }
    trim();
  }

  /** Writes what is queued, then closes and gzips the open segment. */
  @Override
  public void close() {
    running = false;
    try {
      worker.join(Duration.ofSeconds(10).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    rotate();
  }

  private void run() {
    while (running || !queue.isEmpty()) {
      Pending next = poll();
      if (next != null) {
        write(next);
      }
      if (next == null || queue.isEmpty()) {
        idle();
      }
    }
  }

  private Pending poll() {
    try {
      return queue.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      running = false;
      return null;
    }
  }

  private synchronized void write(Pending pending) {
    try {
      String line = OtlpJsonLine.print(pending.request());
      open();
      writer.write(line);
      writer.write('\n');
      activeBytes += line.length() + 1L;
      written.incrementAndGet();
    } catch (IOException | RuntimeException e) {
      failed.incrementAndGet();
      failure("cannot write to segment " + active, e);
      writer = null;
      active = null;
    } finally {
      queuedBytes.addAndGet(-pending.bytes().length);
    }
    if (activeBytes >= bounds.segmentBytes()) {
      rotate();
    }
  }

  /** Between bursts: make lines visible to readers, close an old segment, apply the age bound. */
  private synchronized void idle() {
    flushWriter();
    if (writer != null
        && Duration.between(activeOpened, clock.instant()).compareTo(bounds.segmentAge()) >= 0) {
      rotate();
    }
  }

  private void open() throws IOException {
    if (writer != null) {
      return;
    }
    activeOpened = clock.instant();
    active = segments.next(activeOpened);
    writer =
        new BufferedWriter(
            Files.newBufferedWriter(active, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW),
            256 * 1024);
    activeBytes = 0;
    trim();
  }

  private void flushWriter() {
    if (writer != null) {
      try {
        writer.flush();
      } catch (IOException e) {
        failure("cannot flush segment " + active, e);
      }
    }
  }

  private void trim() {
    try {
      segments.trim(bounds.maxBytes(), clock.instant().minus(bounds.maxAge()), active);
    } catch (IOException e) {
      failure("cannot trim the recording", e);
    }
  }

  private void failure(String what, Exception e) {
    if (!warned.getAndSet(true)) {
      LOG.warnf(e, "%s; counting further failures", what);
    }
  }
}
