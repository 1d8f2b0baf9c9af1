package io.rehearsal.ml.incident;

/** What a symptom says is wrong with an endpoint. */
public enum Signal {
  /** The endpoint's SLO burns its error budget too fast over both windows. */
  SLO_BURN,
  /** The endpoint's median latency is far above its baseline. */
  LATENCY_P50,
  /** The endpoint's p99 latency is far above its baseline. */
  LATENCY_P99,
  /** The endpoint's error rate is far above its baseline. */
  ERROR_RATE,
  /** The endpoint's throughput is far from its baseline, up or down. */
  THROUGHPUT,
  /**
   * The service's requests stopped running side by side: it serves them one at a time although they
   * used to overlap (lost workers, a lock); service-wide, so its endpoint is {@link
   * Symptom#ALL_ENDPOINTS}. The value is the share of requests that started while another was
   * running.
   */
  CONCURRENCY
}
