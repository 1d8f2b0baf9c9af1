package io.rehearsal.ml.incident;

import java.util.Arrays;

/**
 * The last seconds of one endpoint in a ring of one-second buckets. Seconds are closed in order; a
 * request for a second already closed is late and refused.
 */
final class EndpointSeries {
  final String service;
  final String endpoint;
  private final Bucket[] ring;
  private long newest = Long.MIN_VALUE;

  EndpointSeries(String service, String endpoint, int seconds) {
    this.service = service;
    this.endpoint = endpoint;
    this.ring = new Bucket[seconds];
  }

  /** Adds a request in {@code second}; false when the second has left the ring. */
  boolean add(long second, double latencyMillis, boolean error) {
    if (newest != Long.MIN_VALUE && second <= newest - ring.length) {
      return false;
    }
    bucket(second).add(latencyMillis, error);
    return true;
  }

  /** The bucket of {@code second}, emptied first if it held an older second. */
  private Bucket bucket(long second) {
    if (second > newest) {
      for (long s = Math.max(newest + 1, second - ring.length + 1); s <= second; s++) {
        ring[slot(s)] = new Bucket();
      }
      newest = second;
    }
    return ring[slot(second)];
  }

  private int slot(long second) {
    return (int) Math.floorMod(second, (long) ring.length);
  }

  /** Makes sure buckets up to {@code second} exist (empty seconds count as no requests). */
  void advance(long second) {
    if (newest == Long.MIN_VALUE || second > newest) {
      bucket(second);
    }
  }

  /** Requests and bad requests in the {@code seconds} ending with {@code last}: {count, bad}. */
  int[] countBad(long last, int seconds, double latencyMillis) {
    int count = 0;
    int bad = 0;
    for (long s = last - seconds + 1; s <= last; s++) {
      Bucket b = at(s);
      if (b != null) {
        count += b.count;
        bad += b.bad(latencyMillis);
      }
    }
    return new int[] {count, bad};
  }

  /** Requests, errors and p99 latency of the {@code seconds} ending with {@code last}. */
  Window window(long last, int seconds) {
    int count = 0;
    int errors = 0;
    for (long s = last - seconds + 1; s <= last; s++) {
      Bucket b = at(s);
      if (b != null) {
        count += b.count;
        errors += b.errors;
      }
    }
    double[] all = new double[count];
    int offset = 0;
    for (long s = last - seconds + 1; s <= last; s++) {
      Bucket b = at(s);
      if (b != null) {
        b.copyLatencies(all, offset);
        offset += b.count;
      }
    }
    Arrays.sort(all);
    double p50 = count == 0 ? Double.NaN : all[(int) Math.ceil(0.50 * count) - 1];
    double p99 = count == 0 ? Double.NaN : all[(int) Math.ceil(0.99 * count) - 1];
    return new Window(count, errors, p50, p99, seconds);
  }

  private Bucket at(long second) {
    if (newest == Long.MIN_VALUE || second > newest || second <= newest - ring.length) {
      return null;
    }
    return ring[slot(second)];
  }

  /** One aggregated window: requests, failures, p50 and p99 latency (NaN if empty), length. */
  record Window(int count, int errors, double p50, double p99, int seconds) {
    double errorRate() {
      return count == 0 ? 0 : (double) errors / count;
    }

    double throughput() {
      return (double) count / seconds;
    }
  }
}
