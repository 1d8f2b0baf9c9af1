package io.rehearsal.shop.load;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A piecewise-constant arrival rate over {@code [0, durationSeconds)} and the Poisson arrivals it
 * generates, seeded and exact: unit-rate Poisson times are mapped through the inverse of the
 * cumulative rate (the time-change theorem), so each segment is a Poisson process of its rate.
 *
 * @param segments rate changes, by start time, the first starting at 0
 * @param durationSeconds end of the schedule
 */
public record RateSchedule(List<Segment> segments, double durationSeconds) {

  /**
   * From {@code startSeconds} on, the rate is {@code ratePerSecond}.
   *
   * @param startSeconds segment start
   * @param ratePerSecond arrivals per second, >= 0
   */
  public record Segment(double startSeconds, double ratePerSecond) {}

  /** Validates: starts at 0, increasing starts, non-negative rates. */
  public RateSchedule {
    segments = List.copyOf(segments);
    if (segments.isEmpty() || segments.get(0).startSeconds() != 0) {
      throw new IllegalArgumentException("schedule must start at 0, but was " + segments);
    }
    for (int i = 0; i < segments.size(); i++) {
      Segment s = segments.get(i);
      if (s.ratePerSecond() < 0) {
        throw new IllegalArgumentException("segments[" + i + "].ratePerSecond < 0: " + s);
      }
      if (i > 0 && s.startSeconds() <= segments.get(i - 1).startSeconds()) {
        throw new IllegalArgumentException("segments[" + i + "] does not start later: " + s);
      }
    }
    if (durationSeconds <= 0) {
      throw new IllegalArgumentException("durationSeconds must be > 0, but was " + durationSeconds);
    }
  }

  /** A constant rate. */
  public static RateSchedule constant(double ratePerSecond, double durationSeconds) {
    return new RateSchedule(List.of(new Segment(0, ratePerSecond)), durationSeconds);
  }

  /** Parses {@code "0:40,60:80"} (seconds:rate pairs). */
  public static RateSchedule parse(String spec, double durationSeconds) {
    List<Segment> segments = new ArrayList<>();
    for (String part : spec.split(",")) {
      String[] kv = part.trim().split(":");
      if (kv.length != 2) {
        throw new IllegalArgumentException("schedule entries are seconds:rate, but got " + part);
      }
      segments.add(new Segment(Double.parseDouble(kv[0]), Double.parseDouble(kv[1])));
    }
    return new RateSchedule(segments, durationSeconds);
  }

  /** The same schedule with every rate multiplied by {@code factor}. */
  public RateSchedule scaled(double factor) {
    return new RateSchedule(
        segments.stream()
            .map(s -> new Segment(s.startSeconds(), s.ratePerSecond() * factor))
            .toList(),
        durationSeconds);
  }

  /** Arrival offsets from the start, in nanoseconds, ascending; the same for the same seed. */
  public long[] arrivalsNanos(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double total = cumulative(durationSeconds);
    List<Long> out = new ArrayList<>();
    double unit = -Math.log(1 - random.nextDouble());
    while (unit <= total) {
      out.add(Math.round(inverse(unit) * 1e9));
      unit += -Math.log(1 - random.nextDouble());
    }
    return out.stream().mapToLong(Long::longValue).toArray();
  }

  /** Expected arrivals in {@code [0, t)}. */
  double cumulative(double t) {
    double mass = 0;
    for (int i = 0; i < segments.size(); i++) {
      double from = segments.get(i).startSeconds();
      double to = Math.min(t, end(i));
      if (to > from) {
        mass += (to - from) * segments.get(i).ratePerSecond();
      }
    }
    return mass;
  }

  /** The time at which the expected arrivals reach {@code mass}. */
  double inverse(double mass) {
    double left = mass;
    for (int i = 0; i < segments.size(); i++) {
      Segment s = segments.get(i);
      double segmentMass = (end(i) - s.startSeconds()) * s.ratePerSecond();
      if (s.ratePerSecond() > 0 && left <= segmentMass) {
        return s.startSeconds() + left / s.ratePerSecond();
      }
      left -= Math.max(0, segmentMass);
    }
    return durationSeconds;
  }

  private double end(int i) {
    return i + 1 < segments.size()
        ? Math.min(segments.get(i + 1).startSeconds(), durationSeconds)
        : durationSeconds;
  }
}
