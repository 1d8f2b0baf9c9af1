package io.rehearsal.gateway.web;

import io.rehearsal.gateway.decision.GatewayException;
import io.rehearsal.proto.v1.DecisionState;
import jakarta.ws.rs.BadRequestException;

/** Form values read strictly, and the HTTP status of each of the desk's refusals. */
final class Refusals {

  private Refusals() {}

  /** The HTTP status of a refused review: the gRPC mapping's HTTP equivalent. */
  static int status(GatewayException.Reason reason) {
    return switch (reason) {
      case INVALID_ARGUMENT, OUT_OF_RANGE -> 400;
      case NOT_FOUND -> 404;
      case PERMISSION_DENIED -> 403;
      case ALREADY_EXISTS, FAILED_PRECONDITION, ABORTED -> 409;
    };
  }

  /** The revision the reviewer saw; 400 with a problem body when it is not a positive number. */
  static long revision(String value) {
    try {
      long r = Long.parseLong(value == null ? "" : value.strip());
      if (r > 0) {
        return r;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw new BadRequestException(
        Problems.response(
            400, "Bad revision", "revision must be a positive number, but was '" + value + "'"));
  }

  /** A state filter such as {@code PENDING_APPROVAL}; 400 with a problem body when unknown. */
  static DecisionState state(String value) {
    try {
      DecisionState s = DecisionState.valueOf("DECISION_STATE_" + value.strip());
      if (s != DecisionState.DECISION_STATE_UNSPECIFIED) {
        return s;
      }
    } catch (IllegalArgumentException e) {
      // answered below
    }
    throw new BadRequestException(
        Problems.response(
            400,
            "Bad state filter",
            "state must be a decision state such as PENDING_APPROVAL, but was '" + value + "'"));
  }
}
