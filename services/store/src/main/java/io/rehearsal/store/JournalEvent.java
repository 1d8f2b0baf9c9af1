package io.rehearsal.store;

/**
 * One decision change as the journal recorded it.
 *
 * @param cursor its position in the event stream ({@code ms-seq}); resume after it
 * @param decisionId the decision that changed
 * @param payload the caller's event bytes
 */
public record JournalEvent(String cursor, String decisionId, byte[] payload) {}
