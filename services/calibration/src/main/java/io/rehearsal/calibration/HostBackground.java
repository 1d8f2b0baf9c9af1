package io.rehearsal.calibration;

import io.rehearsal.twin.spec.ArrivalPattern;
import io.rehearsal.twin.spec.Distribution;
import io.rehearsal.twin.spec.EndpointSpec;
import io.rehearsal.twin.spec.PlacementSpec;
import io.rehearsal.twin.spec.ServiceSpec;
import io.rehearsal.twin.spec.TrafficSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * The CPU of what runs on the host besides the traced services (load generators, sidecars,
 * databases, the services' own GC and timers), as the twin sees it: a service {@value #SERVICE} on
 * the host whose endpoint {@value #FIXED} takes jobs of {@value #JOB_SECONDS} s of CPU at the rate
 * that uses the fixed cores, and whose endpoint {@value #PER_REQUEST} takes one job of the
 * per-request CPU for every entry request (its traffic is the sum of the entry rates). Both are all
 * CPU, so the host's processor sharing sees the real utilisation. Replays and capacity sweeps keep
 * {@value #FIXED} and set {@value #PER_REQUEST} to their entry rate.
 */
public final class HostBackground {
  /** The service that stands for the background load. */
  public static final String SERVICE = "host-background";

  /** Its endpoint of fixed CPU. */
  public static final String FIXED = "fixed";

  /** Its endpoint of CPU per entry request. */
  public static final String PER_REQUEST = "per-request";

  /** CPU seconds per job of the fixed part: small against the requests' own CPU phases. */
  static final double JOB_SECONDS = 0.001;

  /** Background jobs never wait for a worker. */
  private static final int WORKERS = 100_000;

  private HostBackground() {}

  /** Whether {@code endpoint} ({@code service/endpoint}) is the per-request background. */
  public static boolean perRequest(String endpoint) {
    return endpoint.equals(SERVICE + "/" + PER_REQUEST);
  }

  /** Whether {@code service} is the background's. */
  public static boolean isBackground(String service) {
    return SERVICE.equals(service);
  }

  /** The background service on {@code host}, or null when there is no background CPU. */
  static ServiceSpec service(String host, double cores, double fixedCores, double perRequest) {
    List<EndpointSpec> endpoints = new ArrayList<>();
    if (fixedCores > 0) {
      endpoints.add(endpoint(FIXED, JOB_SECONDS));
    }
    if (perRequest > 0) {
      endpoints.add(endpoint(PER_REQUEST, perRequest));
    }
    if (endpoints.isEmpty()) {
      return null;
    }
    return new ServiceSpec(
        SERVICE,
        "1",
        1,
        WORKERS,
        null,
        null,
        new PlacementSpec(List.of(host), 0, cores),
        null,
        endpoints);
  }

  /** The background's traffic at {@code entryRate} entry requests per second. */
  static List<TrafficSpec> traffic(double fixedCores, double perRequest, double entryRate) {
    List<TrafficSpec> out = new ArrayList<>();
    if (fixedCores > 0) {
      out.add(
          new TrafficSpec(
              SERVICE + "/" + FIXED, new ArrivalPattern.Poisson(fixedCores / JOB_SECONDS)));
    }
    if (perRequest > 0 && entryRate > 0) {
      out.add(new TrafficSpec(SERVICE + "/" + PER_REQUEST, new ArrivalPattern.Poisson(entryRate)));
    }
    return out;
  }

  private static EndpointSpec endpoint(String name, double seconds) {
    return new EndpointSpec(name, new Distribution.Constant(seconds), 1.0, 0.0, true, List.of());
  }
}
