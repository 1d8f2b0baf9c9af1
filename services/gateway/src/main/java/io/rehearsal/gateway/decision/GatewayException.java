package io.rehearsal.gateway.decision;

import java.util.Objects;
import java.util.Optional;

/**
 * A request the gateway refuses, with the reason the adapter turns into a gRPC status. Policy
 * refusals are never this: they are decisions in state REJECTED.
 */
public final class GatewayException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Why a request is refused; each maps to the gRPC code of the same name. */
  public enum Reason {
    /** The request is malformed, whatever the state of the system ({@link #field()} says where). */
    INVALID_ARGUMENT,
    /** A decision, evaluation or evidence it names does not exist. */
    NOT_FOUND,
    /** The request_id was used for another request, or the reviewer already approved. */
    ALREADY_EXISTS,
    /** The caller may not do this, e.g. approve their own request. */
    PERMISSION_DENIED,
    /** The decision is not in a state that allows this (expired, terminal, not pending). */
    FAILED_PRECONDITION,
    /** The decision changed since the caller read it; re-read and retry. */
    ABORTED,
    /** A watch cursor is older than the retained history; watch again without one. */
    OUT_OF_RANGE
  }

  private final Reason reason;
  private final String field;

  private GatewayException(Reason reason, String field, String message) {
    super(message);
    this.reason = Objects.requireNonNull(reason, "reason");
    this.field = field;
  }

  /** A refusal for {@code reason}. */
  public static GatewayException of(Reason reason, String message) {
    return new GatewayException(reason, null, message);
  }

  /** INVALID_ARGUMENT about {@code field} (a proto field path such as {@code remediation.id}). */
  public static GatewayException invalid(String field, String problem) {
    return new GatewayException(Reason.INVALID_ARGUMENT, field, field + ": " + problem);
  }

  /** Why the request is refused. */
  public Reason reason() {
    return reason;
  }

  /** The offending field, for INVALID_ARGUMENT. */
  public Optional<String> field() {
    return Optional.ofNullable(field);
  }

  /** The problem without the field prefix, for a field violation's description. */
  public String problem() {
    String message = getMessage();
    return field == null ? message : message.substring(field.length() + 2);
  }
}
