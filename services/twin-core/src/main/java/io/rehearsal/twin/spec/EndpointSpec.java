package io.rehearsal.twin.spec;

import java.util.List;

/**
 * An endpoint of a service: a worker runs its self time, then its call groups, then answers.
 *
 * @param name unique within the service, e.g. {@code POST /charge}
 * @param selfTime the endpoint's own processing time
 * @param cpuFraction share of the self time that is CPU demand served by the host (default 0: all
 *     of it is non-CPU wait); ignored when the service has no placement
 * @param errorProbability probability that the endpoint itself fails (default 0)
 * @param blocking if true (default) the worker is held until the answer; if false it is released
 *     after the self time and the calls are asynchronous hand-offs (a queueing network)
 * @param calls outgoing calls
 */
public record EndpointSpec(
    String name,
    Distribution selfTime,
    Double cpuFraction,
    Double errorProbability,
    Boolean blocking,
    List<CallSpec> calls) {
  /** The most calls one group may run in parallel. */
  public static final int MAX_PARALLEL = 16;

  /**
   * Separates an endpoint's name from the caller whose requests one of its request classes serves,
   * e.g. {@code GET /stock @ catalog/GET /items}: calibration splits an endpoint whose callers see
   * different behaviour into such classes.
   */
  public static final String CLASS_SEPARATOR = " @ ";

  /**
   * The endpoint a name belongs to: {@code GET /stock} for {@code GET /stock @ catalog/GET /items}.
   */
  public static String endpointOf(String name) {
    int at = name.indexOf(CLASS_SEPARATOR);
    return at < 0 ? name : name.substring(0, at);
  }

  /** Validates the endpoint and fills defaults. */
  public EndpointSpec {
    Check.name("name", name);
    Check.present("selfTime", selfTime);
    cpuFraction = Check.probability("cpuFraction", Check.or(cpuFraction, 0));
    errorProbability = Check.probability("errorProbability", Check.or(errorProbability, 0));
    blocking = blocking == null || blocking;
    calls = Check.list(calls);
  }

  /** An endpoint with only a self time. */
  public static EndpointSpec of(String name, Distribution selfTime) {
    return new EndpointSpec(name, selfTime, 0.0, 0.0, true, List.of());
  }
}
