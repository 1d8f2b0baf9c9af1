package io.rehearsal.gateway.decision;

import com.google.protobuf.Duration;
import io.rehearsal.proto.v1.BlastRadius;
import io.rehearsal.proto.v1.Environment;
import io.rehearsal.proto.v1.Remediation;
import io.rehearsal.proto.v1.RemediationRequest;
import java.util.regex.Pattern;

/**
 * Checks a {@link RemediationRequest} before anything is looked up or decided; the first problem
 * found is thrown as INVALID_ARGUMENT naming the field.
 */
final class RequestValidator {

  /** decision.proto: 1-128 characters of [A-Za-z0-9._:-]. */
  static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

  /** What the store accepts as an id (evaluation ids are store ids). */
  static final Pattern STORE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:@/-]{0,199}");

  private RequestValidator() {}

  /**
   * Validates {@code request}.
   *
   * @throws GatewayException INVALID_ARGUMENT for the first malformed field
   */
  static void validate(RemediationRequest request) {
    if (!REQUEST_ID.matcher(request.getRequestId()).matches()) {
      throw GatewayException.invalid(
          "request_id",
          "must be 1-128 characters of [A-Za-z0-9._:-], but was '" + request.getRequestId() + "'");
    }
    if (!request.hasRemediation()) {
      throw GatewayException.invalid("remediation", "is required");
    }
    remediation(request.getRemediation());
    if (request.getEnvironment() == Environment.ENVIRONMENT_UNSPECIFIED
        || request.getEnvironment() == Environment.UNRECOGNIZED) {
      throw GatewayException.invalid("environment", "must be set");
    }
    if (!request.getEvaluationId().isEmpty()
        && !STORE_ID.matcher(request.getEvaluationId()).matches()) {
      throw GatewayException.invalid(
          "evaluation_id", "is not an evaluation id: '" + request.getEvaluationId() + "'");
    }
    if (request.getRequester().isBlank()) {
      throw GatewayException.invalid("requester", "is required");
    }
    if (request.hasTtl()) {
      ttl(request.getTtl());
    }
  }

  private static void remediation(Remediation r) {
    if (r.getId().isBlank()) {
      throw GatewayException.invalid("remediation.id", "is required");
    }
    if (r.getActionCase() == Remediation.ActionCase.ACTION_NOT_SET) {
      throw GatewayException.invalid("remediation.action", "exactly one action must be set");
    }
    BlastRadius b = r.getBlastRadius();
    if (!(b.getTrafficFraction() >= 0 && b.getTrafficFraction() <= 1)) {
      throw GatewayException.invalid(
          "remediation.blast_radius.traffic_fraction",
          "must be in [0, 1], but was " + b.getTrafficFraction());
    }
    if (b.getReplicas() < 0) {
      throw GatewayException.invalid(
          "remediation.blast_radius.replicas", "must be >= 0, but was " + b.getReplicas());
    }
  }

  private static void ttl(Duration ttl) {
    if (ttl.getSeconds() < 0
        || ttl.getNanos() < 0
        || (ttl.getSeconds() == 0 && ttl.getNanos() == 0)) {
      throw GatewayException.invalid(
          "ttl", "must be positive, but was " + ttl.getSeconds() + "s " + ttl.getNanos() + "ns");
    }
  }
}
