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
  THROUGHPUT
}
