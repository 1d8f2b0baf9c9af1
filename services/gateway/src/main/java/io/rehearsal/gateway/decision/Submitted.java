package io.rehearsal.gateway.decision;

import io.rehearsal.proto.v1.Decision;

/**
 * The answer to a submission.
 *
 * @param decision the decision for the request, as stored
 * @param created true when this call created it; false when it replayed an existing request_id
 */
public record Submitted(Decision decision, boolean created) {}
