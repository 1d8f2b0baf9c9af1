package io.rehearsal.gateway;

import com.google.protobuf.Any;
import com.google.rpc.BadRequest;
import com.google.rpc.Code;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.lettuce.core.RedisException;
import io.rehearsal.gateway.decision.GatewayException;

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
    if (e instanceof StatusRuntimeException status) {
      return status;
    }
    return Status.INTERNAL
        .withDescription(e.getClass().getSimpleName() + ": " + e.getMessage())
        .withCause(e)
        .asRuntimeException();
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
    BadRequest details =
        BadRequest.newBuilder()
            .addFieldViolations(
                BadRequest.FieldViolation.newBuilder()
                    .setField(e.field().orElse(""))
                    .setDescription(e.problem()))
            .build();
    return StatusProto.toStatusRuntimeException(
        com.google.rpc.Status.newBuilder()
            .setCode(Code.INVALID_ARGUMENT_VALUE)
            .setMessage(e.getMessage())
            .addDetails(Any.pack(details))
            .build());
  }
}
