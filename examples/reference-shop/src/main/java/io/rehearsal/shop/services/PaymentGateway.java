package io.rehearsal.shop.services;

import io.rehearsal.shop.Costs.GatewayCosts;
import io.rehearsal.shop.Overlay.RateLimit;
import io.rehearsal.shop.http.Reply;
import io.rehearsal.shop.http.Request;
import io.rehearsal.shop.http.ShopServer;
import java.util.Map;

/**
 * Stand-in for an external payment provider (it emits no telemetry of its own): a token bucket
 * answers 429 when exhausted, otherwise the provider's latency is a lognormal sleep. The "slow
 * dependency" fault is this process's latency switch.
 */
final class PaymentGateway {
  private final TokenBucket bucket;
  private final CpuWork latency;
  private final GatewayCosts costs;

  PaymentGateway(Wiring w) {
    RateLimit limit = w.overlay().dependencies().get("payment-gateway").rateLimit();
    this.bucket = new TokenBucket(limit.ratePerSecond(), limit.burst(), System::nanoTime);
    this.latency = w.cpu();
    this.costs = w.costs().gateway();
  }

  AutoCloseable install(ShopServer server) {
    server.route("POST", "/charge", this::charge);
    return () -> {};
  }

  private Reply charge(Request r) throws InterruptedException {
    if (!bucket.tryAcquire()) {
      return Reply.error(429, "rate limit exceeded");
    }
    long micros = latency.draw(costs.latencyMeanMs() * 1000, costs.latencyCv());
    Thread.sleep(micros / 1000, (int) (micros % 1000) * 1000);
    return Reply.ok(Map.of("status", "charged", "amount", r.intParam("amount", 0)));
  }
}
