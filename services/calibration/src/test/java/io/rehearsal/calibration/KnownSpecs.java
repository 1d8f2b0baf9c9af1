package io.rehearsal.calibration;

import io.rehearsal.twin.spec.ArrivalPattern;
import io.rehearsal.twin.spec.CallSpec;
import io.rehearsal.twin.spec.DependencySpec;
import io.rehearsal.twin.spec.Distribution;
import io.rehearsal.twin.spec.EndpointSpec;
import io.rehearsal.twin.spec.RateLimitSpec;
import io.rehearsal.twin.spec.ServiceSpec;
import io.rehearsal.twin.spec.TrafficSpec;
import io.rehearsal.twin.spec.TwinSpec;
import java.util.List;

/** Known twin specs that synthetic traces are generated from, and calibration must recover. */
public final class KnownSpecs {
  private KnownSpecs() {}

  /**
   * A small shop: a front with two entries; a parallel group (catalog, cart) then an optional
   * payment; catalog calls inventory twice in sequence (the second time half the time); payment
   * calls a rate-limited external gateway.
   */
  public static TwinSpec shop(ArrivalPattern page, ArrivalPattern buy) {
    EndpointSpec frontPage =
        new EndpointSpec(
            "GET /page",
            new Distribution.LogNormal(0.002, 0.008),
            0.5,
            0.01,
            true,
            List.of(
                call("catalog/GET /items", 0, 1),
                call("cart/GET /cart", 0, 1),
                call("payment/POST /pay", 1, 0.3)));
    EndpointSpec frontBuy =
        new EndpointSpec(
            "POST /buy",
            new Distribution.Exponential(0.001),
            0.5,
            0.0,
            true,
            List.of(call("payment/POST /pay", 0, 1)));
    EndpointSpec items =
        new EndpointSpec(
            "GET /items",
            new Distribution.Gamma(4, 0.005),
            0.8,
            0.0,
            true,
            List.of(call("inventory/GET /stock", 0, 1), call("inventory/GET /stock", 1, 0.5)));
    EndpointSpec pay =
        new EndpointSpec(
            "POST /pay",
            new Distribution.LogNormal(0.003, 0.01),
            0.3,
            0.0,
            true,
            List.of(call("gateway", 0, 1)));
    return TwinSpec.builder("known")
        .service(
            new ServiceSpec(
                "front", "1", 1, 64, null, null, null, null, List.of(frontPage, frontBuy)))
        .service(new ServiceSpec("catalog", "1", 1, 64, null, null, null, null, List.of(items)))
        .service(
            ServiceSpec.of(
                "cart",
                64,
                new EndpointSpec(
                    "GET /cart",
                    new Distribution.LogNormal(0.001, 0.003),
                    0.5,
                    0.0,
                    true,
                    List.of())))
        .service(
            ServiceSpec.of(
                "inventory",
                64,
                new EndpointSpec(
                    "GET /stock", new Distribution.Constant(0.0005), 1.0, 0.0, true, List.of())))
        .service(ServiceSpec.of("payment", 64, pay))
        .dependency(
            new DependencySpec(
                "gateway", new Distribution.LogNormal(0.02, 0.06), new RateLimitSpec(15, 5), 0.02))
        .traffic(new TrafficSpec("front/GET /page", page))
        .traffic(new TrafficSpec("front/POST /buy", buy))
        .build();
  }

  public static TwinSpec shop() {
    return shop(new ArrivalPattern.Poisson(30), new ArrivalPattern.Poisson(8));
  }

  private static CallSpec call(String to, int group, double probability) {
    return new CallSpec(to, group, probability, 0.0, null, null, false);
  }
}
