package io.rehearsal.sandbox.mapping;

import io.rehearsal.proto.v1.Remediation;
import io.rehearsal.twin.spec.RemediationKind;

/**
 * The one mapping between the contract's remediation actions and the twin's {@link
 * RemediationKind}, the single definition of remediation kinds.
 */
public final class RemediationKinds {

  private RemediationKinds() {}

  /**
   * The twin kind that rehearses an action; the three call-policy changes share {@link
   * RemediationKind#CALL_POLICY}.
   *
   * @throws InvalidRequestException naming {@code field} when no action is set
   */
  public static RemediationKind twinKind(Remediation.ActionCase action, String field) {
    return switch (action) {
      case SCALE -> RemediationKind.SCALE;
      case ROLLBACK -> RemediationKind.ROLLBACK;
      case RESTART -> RemediationKind.RESTART;
      case RATE_LIMIT -> RemediationKind.RATE_LIMIT;
      case SHED_LOAD -> RemediationKind.SHED_LOAD;
      case TIMEOUT_CHANGE, RETRY_CHANGE, CIRCUIT_BREAKER_CHANGE -> RemediationKind.CALL_POLICY;
      case REROUTE -> RemediationKind.REROUTE;
      case FAILOVER -> RemediationKind.FAILOVER;
      case AUTOSCALER_CHANGE -> RemediationKind.AUTOSCALER;
      case CACHE_CHANGE -> RemediationKind.CACHE;
      case ACTION_NOT_SET ->
          throw new InvalidRequestException(field, "exactly one action must be set, but was none");
    };
  }

  /** The contract's kind of an action (its field number, see remediation.proto). */
  public static io.rehearsal.proto.v1.RemediationKind protoKind(Remediation.ActionCase action) {
    return io.rehearsal.proto.v1.RemediationKind.forNumber(action.getNumber());
  }
}
