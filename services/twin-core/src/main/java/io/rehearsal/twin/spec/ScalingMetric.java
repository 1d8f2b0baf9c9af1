package io.rehearsal.twin.spec;

/** The metric a horizontal pod autoscaler tracks, averaged per ready replica over a sync period. */
public enum ScalingMetric {
  /** Busy workers / workers (a fraction, like CPU utilisation of the request). */
  UTILIZATION,
  /** Requests in the replica (in service or queued). */
  CONCURRENCY,
  /** Arrivals per second. */
  REQUEST_RATE
}
