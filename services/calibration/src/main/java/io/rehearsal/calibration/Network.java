package io.rehearsal.calibration;

import java.util.List;

/**
 * The time a call spends outside both services: a successful answered attempt lasts longer than the
 * SERVER span that answered it by the network and protocol handling both ways (and by any time
 * queued for a worker). Calibration folds each attempt's own gap into the callee's service time (so
 * its distribution, tail included, is kept); this median is reported.
 */
final class Network {
  private Network() {}

  /** Median round trip outside the SERVER spans, in seconds (0 when no call was answered). */
  static double roundTripSeconds(List<ServedRequest> requests) {
    double[] gaps =
        requests.stream()
            .flatMap(r -> r.calls().stream())
            .filter(c -> !c.external())
            .flatMap(c -> c.attempts().stream())
            .filter(a -> a.answered() && !a.error())
            .mapToDouble(Attempt::outsideServerSeconds)
            .filter(g -> g >= 0)
            .toArray();
    return gaps.length == 0 ? 0 : DistributionFitter.median(gaps);
  }
}
