package io.rehearsal.ml.rca;

/** A per-instance gauge that root-cause ranking reads. */
public enum Gauge {
  /** Size of the worker pool of one instance. */
  WORKERS,
  /** Requests waiting in one instance's queue. */
  QUEUE
}
