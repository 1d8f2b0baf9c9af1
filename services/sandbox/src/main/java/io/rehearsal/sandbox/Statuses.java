package io.rehearsal.sandbox;

import com.google.protobuf.Any;
import com.google.rpc.BadRequest;
import com.google.rpc.Code;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.rehearsal.sandbox.evaluation.RequestRejectedException;
import io.rehearsal.sandbox.mapping.InvalidRequestException;

/** Exceptions to gRPC statuses, chosen by the litmus test of {@link Status}. */
final class Statuses {

  private Statuses() {}

  /** INVALID_ARGUMENT with a {@code BadRequest} naming the field. */
  static StatusRuntimeException invalid(InvalidRequestException e) {
    BadRequest details =
        BadRequest.newBuilder()
            .addFieldViolations(
                BadRequest.FieldViolation.newBuilder()
                    .setField(e.field())
                    .setDescription(e.problem()))
            .build();
    com.google.rpc.Status status =
        com.google.rpc.Status.newBuilder()
            .setCode(Code.INVALID_ARGUMENT_VALUE)
            .setMessage(e.getMessage())
            .addDetails(Any.pack(details))
            .build();
    return StatusProto.toStatusRuntimeException(status);
  }

  /** NOT_FOUND or FAILED_PRECONDITION. */
  static StatusRuntimeException rejected(RequestRejectedException e) {
    Status status =
        e.reason() == RequestRejectedException.Reason.NOT_FOUND
            ? Status.NOT_FOUND
            : Status.FAILED_PRECONDITION;
    return status.withDescription(e.getMessage()).asRuntimeException();
  }

  /** The status of any exception thrown while serving a call; never lets one escape. */
  static StatusRuntimeException of(RuntimeException e) {
    if (e instanceof InvalidRequestException invalid) {
      return invalid(invalid);
    }
    if (e instanceof RequestRejectedException rejected) {
      return rejected(rejected);
    }
    if (e instanceof StatusRuntimeException status) {
      return status;
    }
    return Status.INTERNAL
        .withDescription(e.getClass().getSimpleName() + ": " + e.getMessage())
        .withCause(e)
        .asRuntimeException();
  }
}
