package io.rehearsal.ml.rca;

import java.util.List;
import java.util.Objects;

/**
 * Calls from one service to another service or an external dependency, as the caller saw them (from
 * CLIENT spans), before and during the incident. The call graph is the set of these edges.
 *
 * @param caller the calling service
 * @param callee the called service or dependency
 * @param dependency whether the callee is external (it never served a request in the telemetry)
 * @param before the normal window
 * @param during the incident window
 * @param routes which endpoint of the caller called which endpoint of the callee, as {@code "GET
 *     /browse -> GET /items"} (the callee part empty for a dependency), sorted
 */
public record CallStats(
    String caller,
    String callee,
    boolean dependency,
    Stats before,
    Stats during,
    List<Route> routes) {
  /** Checks that every part is present. */
  public CallStats {
    Objects.requireNonNull(caller, "caller");
    Objects.requireNonNull(callee, "callee");
    Objects.requireNonNull(before, "before");
    Objects.requireNonNull(during, "during");
    routes = List.copyOf(routes);
  }

  /**
   * One endpoint-to-endpoint route of an edge.
   *
   * @param callerEndpoint the caller's endpoint that made the calls
   * @param calleeEndpoint the callee's endpoint that answered, empty for a dependency or when no
   *     server answered
   */
  public record Route(String callerEndpoint, String calleeEndpoint) implements Comparable<Route> {
    /** Checks that both are present. */
    public Route {
      Objects.requireNonNull(callerEndpoint, "callerEndpoint");
      Objects.requireNonNull(calleeEndpoint, "calleeEndpoint");
    }

    @Override
    public int compareTo(Route o) {
      int c = callerEndpoint.compareTo(o.callerEndpoint);
      return c != 0 ? c : calleeEndpoint.compareTo(o.calleeEndpoint);
    }
  }
}
