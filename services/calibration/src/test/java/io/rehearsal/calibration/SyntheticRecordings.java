package io.rehearsal.calibration;

import io.rehearsal.telemetry.Recording;
import io.rehearsal.twin.spec.ArrivalPattern;
import io.rehearsal.twin.spec.EndpointSpec;
import io.rehearsal.twin.spec.ServiceSpec;
import io.rehearsal.twin.spec.TwinSpec;
import java.util.List;

/** Synthetic recordings of the known shop for tests outside this package. */
public final class SyntheticRecordings {
  private SyntheticRecordings() {}

  /** {@code seconds} of the known shop at {@code scale} times its base rates (30 and 8 /s). */
  public static Recording shop(long seed, double seconds, double scale) {
    TwinSpec spec =
        KnownSpecs.shop(
            new ArrivalPattern.Poisson(30 * scale), new ArrivalPattern.Poisson(4 * scale));
    return new SyntheticTraces(spec, seed).generate(seconds);
  }

  /** {@code seconds} of traces generated from {@code spec} under {@code seed}. */
  public static Recording of(TwinSpec spec, long seed, double seconds) {
    return new SyntheticTraces(spec, seed).generate(seconds);
  }

  /** The spec with the front's {@code GET /page} renamed, so it no longer matches recordings. */
  public static TwinSpec renamedEntry(TwinSpec spec) {
    List<ServiceSpec> services =
        spec.services().stream()
            .map(
                s -> {
                  if (!s.name().equals("front")) {
                    return s;
                  }
                  List<EndpointSpec> endpoints =
                      s.endpoints().stream()
                          .map(
                              e ->
                                  e.name().equals("GET /page")
                                      ? new EndpointSpec(
                                          "GET /pages",
                                          e.selfTime(),
                                          e.cpuFraction(),
                                          e.errorProbability(),
                                          e.blocking(),
                                          e.calls())
                                      : e)
                          .toList();
                  return new ServiceSpec(
                      s.name(),
                      s.version(),
                      s.replicas(),
                      s.workers(),
                      s.queueLimit(),
                      s.startup(),
                      s.placement(),
                      s.autoscaler(),
                      endpoints);
                })
            .toList();
    return new TwinSpec(
        spec.name(),
        spec.version(),
        spec.hosts(),
        spec.regions(),
        spec.links(),
        services,
        spec.dependencies(),
        spec.caches(),
        spec.databases(),
        List.of(),
        spec.sessions(),
        spec.slos());
  }
}
