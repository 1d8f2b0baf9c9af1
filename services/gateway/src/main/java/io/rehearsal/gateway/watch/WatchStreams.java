package io.rehearsal.gateway.watch;

import io.rehearsal.proto.v1.DecisionEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs open watches: each polls its {@link DecisionWatch} on a shared scheduler and hands what it
 * read to its {@link Sink}, skipping a round while the client is not ready for more (flow control)
 * and stopping when the client cancels or a read fails.
 */
public final class WatchStreams implements AutoCloseable {

  /** Events handed to a sink per poll at most. */
  static final int BATCH = 256;

  private final ScheduledExecutorService scheduler;
  private final Duration interval;

  /** Watches polling every {@code interval}. */
  public WatchStreams(Duration interval) {
    this.interval = interval;
    this.scheduler =
        Executors.newScheduledThreadPool(
            1,
            r -> {
              Thread t = new Thread(r, "rehearsal-watch");
              t.setDaemon(true);
              return t;
            });
  }

  /** Where a watch delivers: the transport adapter's stream. */
  public interface Sink {
    /** Whether the client went away. */
    boolean cancelled();

    /** Whether the client can take more now. */
    boolean ready();

    /** Delivers one event. */
    void send(DecisionEvent event);

    /** Ends the stream with an error. */
    void fail(RuntimeException error);
  }

  /** Delivers {@code first} (a snapshot, possibly empty), then polls {@code watch} into it. */
  public void open(DecisionWatch watch, List<DecisionEvent> first, Sink sink) {
    AtomicReference<ScheduledFuture<?>> self = new AtomicReference<>();
    Runnable poll =
        new Runnable() {
          private List<DecisionEvent> pending = new ArrayList<>(first);
          private boolean done;

          @Override
          public void run() {
            if (done || sink.cancelled()) {
              stop();
              return;
            }
            try {
              while (sink.ready() && !pending.isEmpty()) {
                sink.send(pending.remove(0));
              }
              if (pending.isEmpty() && sink.ready()) {
                pending = new ArrayList<>(watch.poll(BATCH));
              }
            } catch (RuntimeException e) {
              stop();
              sink.fail(e);
            }
          }

          private void stop() {
            done = true;
            ScheduledFuture<?> future = self.get();
            if (future != null) {
              future.cancel(false);
            }
          }
        };
    self.set(
        scheduler.scheduleWithFixedDelay(
            poll, 0, Math.max(1, interval.toMillis()), TimeUnit.MILLISECONDS));
  }

  /** Stops every watch. */
  @Override
  public void close() {
    scheduler.shutdownNow();
  }
}
