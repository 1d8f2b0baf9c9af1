package io.rehearsal.shop.services;

import io.opentelemetry.api.OpenTelemetry;
import io.rehearsal.shop.Costs;
import io.rehearsal.shop.Overlay;
import io.rehearsal.shop.Overlay.CallSpec;
import io.rehearsal.shop.http.CallPolicies;
import io.rehearsal.shop.http.Downstream;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * Everything a service needs from its process: configuration, where its peers are, telemetry, the
 * shared HTTP client and the Redis URI.
 *
 * @param service this process's service name
 * @param overlay deployment facts (call policies)
 * @param costs endpoint costs
 * @param peers base URIs of every replica of a service by name
 * @param otel telemetry of this process
 * @param client the shared HTTP client
 * @param redisUri Redis for the inventory cache ({@code redis://host:port}); other services ignore
 *     it
 * @param calls where every downstream client is registered, so the admin surface can change its
 *     policy and replicas at run time (the server's {@link
 *     io.rehearsal.shop.http.ShopServer#calls()})
 */
public record Wiring(
    String service,
    Overlay overlay,
    Costs costs,
    Function<String, List<URI>> peers,
    OpenTelemetry otel,
    HttpClient client,
    String redisUri,
    CallPolicies calls) {

  /** Wiring whose clients no admin surface reaches. */
  public Wiring(
      String service,
      Overlay overlay,
      Costs costs,
      Function<String, List<URI>> peers,
      OpenTelemetry otel,
      HttpClient client,
      String redisUri) {
    this(service, overlay, costs, peers, otel, client, redisUri, new CallPolicies());
  }

  /** A client of {@code to} with the overlay's policy for this caller. */
  Downstream downstream(String to) {
    CallSpec call = overlay.call(service, to);
    Downstream.Policy policy =
        new Downstream.Policy(
            Duration.ofMillis(call.timeoutMs()),
            call.retries(),
            Duration.ofMillis(call.backoffMs()));
    return calls.register(new Downstream(to, peers.apply(to), policy, client, otel));
  }

  /** CPU work with this service's own seeded stream. */
  CpuWork cpu() {
    return new CpuWork(random());
  }

  /** This service's seeded random stream (thread-safe). */
  Random random() {
    return new Random(costs.seed() * 31 + service.hashCode());
  }

  /** The cost of one of this service's routes. */
  Costs.EndpointCost cost(String route) {
    return costs.of(service, route);
  }
}
