package io.rehearsal.detector.ingest;

/** The answer of {@link IngestPipeline} to an offer: an expected "no" is a value. */
public enum Admission {
  /** Queued for aggregation; the items will be counted. */
  ACCEPTED,
  /** No room now; the sender should retry after the configured delay. */
  THROTTLED,
  /** More items than the pipeline can ever hold at once; the sender must split the batch. */
  NEVER_FITS
}
