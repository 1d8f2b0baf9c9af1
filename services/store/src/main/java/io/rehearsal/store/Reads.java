package io.rehearsal.store;

import io.lettuce.core.RedisException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * Reads in flight together. A caller that needs several independent records starts each read's
 * {@code ...Async} method, then waits for them here: the commands go out back to back and their
 * replies come back in one round trip, instead of one round trip (and two thread hand-offs) each.
 * Every command carries the connection's timeout, so a wait never outlasts it.
 *
 * <pre>{@code
 * CompletableFuture<Optional<Versioned>> decision = store.decisions().getAsync(id);
 * CompletableFuture<Optional<byte[]>> evaluation = store.evaluations().getAsync(evaluationId);
 * Optional<Versioned> d = Reads.await(decision); // both answered by now, or failed
 * }</pre>
 */
public final class Reads {

  private Reads() {}

  /**
   * The read's value, or the exception it failed with, as the synchronous call would have thrown
   * it: a {@link RedisException} (connection, timeout, command error) or the caller's own runtime
   * exception from a mapping step.
   */
  public static <T> T await(CompletionStage<T> read) {
    try {
      return read.toCompletableFuture().join();
    } catch (CompletionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new RedisException(cause);
    }
  }

  /**
   * What a future failed with: {@code failure} itself, or the cause a {@link CompletionException}
   * wraps (as a dependent stage sees an earlier stage's failure).
   */
  public static Throwable cause(Throwable failure) {
    return failure instanceof CompletionException wrapped && wrapped.getCause() != null
        ? wrapped.getCause()
        : failure;
  }

  /** A value already at hand, for callers that read nothing in one case. */
  public static <T> CompletableFuture<T> done(T value) {
    return CompletableFuture.completedFuture(value);
  }
}
