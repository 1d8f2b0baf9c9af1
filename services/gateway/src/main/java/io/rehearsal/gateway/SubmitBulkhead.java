package io.rehearsal.gateway;

import io.grpc.Context;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Admission control for Submits: at most {@code maxInFlight} are decided at once, each on a thread
 * of this bulkhead's own pool; one more is refused at once, on the event loop that received it,
 * with UNAVAILABLE ("overloaded", nothing decided: the caller retries with backoff and the same
 * request_id). A storm of automation therefore waits a bounded time or is told to back off, instead
 * of queueing past its deadline until the gateway decides calls nobody waits for; and reviews, the
 * kill switch and the other RPCs keep Quarkus' worker pool to themselves.
 */
final class SubmitBulkhead implements AutoCloseable {

  private static final String SHED_METRIC = "rehearsal.gateway.submits.shed";
  private static final String IN_FLIGHT_METRIC = "rehearsal.gateway.submits.in.flight";

  private final int maxInFlight;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final ExecutorService workers;
  private final Counter shed;

  SubmitBulkhead(int maxInFlight, MeterRegistry registry) {
    if (maxInFlight < 1) {
      throw new IllegalArgumentException(
          "rehearsal.gateway.overload.max-in-flight must be at least 1, not " + maxInFlight);
    }
    this.maxInFlight = maxInFlight;
    AtomicInteger threads = new AtomicInteger();
    this.workers =
        Executors.newFixedThreadPool(
            maxInFlight,
            r -> {
              Thread t = new Thread(r, "rehearsal-submit-" + threads.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    this.shed = registry.counter(SHED_METRIC);
    registry.gauge(IN_FLIGHT_METRIC, inFlight);
  }

  /**
   * Runs {@code call} on a bulkhead thread in the caller's gRPC context, or answers UNAVAILABLE at
   * once when {@code maxInFlight} calls are already being decided.
   */
  <T> void run(StreamObserver<T> response, Runnable call) {
    if (inFlight.incrementAndGet() > maxInFlight) {
      inFlight.decrementAndGet();
      shed.increment();
      response.onError(overloaded(maxInFlight).asRuntimeException());
      return;
    }
    Runnable inContext = Context.current().wrap(call);
    try {
      workers.execute(
          () -> {
            try {
              inContext.run();
            } finally {
              inFlight.decrementAndGet();
            }
          });
    } catch (RuntimeException e) { // shut down: the gateway is stopping
      inFlight.decrementAndGet();
      response.onError(
          Status.UNAVAILABLE.withDescription("the gateway is stopping").asRuntimeException());
    }
  }

  /** The answer to a Submit refused because {@code maxInFlight} are being decided. */
  static Status overloaded(int maxInFlight) {
    return Status.UNAVAILABLE.withDescription(
        "overloaded: "
            + maxInFlight
            + " submits are being decided (rehearsal.gateway.overload.max-in-flight);"
            + " nothing was decided — retry with backoff and the same request_id");
  }

  @Override
  public void close() {
    workers.shutdown();
    try {
      if (!workers.awaitTermination(10, TimeUnit.SECONDS)) {
        workers.shutdownNow();
      }
    } catch (InterruptedException e) {
      workers.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
