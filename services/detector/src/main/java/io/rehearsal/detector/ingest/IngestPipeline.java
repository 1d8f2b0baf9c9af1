package io.rehearsal.detector.ingest;

import io.rehearsal.detector.incident.IncidentMonitor;
import io.rehearsal.telemetry.AggregatorStats;
import io.rehearsal.telemetry.ClosedWindow;
import io.rehearsal.telemetry.MetricPoint;
import io.rehearsal.telemetry.Span;
import io.rehearsal.telemetry.WindowAggregator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * The one road from the receivers to the windows. Receivers offer batches without blocking; a batch
 * is admitted only if permits for all its items are free (one permit per span or metric point,
 * {@code capacity} in all), so memory held for aggregation is bounded and overload is answered at
 * once. One worker thread drains the queue into a {@link WindowAggregator}, releases the permits,
 * and every tick closes windows by the clock and appends them to {@link TelemetryWindows}. A slow
 * store slows the worker, which fills the queue, which throttles the senders: backpressure end to
 * end.
 */
public final class IngestPipeline implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(IngestPipeline.class);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

  private record Batch(List<Span> spans, List<MetricPoint> points) {
    int items() {
      return spans.size() + points.size();
    }
  }

  private final int capacity;
  private final Semaphore permits;
  private final LinkedBlockingQueue<Batch> queue = new LinkedBlockingQueue<>();
  private final WindowAggregator aggregator;
  private final TelemetryWindows windows;
  private final Clock clock;
  private final long tickNanos;
  private final Thread worker;
  private final IncidentMonitor incidents;
  private final AtomicLong aggregated = new AtomicLong();
  private final AtomicLong windowsWritten = new AtomicLong();
  private final AtomicLong windowsDuplicate = new AtomicLong();
  private final AtomicLong windowsFailed = new AtomicLong();
  private volatile AggregatorStats stats;
  private volatile boolean running;
  private volatile boolean closed;

  /**
   * A pipeline not yet started.
   *
   * @param capacity how many items may wait at once
   * @param aggregator the windows, fed by the worker thread only
   * @param windows where closed windows go
   * @param clock the time that closes windows
   * @param tick how often windows are closed
   */
  public IngestPipeline(
      int capacity,
      WindowAggregator aggregator,
      TelemetryWindows windows,
      Clock clock,
      Duration tick) {
    this(capacity, aggregator, windows, clock, tick, null);
  }

  /**
   * A pipeline not yet started that also feeds incident detection.
   *
   * @param capacity how many items may wait at once
   * @param aggregator the windows, fed by the worker thread only
   * @param windows where closed windows go
   * @param clock the time that closes windows and advances detection
   * @param tick how often windows are closed and detection advances
   * @param incidents the incident detection fed with every span batch, or null for none
   */
  public IngestPipeline(
      int capacity,
      WindowAggregator aggregator,
      TelemetryWindows windows,
      Clock clock,
      Duration tick,
      IncidentMonitor incidents) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be >= 1, but was " + capacity);
    }
    if (tick.isNegative() || tick.isZero()) {
      throw new IllegalArgumentException("tick must be positive, but was " + tick);
    }
    this.capacity = capacity;
    this.permits = new Semaphore(capacity);
    this.aggregator = aggregator;
    this.windows = windows;
    this.clock = clock;
    this.tickNanos = tick.toNanos();
    this.stats = aggregator.stats();
    this.incidents = incidents;
    this.worker = new Thread(this::run, "rehearsal-ingest");
    this.worker.setDaemon(true);
  }

  /** Starts the worker thread. */
  public void start() {
    running = true;
    worker.start();
  }

  /** Offers spans; never blocks. */
  public Admission offerSpans(List<Span> spans) {
    return offer(new Batch(spans, List.of()));
  }

  /** Offers metric points; never blocks. */
  public Admission offerPoints(List<MetricPoint> points) {
    return offer(new Batch(List.of(), points));
  }

  /** True when no item could be admitted now: a receiver can refuse before decoding. */
  public boolean saturated() {
    return permits.availablePermits() == 0;
  }

  /** Items admitted but not yet aggregated. */
  public int pending() {
    return capacity - permits.availablePermits();
  }

  /** The most items that may wait at once. */
  public int capacity() {
    return capacity;
  }

  /** Items aggregated since start. */
  public long aggregated() {
    return aggregated.get();
  }

  /** Windows appended to the store. */
  public long windowsWritten() {
    return windowsWritten.get();
  }

  /** Windows dropped because one with the same start was already stored. */
  public long windowsDuplicate() {
    return windowsDuplicate.get();
  }

  /** Windows lost because the store failed. */
  public long windowsFailed() {
    return windowsFailed.get();
  }

  /** The aggregator's counters as of the last tick. */
  public AggregatorStats stats() {
    return stats;
  }

  /** Stops taking work, aggregates what was admitted, flushes every window and waits for it. */
  @Override
  public void close() {
    closed = true;
    running = false;
    try {
      worker.join(STOP_TIMEOUT.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (!worker.isAlive() && !queue.isEmpty()) {
      // Admitted while the worker was finishing: still counted, as promised.
      for (Batch batch = queue.poll(); batch != null; batch = queue.poll()) {
        aggregate(batch);
      }
      store(aggregator.flush());
    }
  }

  private Admission offer(Batch batch) {
    int items = batch.items();
    if (items == 0) {
      return Admission.ACCEPTED;
    }
    if (items > capacity) {
      return Admission.NEVER_FITS;
    }
    if (closed || !permits.tryAcquire(items)) {
      return Admission.THROTTLED;
    }
    queue.add(batch);
    return Admission.ACCEPTED;
  }

  private void run() {
    long nextTick = nowNanos() + tickNanos;
    while (running || !queue.isEmpty()) {
      Batch batch = poll(Math.max(0, nextTick - nowNanos()));
      if (batch != null) {
        aggregate(batch);
      }
      long now = nowNanos();
      if (now >= nextTick) {
        store(aggregator.advanceTo(now));
        if (incidents != null) {
          incidents.advanceTo(now / 1_000_000);
        }
        nextTick = now + tickNanos;
      }
    }
    store(aggregator.flush());
  }

  private Batch poll(long waitNanos) {
    try {
      return queue.poll(waitNanos, TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      running = false;
      return null;
    }
  }

  private void aggregate(Batch batch) {
    try {
      batch.spans().forEach(aggregator::add);
      batch.points().forEach(aggregator::add);
      if (incidents != null && !batch.spans().isEmpty()) {
        incidents.onSpans(batch.spans());
      }
    } finally {
      aggregated.addAndGet(batch.items());
      permits.release(batch.items());
    }
  }

  private void store(List<ClosedWindow> closed) {
    // Published before the windows are written, so whoever sees a window also sees its counts.
    stats = aggregator.stats();
    for (ClosedWindow window : closed) {
      try {
        TelemetryWindows.Write write = windows.write(window);
        (write == TelemetryWindows.Write.WRITTEN ? windowsWritten : windowsDuplicate)
            .incrementAndGet();
      } catch (RuntimeException e) {
        if (windowsFailed.getAndIncrement() == 0) {
          LOG.warnf(
              e,
              "Cannot store telemetry window %d; counting further failures",
              window.startNanos());
        }
      }
    }
  }

  private long nowNanos() {
    Instant now = clock.instant();
    return now.getEpochSecond() * 1_000_000_000L + now.getNano();
  }
}
