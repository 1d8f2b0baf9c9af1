package io.rehearsal.calibration.fidelity;

import io.rehearsal.calibration.Calibration;
import io.rehearsal.calibration.HostBackground;
import io.rehearsal.twin.Simulation;
import io.rehearsal.twin.run.DependencyResult;
import io.rehearsal.twin.run.EndpointResult;
import io.rehearsal.twin.run.RunResult;
import io.rehearsal.twin.run.ServiceResult;
import io.rehearsal.twin.run.SimulationConfig;
import io.rehearsal.twin.spec.ArrivalPattern;
import io.rehearsal.twin.spec.EndpointSpec;
import io.rehearsal.twin.spec.HostSpec;
import io.rehearsal.twin.spec.Scenario;
import io.rehearsal.twin.spec.ServiceSpec;
import io.rehearsal.twin.spec.TrafficSpec;
import io.rehearsal.twin.spec.TwinSpec;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * The knee of a twin: its entry rates (same mix) scaled up step by step, each step run for a short
 * horizon, until the pooled entry p99 breaks the SLO or a resource saturates. A host saturates when
 * the CPU its endpoints used (throughput x CPU share x mean self time, background included) reaches
 * {@value #SATURATED} of its cores; a worker pool when a service's workers are that busy; a rate
 * limit when a dependency refused calls; throughput falling short of the offered rate also counts.
 *
 * @param sloP99 the p99 SLO in seconds
 * @param baseRate the twin's own total entry rate
 * @param maxRateMeetingSlo the highest swept rate whose entry p99 met the SLO (NaN if none did)
 * @param saturationRate the lowest swept rate at which something saturated (NaN if none did)
 * @param bottleneck what saturated first ("host CPU (host)", "worker pool (svc)", "rate limit
 *     (dep)", or "none")
 * @param steps every swept rate
 */
public record Capacity(
    double sloP99,
    double baseRate,
    double maxRateMeetingSlo,
    double saturationRate,
    String bottleneck,
    List<Step> steps) {
  static final double SATURATED = 0.95;

  /**
   * One swept rate.
   *
   * @param rate total entry rate offered
   * @param p99 pooled entry p99 in seconds
   * @param throughput entry requests completed per second
   * @param hostUtilisation CPU used over cores of the busiest host (NaN without hosts)
   * @param limit what saturated at this rate, or empty
   */
  public record Step(
      double rate, double p99, double throughput, double hostUtilisation, String limit) {}

  /** Copies the steps. */
  public Capacity {
    steps = List.copyOf(steps);
  }

  /**
   * Sweeps {@code twin} from {@code fromFactor} to {@code toFactor} times its entry rates in {@code
   * count} steps, each run {@code horizon} seconds after {@code warmup}, pooled over {@code
   * replications}.
   */
  public static Capacity sweep(
      TwinSpec twin,
      double sloP99,
      double fromFactor,
      double toFactor,
      int count,
      double horizon,
      double warmup,
      int replications,
      long seed) {
    double base = entryRate(twin);
    if (!(base > 0)) {
      throw new IllegalArgumentException("the twin has no entry traffic to sweep");
    }
    List<Step> steps = new ArrayList<>();
    double meeting = Double.NaN;
    double saturation = Double.NaN;
    String bottleneck = "none";
    for (int i = 0; i < count; i++) {
      double factor = fromFactor + (toFactor - fromFactor) * i / Math.max(1, count - 1);
      Step step = run(twin, factor, base, horizon, warmup, replications, seed);
      steps.add(step);
      if (step.p99() <= sloP99) {
        meeting = step.rate();
      }
      if (Double.isNaN(saturation) && !step.limit().isEmpty()) {
        saturation = step.rate();
        bottleneck = step.limit();
      }
      if (step.p99() > 10 * sloP99 && !Double.isNaN(saturation)) {
        break; // far past the knee
      }
    }
    return new Capacity(sloP99, base, meeting, saturation, bottleneck, steps);
  }

  private static Step run(
      TwinSpec twin,
      double factor,
      double base,
      double horizon,
      double warmup,
      int replications,
      long seed) {
    TwinSpec scaled = scaled(twin, factor, base);
    SimulationConfig config = SimulationConfig.of(warmup + horizon).withWarmup(warmup);
    List<RunResult> runs =
        new Simulation(scaled, Scenario.NONE, config, seed).runReplications(replications, 1);
    Histogram entry = new Histogram(2);
    double completed = 0;
    double[] hostCpu = new double[twin.hosts().size()];
    String limit = "";
    for (RunResult run : runs) {
      for (EndpointResult e : run.endpoints()) {
        String service = e.endpoint().substring(0, e.endpoint().indexOf('/'));
        if (isEntry(twin, e.endpoint())) {
          entry.add(e.latency());
          completed += e.throughput() / runs.size();
        }
        int host = hostOf(twin, service);
        if (host >= 0) {
          hostCpu[host] += e.throughput() * cpuSeconds(twin, e.endpoint()) / runs.size();
        }
      }
      for (ServiceResult s : run.services()) {
        if (limit.isEmpty() && s.utilization() >= SATURATED) {
          limit = "worker pool (" + s.service() + ")";
        }
      }
      for (DependencyResult d : run.dependencies()) {
        if (limit.isEmpty() && d.limited() > 0) {
          limit = "rate limit (" + d.dependency() + ")";
        }
      }
    }
    double busiest = Double.NaN;
    for (int h = 0; h < hostCpu.length; h++) {
      HostSpec host = twin.hosts().get(h);
      double u = hostCpu[h] / host.cores();
      busiest = Double.isNaN(busiest) ? u : Math.max(busiest, u);
      if (u >= SATURATED) {
        limit = "host CPU (" + host.name() + ")";
      }
    }
    double rate = base * factor;
    if (limit.isEmpty() && completed < 0.9 * rate) {
      limit = "throughput below the offered rate";
    }
    double p99 = entry.getTotalCount() == 0 ? Double.NaN : entry.getValueAtPercentile(99) / 1e6;
    return new Step(rate, p99, completed, busiest, limit);
  }

  /** The twin with its entry rates times {@code factor}; the background follows. */
  static TwinSpec scaled(TwinSpec twin, double factor, double base) {
    List<TrafficSpec> traffic = new ArrayList<>();
    for (TrafficSpec t : twin.traffic()) {
      if (HostBackground.perRequest(t.endpoint())) {
        traffic.add(new TrafficSpec(t.endpoint(), new ArrivalPattern.Poisson(base * factor)));
      } else if (HostBackground.isBackground(service(t.endpoint()))) {
        traffic.add(t);
      } else {
        traffic.add(new TrafficSpec(t.endpoint(), new ArrivalPattern.Poisson(rate(t) * factor)));
      }
    }
    return twin.withLoad(traffic, List.of());
  }

  /** The twin's total entry rate (Poisson sources other than the background). */
  static double entryRate(TwinSpec twin) {
    return twin.traffic().stream()
        .filter(t -> !HostBackground.isBackground(service(t.endpoint())))
        .mapToDouble(Capacity::rate)
        .sum();
  }

  private static double rate(TrafficSpec t) {
    if (t.arrivals() instanceof ArrivalPattern.Poisson p) {
      return p.rate();
    }
    throw new IllegalArgumentException(
        "traffic of " + t.endpoint() + " is not Poisson; capacity sweeps constant rates only");
  }

  private static boolean isEntry(TwinSpec twin, String endpoint) {
    String modelled = Calibration.modelledEndpoint(endpoint);
    return !HostBackground.isBackground(service(endpoint))
        && twin.traffic().stream().anyMatch(t -> t.endpoint().equals(modelled));
  }

  private static double cpuSeconds(TwinSpec twin, String endpoint) {
    String service = service(endpoint);
    String name = endpoint.substring(service.length() + 1);
    for (ServiceSpec s : twin.services()) {
      if (s.name().equals(service)) {
        for (EndpointSpec e : s.endpoints()) {
          if (e.name().equals(name)) {
            return e.cpuFraction() * e.selfTime().mean();
          }
        }
      }
    }
    return 0;
  }

  private static int hostOf(TwinSpec twin, String service) {
    for (ServiceSpec s : twin.services()) {
      if (s.name().equals(service) && s.placement() != null) {
        String host = s.placement().hosts().get(0);
        for (int h = 0; h < twin.hosts().size(); h++) {
          if (twin.hosts().get(h).name().equals(host)) {
            return h;
          }
        }
      }
    }
    return -1;
  }

  private static String service(String endpoint) {
    int slash = endpoint.indexOf('/');
    return slash < 0 ? endpoint : endpoint.substring(0, slash);
  }
}
