package io.rehearsal.gateway.security;

import io.grpc.Status;
import io.rehearsal.proto.v1.ApproveRequest;
import io.rehearsal.proto.v1.CancelRequest;
import io.rehearsal.proto.v1.RejectRequest;
import io.rehearsal.proto.v1.RemediationRequest;
import io.rehearsal.proto.v1.SetKillSwitchRequest;

/**
 * Binds the identity fields of a request to the authenticated caller, so nobody can approve,
 * reject, cancel or submit in another's name: an empty field is filled with the caller's name, a
 * different one is refused (PERMISSION_DENIED). This is what makes "the requester never approves"
 * hold, and names who changed the kill switch.
 */
final class IdentityFields {

  private IdentityFields() {}

  /** The message with its identity field bound to {@code caller}; throws the refusal otherwise. */
  static Object bind(Object message, Caller caller) {
    if (message instanceof ApproveRequest r) {
      return r.toBuilder().setReviewer(checked("reviewer", r.getReviewer(), caller)).build();
    }
    if (message instanceof RejectRequest r) {
      return r.toBuilder().setReviewer(checked("reviewer", r.getReviewer(), caller)).build();
    }
    if (message instanceof CancelRequest r) {
      return r.toBuilder().setActor(checked("actor", r.getActor(), caller)).build();
    }
    if (message instanceof SetKillSwitchRequest r) {
      return r.toBuilder().setActor(checked("actor", r.getActor(), caller)).build();
    }
    if (message instanceof RemediationRequest r) {
      return r.toBuilder().setRequester(checked("requester", r.getRequester(), caller)).build();
    }
    return message;
  }

  private static String checked(String field, String given, Caller caller) {
    if (given.isEmpty() || given.equals(caller.name())) {
      return caller.name();
    }
    throw Status.PERMISSION_DENIED
        .withDescription(
            field
                + " '"
                + given
                + "' is not the authenticated caller '"
                + caller.name()
                + "' (leave it empty: the gateway fills it in)")
        .asRuntimeException();
  }
}
