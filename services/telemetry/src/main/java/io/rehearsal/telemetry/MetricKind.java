package io.rehearsal.telemetry;

/** The OpenTelemetry metric data types a {@link MetricPoint} can come from. */
public enum MetricKind {
  /** A sampled current value, e.g. {@code process.cpu.utilization}. */
  GAUGE,
  /** A sum, usually a monotonic counter, e.g. {@code process.cpu.time}. */
  SUM,
  /** A histogram (explicit or exponential buckets); the point carries its sum and count. */
  HISTOGRAM,
  /** A summary; the point carries its sum and count. */
  SUMMARY;

  /** True for kinds whose points aggregate many observations (HISTOGRAM, SUMMARY). */
  public boolean isDistribution() {
    return this == HISTOGRAM || this == SUMMARY;
  }
}
