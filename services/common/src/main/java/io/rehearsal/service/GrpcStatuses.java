package io.rehearsal.service;

import com.google.protobuf.Any;
import com.google.rpc.BadRequest;
import com.google.rpc.Code;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;

/**
 * The gRPC statuses every service builds alike, chosen by the litmus test of {@link Status}: a bad
 * field is INVALID_ARGUMENT with a {@code BadRequest} naming it, anything unexpected is INTERNAL
 * with the exception's class and message (never escaping as an exception).
 */
public final class GrpcStatuses {
  private GrpcStatuses() {}

  /** INVALID_ARGUMENT with {@code message}, and a {@code BadRequest} naming the field and why. */
  public static StatusRuntimeException badRequest(String field, String problem, String message) {
    BadRequest details =
        BadRequest.newBuilder()
            .addFieldViolations(
                BadRequest.FieldViolation.newBuilder().setField(field).setDescription(problem))
            .build();
    return StatusProto.toStatusRuntimeException(
        com.google.rpc.Status.newBuilder()
            .setCode(Code.INVALID_ARGUMENT_VALUE)
            .setMessage(message)
            .addDetails(Any.pack(details))
            .build());
  }

  /** {@code e} itself if it already is a status, else INTERNAL naming its class and message. */
  public static StatusRuntimeException unexpected(RuntimeException e) {
    if (e instanceof StatusRuntimeException status) {
      return status;
    }
    return Status.INTERNAL
        .withDescription(e.getClass().getSimpleName() + ": " + e.getMessage())
        .withCause(e)
        .asRuntimeException();
  }
}
