package io.rehearsal.store;

/**
 * A job a consumer has read but not acknowledged.
 *
 * @param entryId the stream entry id
 * @param consumer the consumer that holds it
 * @param idleMillis milliseconds since it was delivered or last touched
 * @param deliveries how often it was delivered (reclaims included)
 */
public record PendingJob(String entryId, String consumer, long idleMillis, long deliveries) {}
