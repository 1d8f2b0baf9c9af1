package io.rehearsal.gateway;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.lettuce.core.RedisException;
import io.rehearsal.gateway.decision.GatewayException;
import io.rehearsal.service.GrpcStatuses;
import io.rehearsal.store.Reads;

/** Exceptions to gRPC statuses, chosen by the litmus test of {@link Status}. */
final class Statuses {

  private Statuses() {}

  /** The status of any exception thrown while serving a call; never lets one escape. */
  static StatusRuntimeException of(RuntimeException e) {
    if (e instanceof GatewayException refused) {
      return refused(refused);
    }
    if (e instanceof RedisException redis) {
      // Fail closed: without the store nothing is decided, and the client may retry.
      return Status.UNAVAILABLE
          .withDescription(
              "the decision store is unreachable; nothing was decided: " + redis.getMessage())
          .withCause(redis)
          .asRuntimeException();
    }
    return GrpcStatuses.unexpected(e);
  }

  /** The answer to a call whose caller left before it started: nothing was done. */
  static StatusRuntimeException callerGone() {
    return Status.CANCELLED
        .withDescription(
            "the caller's deadline passed or it cancelled before the gateway started the call;"
                + " nothing was done (retry with the same request)")
        .asRuntimeException();
  }

  /** The status of what a call's future failed with (see {@link #of(RuntimeException)}). */
  static StatusRuntimeException ofFailure(Throwable failure) {
    Throwable cause = Reads.cause(failure);
    return of(cause instanceof RuntimeException e ? e : new IllegalStateException(cause));
  }

  private static StatusRuntimeException refused(GatewayException e) {
    if (e.reason() == GatewayException.Reason.INVALID_ARGUMENT) {
      return invalid(e);
    }
    return Status.fromCode(Status.Code.valueOf(e.reason().name()))
        .withDescription(e.getMessage())
        .asRuntimeException();
  }

  /** INVALID_ARGUMENT with a {@code BadRequest} naming the field. */
  private static StatusRuntimeException invalid(GatewayException e) {
    return GrpcStatuses.badRequest(e.field().orElse(""), e.problem(), e.getMessage());
  }
}
