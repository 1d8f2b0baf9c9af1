package io.rehearsal.calibration;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Request classes: one route may do different work depending on who calls it (a stock lookup of one
 * item for the cart, of a page of items for the catalog). When, among the callers with enough
 * requests, the median service time (self time plus the time the caller's attempt spent outside the
 * SERVER span) differs by more than a ratio, each such caller gets its own twin endpoint {@code
 * endpoint @ caller}; entry requests and the other callers stay on the endpoint itself.
 */
final class RequestClasses {
  /** Separates an endpoint from the caller its request class belongs to. */
  static final String SEPARATOR = " @ ";

  /** One class: the twin endpoint's full name and its requests. */
  record RequestClass(String name, List<ServedRequest> requests) {}

  private final int minRequests;
  private final double ratio;
  private final Map<String, String> targets = new HashMap<>();

  RequestClasses(int minRequests, double ratio) {
    this.minRequests = minRequests;
    this.ratio = ratio;
  }

  /** Splits the requests of {@code endpoint} (by name) into classes, remembering the targets. */
  List<RequestClass> split(String endpoint, List<ServedRequest> requests) {
    Map<String, List<ServedRequest>> own = new LinkedHashMap<>();
    List<ServedRequest> rest = new ArrayList<>();
    byCaller(requests)
        .forEach(
            (caller, rs) -> {
              if (!caller.isEmpty() && rs.size() >= minRequests) {
                own.put(caller, rs);
              } else {
                rest.addAll(rs);
              }
            });
    List<List<ServedRequest>> groups = new ArrayList<>(own.values());
    if (rest.size() >= minRequests) {
      groups.add(rest);
    }
    if (own.isEmpty() || groups.size() < 2 || !differ(groups)) {
      return List.of(new RequestClass(endpoint, requests));
    }
    List<RequestClass> out = new ArrayList<>();
    if (!rest.isEmpty()) {
      out.add(new RequestClass(endpoint, rest));
    }
    own.forEach(
        (caller, rs) -> {
          String name = endpoint + SEPARATOR + caller;
          targets.put(caller + '\n' + endpoint, name);
          out.add(new RequestClass(name, rs));
        });
    return out;
  }

  private static Map<String, List<ServedRequest>> byCaller(List<ServedRequest> requests) {
    Map<String, List<ServedRequest>> out = new TreeMap<>();
    for (ServedRequest r : requests) {
      out.computeIfAbsent(r.caller(), c -> new ArrayList<>()).add(r);
    }
    return out;
  }

  /** The twin endpoint that requests of {@code caller} to {@code target} go to. */
  String target(String caller, String target) {
    return targets.getOrDefault(caller + '\n' + target, target);
  }

  private boolean differ(List<List<ServedRequest>> groups) {
    double low = Double.POSITIVE_INFINITY;
    double high = 0;
    for (List<ServedRequest> group : groups) {
      double median = median(group);
      low = Math.min(low, median);
      high = Math.max(high, median);
    }
    return low > 0 ? high / low > ratio : high > 0;
  }

  private static double median(List<ServedRequest> requests) {
    return DistributionFitter.median(
        requests.stream().mapToDouble(RequestClasses::serviceSeconds).toArray());
  }

  /**
   * What the twin models as the request's own time: self time plus the time its caller's attempt
   * spent outside the SERVER span (network and protocol handling both ways), so that the twin's
   * endpoint latency is the latency its callers see.
   */
  static double serviceSeconds(ServedRequest r) {
    double outside = r.outsideSeconds();
    return Intervals.selfSeconds(r) + (Double.isNaN(outside) ? 0 : Math.max(0, outside));
  }

  /** The endpoint a twin endpoint name belongs to: the name without its request class. */
  static String base(String name) {
    int at = name.indexOf(SEPARATOR);
    return at < 0 ? name : name.substring(0, at);
  }
}
