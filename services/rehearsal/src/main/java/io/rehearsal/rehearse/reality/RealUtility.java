package io.rehearsal.rehearse.reality;

import io.rehearsal.rehearse.evaluation.Objectives;
import io.rehearsal.telemetry.MetricPoint;
import io.rehearsal.telemetry.Recording;
import io.rehearsal.telemetry.Span;
import io.rehearsal.telemetry.SpanKind;
import io.rehearsal.twin.spec.SloSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The real utility of one recorded arm, computed as the rehearsal computes a simulated one ({@link
 * Objectives#utility}): per SLO, the good-event share is the share of the endpoint's requests
 * (valid events: every request, failed, rejected or shed included) that succeeded within {@code m}
 * times the SLO's latency threshold, for {@code m} in {@link Objectives#GRADED_MULTIPLES}; the
 * graded attainment is their weighted mean, and the utility subtracts {@code costWeight x
 * replica-seconds}.
 *
 * <p>What the recording holds, and how it is counted over the window {@code [from, to)}:
 *
 * <ul>
 *   <li>requests that reached a worker: the SERVER spans of the SLO's service and endpoint that
 *       start in the window; good when neither an error nor an HTTP status of 400 or more, and no
 *       longer than the threshold. The traces may be sampled (a share {@code sampleRatio} kept by
 *       trace id); the shares are then estimated from the sample;
 *   <li>requests turned away before a worker (queue full, shed, rate limited): the increments of
 *       the {@code rehearsal.shop.requests.rejected} counter of the SLO's service with the
 *       endpoint's {@code http.request.method} and {@code http.route}, counted in full and weighed
 *       by {@code sampleRatio} against the sampled spans;
 *   <li>requests that reached no server (a refused connection to a restarting replica): given by
 *       the caller from the load generator's log ({@code unseen}), weighed the same way;
 *   <li>cost: every process reports {@code rehearsal.shop.pool.workers} once per metric interval,
 *       so the points in the window times the interval are its replica-seconds.
 * </ul>
 *
 * The window is also cut into {@code blocks} equal blocks, each scored alone (its cost scaled to
 * the whole window), so that two arms recorded with the same arrivals can be compared block by
 * block ({@link PairedInterval}).
 */
public final class RealUtility {
  /** The counter of requests turned away before a worker. */
  public static final String REJECTED = "rehearsal.shop.requests.rejected";

  /** The gauge every service process reports once per metric interval. */
  public static final String WORKERS = "rehearsal.shop.pool.workers";

  /**
   * Where and how to measure.
   *
   * @param fromNanos window start, epoch nanoseconds
   * @param toNanos window end (exclusive), epoch nanoseconds
   * @param sampleRatio share of traces the recording kept, in (0, 1]
   * @param metricIntervalSeconds how often each process reports its metrics
   * @param blocks equal time blocks for the paired intervals, at least 2
   */
  public record Window(
      long fromNanos, long toNanos, double sampleRatio, double metricIntervalSeconds, int blocks) {
    /** Validates the window. */
    public Window {
      if (!(toNanos > fromNanos)) {
        throw new IllegalArgumentException(
            "toNanos must be after fromNanos " + fromNanos + ", but was " + toNanos);
      }
      if (!(sampleRatio > 0 && sampleRatio <= 1)) {
        throw new IllegalArgumentException("sampleRatio must be in (0, 1], but was " + sampleRatio);
      }
      if (!(metricIntervalSeconds > 0)) {
        throw new IllegalArgumentException(
            "metricIntervalSeconds must be > 0, but was " + metricIntervalSeconds);
      }
      if (blocks < 2) {
        throw new IllegalArgumentException("blocks must be >= 2, but was " + blocks);
      }
    }

    /** The block a time falls in, or -1 outside the window. */
    int block(long nanos) {
      if (nanos < fromNanos || nanos >= toNanos) {
        return -1;
      }
      return (int) Math.min(blocks - 1, (nanos - fromNanos) * blocks / (toNanos - fromNanos));
    }

    double seconds() {
      return (toNanos - fromNanos) / 1e9;
    }
  }

  private RealUtility() {}

  /**
   * Scores one arm.
   *
   * @param recording the arm's telemetry
   * @param slos the SLOs it is judged by (the candidate file's, as in the rehearsal)
   * @param objectives SLO weights and cost weight
   * @param window where and how to measure
   * @param unseen per SLO endpoint ({@code service/endpoint}), the epoch nanoseconds of requests
   *     that reached no server; endpoints left out had none
   */
  public static RealArm of(
      Recording recording,
      List<SloSpec> slos,
      Objectives objectives,
      Window window,
      Map<String, List<Long>> unseen) {
    Rejections rejections = Rejections.of(recording.metrics(), window);
    double[] cost = replicaSeconds(recording.metrics(), window);
    List<SloTally> tallies = new ArrayList<>();
    for (SloSpec slo : slos) {
      SloTally t = new SloTally(slo, window);
      recording.spans().forEach(t::add);
      t.addUnseen(rejections.of(slo.endpoint()));
      unseen.getOrDefault(slo.endpoint(), List.of()).forEach(n -> t.addUnseen(window.block(n)));
      tallies.add(t);
    }
    return score(tallies, slos, objectives, window, cost);
  }

  /**
   * Scores one arm from the client's view of its requests instead of the spans: every request
   * counts (the client saw the rejected, shed and unanswered ones too), latency from sending to the
   * answer. The cost still comes from the recording's metrics; the window's sample ratio is unused.
   *
   * @param requests the arm's requests, each under its SLO endpoint
   * @param recording the arm's telemetry (for replica-seconds)
   */
  public static RealArm ofClientView(
      List<ClientRequest> requests,
      Recording recording,
      List<SloSpec> slos,
      Objectives objectives,
      Window window) {
    double[] cost = replicaSeconds(recording.metrics(), window);
    List<SloTally> tallies = new ArrayList<>();
    for (SloSpec slo : slos) {
      SloTally t = new SloTally(slo, window);
      requests.stream().filter(r -> r.endpoint().equals(slo.endpoint())).forEach(t::add);
      tallies.add(t);
    }
    return score(tallies, slos, objectives, window, cost);
  }

  private static RealArm score(
      List<SloTally> tallies, List<SloSpec> slos, Objectives o, Window w, double[] cost) {
    double total = 0;
    for (double c : cost) {
      total += c;
    }
    Grade whole = grade(tallies, slos, o, -1);
    List<Double> blocks = new ArrayList<>();
    for (int b = 0; b < w.blocks(); b++) {
      blocks.add(grade(tallies, slos, o, b).graded() - o.costWeight() * cost[b] * w.blocks());
    }
    List<RealArm.SloCount> perSlo = new ArrayList<>();
    for (int i = 0; i < tallies.size(); i++) {
      SloTally t = tallies.get(i);
      perSlo.add(
          new RealArm.SloCount(
              slos.get(i).endpoint(), t.requests(-1), t.unseen(-1), t.share(1, -1)));
    }
    return new RealArm(
        whole.graded() - o.costWeight() * total,
        whole.graded(),
        whole.attainment(),
        total,
        blocks,
        perSlo);
  }

  private record Grade(double attainment, double graded) {}

  /** Weighted headline and graded attainment over the whole window (block -1) or one block. */
  private static Grade grade(List<SloTally> tallies, List<SloSpec> slos, Objectives o, int block) {
    double headline = 0;
    double graded = 0;
    double weights = 0;
    for (int i = 0; i < tallies.size(); i++) {
      double w = o.weight(slos.get(i).endpoint());
      SloTally t = tallies.get(i);
      double sum = 0;
      for (double m : Objectives.GRADED_MULTIPLES) {
        sum += t.share(m, block);
      }
      headline += w * t.share(1, block);
      graded += w * sum / Objectives.GRADED_MULTIPLES.size();
      weights += w;
    }
    return weights == 0 ? new Grade(1, 1) : new Grade(headline / weights, graded / weights);
  }

  /** Replica-seconds per block: one report per process and interval. */
  private static double[] replicaSeconds(List<MetricPoint> metrics, Window w) {
    double[] out = new double[w.blocks()];
    for (MetricPoint p : metrics) {
      int b = w.block(p.timeNanos());
      if (b >= 0 && p.name().equals(WORKERS)) {
        out[b] += w.metricIntervalSeconds();
      }
    }
    return out;
  }

  /** The spans and unseen bad events of one SLO, per block. */
  private static final class SloTally {
    private final String service;
    private final String endpoint;
    private final SloSpec slo;
    private final Window window;
    private final long[] requests;
    private final long[] unseen;
    private final long[][] good;

    SloTally(SloSpec slo, Window window) {
      int slash = slo.endpoint().indexOf('/');
      this.service = slo.endpoint().substring(0, Math.max(0, slash));
      this.endpoint = slo.endpoint().substring(slash + 1);
      this.slo = slo;
      this.window = window;
      this.requests = new long[window.blocks()];
      this.unseen = new long[window.blocks()];
      this.good = new long[Objectives.GRADED_MULTIPLES.size()][window.blocks()];
    }

    void add(Span s) {
      int b = window.block(s.startNanos());
      if (b < 0
          || s.kind() != SpanKind.SERVER
          || !s.service().equals(service)
          || !s.endpoint().equals(endpoint)) {
        return;
      }
      requests[b]++;
      if (s.error() || s.httpStatus() >= 400) {
        return;
      }
      for (int m = 0; m < good.length; m++) {
        if (s.durationNanos() <= slo.latency() * Objectives.GRADED_MULTIPLES.get(m) * 1e9) {
          good[m][b]++;
        }
      }
    }

    void add(ClientRequest r) {
      int b = window.block(r.epochNanos());
      if (b < 0) {
        return;
      }
      requests[b]++;
      for (int m = 0; m < good.length; m++) {
        if (r.goodWithin(slo.latency() * Objectives.GRADED_MULTIPLES.get(m))) {
          good[m][b]++;
        }
      }
    }

    void addUnseen(int block) {
      if (block >= 0) {
        unseen[block]++;
      }
    }

    void addUnseen(long[] perBlock) {
      for (int b = 0; b < perBlock.length; b++) {
        unseen[b] += perBlock[b];
      }
    }

    long requests(int block) {
      return block < 0 ? sum(requests) : requests[block];
    }

    long unseen(int block) {
      return block < 0 ? sum(unseen) : unseen[block];
    }

    /** Good-event share within {@code multiple} x the threshold; 1 when there were no events. */
    double share(double multiple, int block) {
      int m = Objectives.GRADED_MULTIPLES.indexOf(multiple);
      long g = block < 0 ? sum(good[m]) : good[m][block];
      double valid = requests(block) + window.sampleRatio() * unseen(block);
      return valid == 0 ? 1 : Math.min(1, g / valid);
    }

    private static long sum(long[] values) {
      long s = 0;
      for (long v : values) {
        s += v;
      }
      return s;
    }
  }
}
