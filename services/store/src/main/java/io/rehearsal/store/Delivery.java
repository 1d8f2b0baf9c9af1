package io.rehearsal.store;

/**
 * A job handed to one consumer.
 *
 * @param entryId the stream entry id (used to acknowledge it)
 * @param batch the batch it belongs to
 * @param jobId its id within the batch
 * @param payload the job's bytes, as submitted
 * @param reclaimed whether it was taken over from a consumer that held it too long
 */
public record Delivery(
    String entryId, String batch, String jobId, byte[] payload, boolean reclaimed) {}
