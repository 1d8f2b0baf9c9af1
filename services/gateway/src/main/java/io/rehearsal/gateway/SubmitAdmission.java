package io.rehearsal.gateway;

import io.grpc.Context;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Admission control for Submits: at most {@code maxInFlight} are being decided at once; one more is
 * refused at once, on the event loop that received it, with UNAVAILABLE ("overloaded", nothing
 * decided: the caller retries with backoff and the same request_id). A storm of automation
 * therefore gets its answers in a bounded time or is told to back off, instead of queueing past its
 * deadline until the gateway decides calls nobody waits for.
 *
 * <p>An admitted Submit holds no thread while Redis answers: it is started on the event loop and
 * answered from wherever its last write completed ({@link
 * io.rehearsal.gateway.decision.DecisionDesk#submitAsync}).
 */
final class SubmitAdmission {

  private static final String SHED_METRIC = "rehearsal.gateway.submits.shed";
  private static final String IN_FLIGHT_METRIC = "rehearsal.gateway.submits.in.flight";

  private final int maxInFlight;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final Counter shed;

  SubmitAdmission(int maxInFlight, MeterRegistry registry) {
    if (maxInFlight < 1) {
      throw new IllegalArgumentException(
          "rehearsal.gateway.overload.max-in-flight must be at least 1, not " + maxInFlight);
    }
    this.maxInFlight = maxInFlight;
    this.shed = registry.counter(SHED_METRIC);
    registry.gauge(IN_FLIGHT_METRIC, inFlight);
  }

  /**
   * Starts {@code call} and answers {@code response} when its future completes; or answers at once:
   * CANCELLED when the caller has already gone (nothing is decided), UNAVAILABLE when {@code
   * maxInFlight} calls are being decided.
   */
  <T> void admit(StreamObserver<T> response, Supplier<CompletableFuture<T>> call) {
    if (Context.current().isCancelled()) {
      response.onError(Statuses.callerGone());
      return;
    }
    if (inFlight.incrementAndGet() > maxInFlight) {
      inFlight.decrementAndGet();
      shed.increment();
      response.onError(overloaded(maxInFlight).asRuntimeException());
      return;
    }
    CompletableFuture<T> answer;
    try {
      answer = call.get();
    } catch (RuntimeException e) {
      answer = CompletableFuture.failedFuture(e);
    }
    Answers.reply(response, answer.whenComplete((value, failure) -> inFlight.decrementAndGet()));
  }

  /** The answer to a Submit refused because {@code maxInFlight} are being decided. */
  static Status overloaded(int maxInFlight) {
    return Status.UNAVAILABLE.withDescription(
        "overloaded: "
            + maxInFlight
            + " submits are being decided (rehearsal.gateway.overload.max-in-flight);"
            + " nothing was decided — retry with backoff and the same request_id");
  }
}
