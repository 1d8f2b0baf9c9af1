package io.rehearsal.ml.incident;

import java.util.Arrays;

/** One second of one endpoint: requests, failures, and their latencies. */
final class Bucket {
  int count;
  int errors;
  private double[] latencies = new double[8];

  void add(double latencyMillis, boolean error) {
    if (count == latencies.length) {
      latencies = Arrays.copyOf(latencies, count * 2);
    }
    latencies[count++] = latencyMillis;
    if (error) {
      errors++;
    }
  }

  /** Requests that failed or took longer than {@code latencyMillis}. */
  int bad(double latencyMillis) {
    int bad = 0;
    for (int i = 0; i < count; i++) {
      if (latencies[i] > latencyMillis) {
        bad++;
      }
    }
    return Math.min(count, bad + errors);
  }

  void copyLatencies(double[] into, int offset) {
    System.arraycopy(latencies, 0, into, offset, count);
  }
}
