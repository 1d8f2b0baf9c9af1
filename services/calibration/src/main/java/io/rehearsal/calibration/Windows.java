package io.rehearsal.calibration;

import java.util.ArrayList;
import java.util.List;

/** Fixed windows from the first request's start to the last request's end. */
final class Windows {
  private final long origin;
  private final long widthNanos;
  private final int count;

  Windows(List<ServedRequest> requests, double widthSeconds) {
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;
    for (ServedRequest r : requests) {
      first = Math.min(first, r.span().startNanos());
      last = Math.max(last, r.span().endNanos());
    }
    this.origin = first;
    this.widthNanos = Math.max(1, Math.round(widthSeconds * 1e9));
    this.count = (int) Math.max(1, (last - first) / widthNanos);
  }

  int count() {
    return count;
  }

  /** CPU seconds (row 0) and covered seconds (row 1) per window, spread pro rata. */
  double[][] spread(List<CpuRegression.Interval> intervals) {
    double[][] out = new double[2][count];
    for (CpuRegression.Interval interval : intervals) {
      long length = interval.to() - interval.from();
      int firstWindow = (int) Math.max(0, Math.floorDiv(interval.from() - origin, widthNanos));
      for (int w = firstWindow; w < count; w++) {
        long from = Math.max(interval.from(), origin + w * widthNanos);
        long to = Math.min(interval.to(), origin + (w + 1) * widthNanos);
        if (from >= interval.to()) {
          break;
        }
        if (to > from) {
          out[0][w] += interval.cpuSeconds() * (to - from) / (double) length;
          out[1][w] += (to - from) / 1e9;
        }
      }
    }
    return out;
  }

  /** Completed requests per window (row) and endpoint of {@code service} (column). */
  double[][] counts(List<ServedRequest> requests, String service, List<String> endpoints) {
    return counts(requests, service, endpoints, 1);
  }

  /** As {@link #counts(List, String, List)}, each span standing for {@code weight} requests. */
  double[][] counts(
      List<ServedRequest> requests, String service, List<String> endpoints, double weight) {
    double[][] out = new double[count][endpoints.size()];
    for (ServedRequest r : requests) {
      if (r.span().service().equals(service)) {
        long w = Math.floorDiv(r.span().endNanos() - origin, widthNanos);
        int e = endpoints.indexOf(r.span().endpoint());
        if (w >= 0 && w < count && e >= 0) {
          out[(int) w][e] += weight;
        }
      }
    }
    return out;
  }

  /** Windows whose coverage is at least {@code share} of the best-covered window's. */
  List<Integer> fullyCovered(double[] coverage, double share) {
    double max = 0;
    for (double c : coverage) {
      max = Math.max(max, c);
    }
    List<Integer> out = new ArrayList<>();
    for (int w = 0; w < count; w++) {
      if (max > 0 && coverage[w] >= share * max) {
        out.add(w);
      }
    }
    return out;
  }
}
