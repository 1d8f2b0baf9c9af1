package io.rehearsal.twin.calibration;

import io.rehearsal.twin.spec.LinkSpec;
import io.rehearsal.twin.spec.RegionSpec;
import java.util.Arrays;
import java.util.List;

/**
 * The time a call spends outside both services: a successful answered attempt lasts longer than the
 * SERVER span that answered it by the network and protocol handling both ways (and by any time
 * queued for a worker, which the median mostly misses below saturation). Half the median is
 * modelled as the one-way latency of the single region to itself.
 */
final class Network {
  static final String REGION = "local";

  private Network() {}

  /** One-way latency in seconds (0 when no call was answered). */
  static double oneWaySeconds(List<ServedRequest> requests) {
    double[] gaps =
        requests.stream()
            .flatMap(r -> r.calls().stream())
            .filter(c -> !c.external())
            .flatMap(c -> c.attempts().stream())
            .filter(a -> a.answered() && !a.error())
            .mapToDouble(Attempt::outsideServerSeconds)
            .filter(g -> g >= 0)
            .toArray();
    if (gaps.length == 0) {
      return 0;
    }
    Arrays.sort(gaps);
    return DistributionFitter.quantile(gaps, 0.5) / 2;
  }

  static RegionSpec region() {
    return new RegionSpec(REGION, 1);
  }

  static LinkSpec link(double oneWay) {
    return new LinkSpec(REGION, REGION, oneWay);
  }
}
