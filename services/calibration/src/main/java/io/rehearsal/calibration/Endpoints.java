package io.rehearsal.calibration;

import io.rehearsal.twin.spec.CallSpec;
import io.rehearsal.twin.spec.EndpointSpec;
import io.rehearsal.twin.spec.RetrySpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Calibrates one endpoint (or request class) from its requests: service time (span minus the union
 * of its calls, plus the time its caller's attempt spent outside the span; over the requests whose
 * calls all succeeded, so that flows cut short by a failure do not bias it), own error probability,
 * arrival rate of its root requests, and the call plan.
 */
final class Endpoints {
  private Endpoints() {}

  static EndpointCalibration calibrate(
      String endpoint,
      List<ServedRequest> requests,
      double periodSeconds,
      double cpuDemand,
      Contention.Share share,
      DistributionFitter fitter) {
    CallStructure structure = new CallStructure();
    List<Double> self = new ArrayList<>();
    int roots = 0;
    int ownErrors = 0;
    for (ServedRequest r : requests) {
      structure.add(r);
      roots += r.root() ? 1 : 0;
      ownErrors += r.ownError() ? 1 : 0;
      if (r.calls().stream().noneMatch(Call::failed)) {
        self.add(RequestClasses.serviceSeconds(r) * share.scale());
      }
    }
    if (self.isEmpty()) {
      requests.forEach(r -> self.add(RequestClasses.serviceSeconds(r) * share.scale()));
    }
    FittedDistribution selfTime =
        fitter.fit(self.stream().mapToDouble(Double::doubleValue).toArray());
    List<EndpointCalibration.CallCalibration> calls = new ArrayList<>();
    for (CallStructure.Planned p : structure.plan()) {
      calls.add(new EndpointCalibration.CallCalibration(p.target(), p.group(), p.probability()));
    }
    return new EndpointCalibration(
        endpoint,
        requests.size(),
        periodSeconds > 0 ? roots / periodSeconds : 0,
        selfTime,
        cpuDemand,
        share.fraction(),
        ownErrors / (double) requests.size(),
        calls);
  }

  /**
   * The endpoint's spec; the overlay's call policies (timeouts, retries) win; each call goes to the
   * request class {@code classes} assigns it.
   */
  static EndpointSpec spec(EndpointCalibration c, Overlay overlay, RequestClasses classes) {
    String service = service(c.endpoint());
    String caller = RequestClasses.base(c.endpoint());
    List<CallSpec> calls = new ArrayList<>();
    for (EndpointCalibration.CallCalibration call : groupsOfAtMost16(c.calls())) {
      Overlay.CallOverlay policy = overlay.call(service, service(call.target()));
      EndpointCalibration.CallCalibration routed =
          new EndpointCalibration.CallCalibration(
              classes.target(caller, call.target()), call.group(), call.probability());
      calls.add(callSpec(routed, policy));
    }
    return new EndpointSpec(
        c.endpoint().substring(service.length() + 1),
        c.serviceTime().distribution(),
        c.cpuFraction(),
        c.errorProbability(),
        true,
        calls);
  }

  private static CallSpec callSpec(
      EndpointCalibration.CallCalibration call, Overlay.CallOverlay policy) {
    double timeout = 0;
    RetrySpec retry = null;
    if (policy != null) {
      timeout = policy.timeoutMs() == null ? 0 : policy.timeoutMs() / 1000.0;
      int retries = policy.retries() == null ? 0 : policy.retries();
      double backoff = policy.backoffMs() == null ? 0 : policy.backoffMs() / 1000.0;
      retry = retries == 0 ? null : new RetrySpec(retries, backoff, 1.0, backoff, 0.0);
    }
    return new CallSpec(
        call.target(), call.group(), call.probability(), timeout, retry, null, false);
  }

  /** Renumbers groups so that no group holds more than the engine's parallel limit. */
  static List<EndpointCalibration.CallCalibration> groupsOfAtMost16(
      List<EndpointCalibration.CallCalibration> calls) {
    List<EndpointCalibration.CallCalibration> out = new ArrayList<>();
    int group = -1;
    int inGroup = 0;
    int last = Integer.MIN_VALUE;
    for (EndpointCalibration.CallCalibration call : calls) {
      if (call.group() != last || inGroup == EndpointSpec.MAX_PARALLEL) {
        group++;
        inGroup = 0;
        last = call.group();
      }
      inGroup++;
      out.add(new EndpointCalibration.CallCalibration(call.target(), group, call.probability()));
    }
    return out;
  }

  /** The service part of {@code service/endpoint}, or the whole name of a dependency. */
  static String service(String target) {
    int slash = target.indexOf('/');
    return slash < 0 ? target : target.substring(0, slash);
  }
}
