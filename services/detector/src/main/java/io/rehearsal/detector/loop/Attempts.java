package io.rehearsal.detector.loop;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Runs a remote step up to a bounded number of times with doubling backoff. A status that a retry
 * cannot change (a malformed request, a refusal, a missing evaluation) ends it at once; anything
 * else (unreachable, deadline, overload, an unreadable token file) is retried.
 */
final class Attempts {

  /** Statuses no retry can change. */
  static final Set<Status.Code> FINAL =
      EnumSet.of(
          Status.Code.INVALID_ARGUMENT,
          Status.Code.NOT_FOUND,
          Status.Code.ALREADY_EXISTS,
          Status.Code.PERMISSION_DENIED,
          Status.Code.FAILED_PRECONDITION,
          Status.Code.OUT_OF_RANGE,
          Status.Code.UNIMPLEMENTED);

  /** Told of every failed attempt: which one, why, and whether another follows. */
  interface Listener {
    void failed(int attempt, String reason, boolean again);
  }

  private final int attempts;
  private final Duration backoff;

  Attempts(int attempts, Duration backoff) {
    this.attempts = attempts;
    this.backoff = backoff;
  }

  /** The step's result, or empty when every attempt failed or a final status ended it. */
  <T> Optional<T> run(Supplier<T> step, Listener listener) throws InterruptedException {
    Duration wait = backoff;
    for (int attempt = 1; ; attempt++) {
      try {
        return Optional.of(step.get());
      } catch (RuntimeException e) {
        boolean again = attempt < attempts && retryable(e);
        listener.failed(attempt, reason(e), again);
        if (!again) {
          return Optional.empty();
        }
        Thread.sleep(wait.toMillis());
        wait = wait.multipliedBy(2);
      }
    }
  }

  static boolean retryable(RuntimeException e) {
    return !(e instanceof StatusRuntimeException s) || !FINAL.contains(s.getStatus().getCode());
  }

  /** {@code UNAVAILABLE: io exception} for a status, else the exception's message. */
  static String reason(RuntimeException e) {
    if (e instanceof StatusRuntimeException s) {
      Status status = s.getStatus();
      return status.getCode()
          + (status.getDescription() == null ? "" : ": " + status.getDescription());
    }
    return e.getClass().getSimpleName() + ": " + e.getMessage();
  }
}
