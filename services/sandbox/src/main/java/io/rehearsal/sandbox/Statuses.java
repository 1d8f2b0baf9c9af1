package io.rehearsal.sandbox;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.rehearsal.sandbox.evaluation.RequestRejectedException;
import io.rehearsal.sandbox.mapping.InvalidRequestException;
import io.rehearsal.service.GrpcStatuses;

/** Exceptions to gRPC statuses, chosen by the litmus test of {@link Status}. */
final class Statuses {

  private Statuses() {}

  /** INVALID_ARGUMENT with a {@code BadRequest} naming the field. */
  static StatusRuntimeException invalid(InvalidRequestException e) {
    return GrpcStatuses.badRequest(e.field(), e.problem(), e.getMessage());
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
    return GrpcStatuses.unexpected(e);
  }
}
