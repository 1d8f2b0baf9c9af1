package io.rehearsal.calibration;

import io.rehearsal.telemetry.MetricKind;
import io.rehearsal.telemetry.MetricPoint;
import io.rehearsal.telemetry.Recording;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reads host metrics in the Collector's {@code hostmetrics} shape ({@code system.cpu.time} per
 * {@code cpu} and {@code state}; {@code process.cpu.time} per process, resource {@code
 * process.pid}, {@code process.executable.name}, {@code host.name}) into a {@link HostLoad}. A
 * process is a service's when some metric of that service names the same {@code process.pid} (the
 * OpenTelemetry agents put it on their resource); the others on the services' host are background.
 * Each background group is fitted over fixed windows as cores = fixed + perRequest x entry rate
 * (least squares, both parts non-negative); when the entry rate hardly varies the two cannot be
 * told apart, and all of it is taken to grow with throughput (so the twin saturates no later than
 * the recording implies), which the fit text says.
 */
final class HostCpu {
  static final String SYSTEM_CPU = "system.cpu.time";
  static final String PROCESS_CPU = "process.cpu.time";
  private static final Set<String> IDLE = Set.of("idle", "iowait", "steal");
  private static final double WINDOW_SECONDS = 10;
  private static final double MIN_VARIATION = 0.25;

  /** Background groups using less than this are not worth a line in the notes. */
  private static final double MIN_REPORTED_CORES = 0.01;

  private HostCpu() {}

  /** The host load over the recording's period; the entry requests are the root ones. */
  static HostLoad read(Recording recording, List<ServedRequest> requests, Sampling sampling) {
    long from = recording.firstRootStartNanos();
    long to = recording.lastRootStartNanos();
    List<MetricPoint> metrics = recording.metrics();
    if (to <= from
        || metrics.stream().noneMatch(p -> isCpu(p, SYSTEM_CPU) || isCpu(p, PROCESS_CPU))) {
      return HostLoad.NONE;
    }
    Map<String, String> serviceByPid = new HashMap<>();
    Map<String, Integer> hostVotes = new TreeMap<>();
    for (MetricPoint p : metrics) {
      String pid = p.resource().get("process.pid");
      if (pid != null && !p.service().startsWith("unknown_service")) {
        if (serviceByPid.putIfAbsent(pid, p.service()) == null) {
          hostVotes.merge(p.resource().getOrDefault("host.name", ""), 1, Integer::sum);
        }
      }
    }
    String host =
        hostVotes.entrySet().stream()
            .max(Map.Entry.comparingByValue())
            .map(Map.Entry::getKey)
            .orElse("");
    double seconds = (to - from) / 1e9;
    double[] system = system(metrics, host, from, to);
    Map<String, List<MetricIntervals.Interval>> byPid =
        MetricIntervals.of(
            metrics.stream().filter(p -> isCpu(p, PROCESS_CPU) && onHost(p, host)).toList(),
            p -> p.resource().get("process.pid"),
            MetricPoint::value);
    Map<String, String> exe = new HashMap<>();
    metrics.stream()
        .filter(p -> isCpu(p, PROCESS_CPU))
        .forEach(
            p ->
                exe.putIfAbsent(
                    p.resource().getOrDefault("process.pid", ""),
                    p.resource().getOrDefault("process.executable.name", "process")));
    Map<String, Double> serviceCores = new TreeMap<>();
    Map<String, List<MetricIntervals.Interval>> groups = new TreeMap<>();
    Map<String, Integer> processes = new TreeMap<>();
    byPid.forEach(
        (pid, intervals) -> {
          String service = serviceByPid.get(pid);
          if (service != null) {
            serviceCores.merge(
                service, MetricIntervals.within(intervals, from, to) / seconds, Double::sum);
          } else {
            String name = exe.getOrDefault(pid, "process");
            groups.computeIfAbsent(name, k -> new ArrayList<>()).addAll(intervals);
            processes.merge(name, 1, Integer::sum);
          }
        });
    List<MetricIntervals.Interval> entry =
        entryCounts(CpuRegression.requestCounts(metrics), requests);
    if (!entry.isEmpty()) {
      return fromRequestMetrics(host, system, serviceCores, groups, processes, entry, from, to);
    }
    double[] rates = entryRates(requests, sampling, from, to);
    double weight = sampling.weight(sampling.kept().isEmpty() ? "" : entryService(requests));
    double spread = variation(rates, weight * WINDOW_SECONDS);
    boolean varies = spread >= MIN_VARIATION;
    List<HostLoad.Background> background = new ArrayList<>();
    groups.forEach(
        (name, intervals) ->
            background.add(fit(name, processes.get(name), intervals, rates, from, varies)));
    String fit =
        varies
            ? "background CPU regressed on the entry rate over "
                + rates.length
                + " windows of "
                + (int) WINDOW_SECONDS
                + " s"
            : String.format(
                Locale.ROOT,
                "the entry rate hardly varied (coefficient of variation %.2f beyond sampling noise"
                    + " over %d windows), so"
                    + " fixed and per-request background CPU cannot be told apart: all of it is"
                    + " taken to grow with throughput (record a varying rate, or calibrate on"
                    + " more than one rate, to separate them)",
                spread,
                rates.length);
    return new HostLoad(host, system[0], system[1], serviceCores, background, fit, !varies);
  }

  /**
   * Each background group's CPU regressed on the complete entry counts over the intervals between
   * its metric points ({@link RateFit}): the leverage is whatever the entry rate varied, including
   * the load stopping or starting while the metrics still run.
   */
  private static HostLoad fromRequestMetrics(
      String host,
      double[] system,
      Map<String, Double> serviceCores,
      Map<String, List<MetricIntervals.Interval>> groups,
      Map<String, Integer> processes,
      List<MetricIntervals.Interval> entry,
      long from,
      long to) {
    double seconds = (to - from) / 1e9;
    List<HostLoad.Background> background = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    boolean[] all = {true};
    groups.forEach(
        (name, intervals) -> {
          RateFit f = RateFit.of(intervals, entry);
          double mean = MetricIntervals.within(intervals, from, to) / seconds;
          if (f.intervals() == 0) {
            f = new RateFit(mean, 0, Double.NaN, Double.NaN, mean, 0, false);
          }
          background.add(
              new HostLoad.Background(
                  name, processes.get(name), mean, f.fixedCores(), f.perRequestSeconds()));
          all[0] &= f.identified() || f.meanCores() < MIN_REPORTED_CORES;
          if (f.meanCores() >= MIN_REPORTED_CORES) {
            text.append(text.isEmpty() ? "" : "; ").append(name).append(' ').append(f.text());
          }
        });
    String fit =
        "background CPU regressed on the entry requests of "
            + Sampling.REQUEST_METRIC
            + " between metric points"
            + (text.isEmpty() ? "" : ": " + text);
    return new HostLoad(host, system[0], system[1], serviceCores, background, fit, !all[0]);
  }

  /**
   * Entry requests between metric points: the request counts of each service that has root spans,
   * scaled by the share of its sampled spans that are roots.
   */
  static List<MetricIntervals.Interval> entryCounts(
      Map<String, List<MetricIntervals.Interval>> counts, List<ServedRequest> requests) {
    Map<String, int[]> roots = new TreeMap<>(); // roots, all
    for (ServedRequest r : requests) {
      int[] n = roots.computeIfAbsent(r.span().service(), k -> new int[2]);
      n[0] += r.root() ? 1 : 0;
      n[1]++;
    }
    List<MetricIntervals.Interval> out = new ArrayList<>();
    roots.forEach(
        (service, n) -> {
          if (n[0] > 0 && counts.containsKey(service)) {
            double share = n[0] / (double) n[1];
            counts
                .get(service)
                .forEach(
                    i ->
                        out.add(
                            new MetricIntervals.Interval(i.from(), i.to(), i.amount() * share)));
          }
        });
    return out;
  }

  private static HostLoad.Background fit(
      String name,
      int processes,
      List<MetricIntervals.Interval> intervals,
      double[] rates,
      long from,
      boolean varies) {
    long width = (long) (WINDOW_SECONDS * 1e9);
    double[] cores = new double[rates.length];
    double meanCores = 0;
    double meanRate = 0;
    for (int w = 0; w < rates.length; w++) {
      long a = from + w * width;
      cores[w] = MetricIntervals.within(intervals, a, a + width) / WINDOW_SECONDS;
      meanCores += cores[w] / rates.length;
      meanRate += rates[w] / rates.length;
    }
    double perRequest = meanRate > 0 ? meanCores / meanRate : 0;
    double fixed = meanRate > 0 ? 0 : meanCores;
    if (varies) {
      double sxy = 0;
      double sxx = 0;
      for (int w = 0; w < rates.length; w++) {
        sxy += (rates[w] - meanRate) * (cores[w] - meanCores);
        sxx += (rates[w] - meanRate) * (rates[w] - meanRate);
      }
      double slope = sxx > 0 ? Math.max(0, sxy / sxx) : 0;
      double intercept = meanCores - slope * meanRate;
      if (intercept < 0) {
        slope = perRequest;
        intercept = 0;
      }
      perRequest = slope;
      fixed = intercept;
    }
    return new HostLoad.Background(name, processes, meanCores, fixed, perRequest);
  }

  /** Cores and mean busy cores of {@code host} from system.cpu.time (NaN, NaN without it). */
  private static double[] system(List<MetricPoint> metrics, String host, long from, long to) {
    List<MetricPoint> points =
        metrics.stream().filter(p -> isCpu(p, SYSTEM_CPU) && onHost(p, host)).toList();
    if (points.isEmpty()) {
      return new double[] {Double.NaN, Double.NaN};
    }
    Set<String> cpus = new TreeSet<>();
    points.forEach(p -> cpus.add(p.attributes().getOrDefault("cpu", "")));
    Map<String, List<MetricIntervals.Interval>> busy =
        MetricIntervals.of(
            points,
            p -> IDLE.contains(p.attributes().getOrDefault("state", "")) ? null : "busy",
            MetricPoint::value);
    double used = MetricIntervals.within(busy.getOrDefault("busy", List.of()), from, to);
    double cores = cpus.contains("") ? Double.NaN : cpus.size();
    return new double[] {cores, used / ((to - from) / 1e9)};
  }

  /** Entry requests per second in each whole window of [from, to]. */
  static double[] entryRates(List<ServedRequest> requests, Sampling sampling, long from, long to) {
    long width = (long) (WINDOW_SECONDS * 1e9);
    int windows = (int) Math.max(1, (to - from) / width);
    double[] out = new double[windows];
    for (ServedRequest r : requests) {
      long w = (r.span().startNanos() - from) / width;
      if (r.root() && w >= 0 && w < windows) {
        out[(int) w] += sampling.weight(r.span().service()) / WINDOW_SECONDS;
      }
    }
    return out;
  }

  /**
   * Coefficient of variation of {@code values} beyond the Poisson noise of counting sampled
   * requests, each standing for {@code unit} of a value (so a value v holds v / unit counts).
   */
  static double variation(double[] values, double unit) {
    double mean = java.util.Arrays.stream(values).average().orElse(0);
    if (mean <= 0 || values.length < 3) {
      return 0;
    }
    double var = 0;
    for (double v : values) {
      var += (v - mean) * (v - mean) / (values.length - 1);
    }
    return Math.sqrt(Math.max(0, var - unit * mean)) / mean;
  }

  private static String entryService(List<ServedRequest> requests) {
    return requests.stream()
        .filter(ServedRequest::root)
        .map(r -> r.span().service())
        .findFirst()
        .orElse("");
  }

  private static boolean isCpu(MetricPoint p, String name) {
    return p.name().equals(name) && p.kind() == MetricKind.SUM;
  }

  private static boolean onHost(MetricPoint p, String host) {
    String name = p.resource().get("host.name");
    return host.isEmpty() || name == null || name.equals(host);
  }
}
