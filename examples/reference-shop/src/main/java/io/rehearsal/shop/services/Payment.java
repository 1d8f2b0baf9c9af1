package io.rehearsal.shop.services;

import io.rehearsal.shop.Costs.EndpointCost;
import io.rehearsal.shop.http.Downstream;
import io.rehearsal.shop.http.Reply;
import io.rehearsal.shop.http.Request;
import io.rehearsal.shop.http.ShopServer;
import java.util.Map;

/** Payments: scores fraud risk (CPU), then charges the external payment gateway. */
final class Payment {
  private final Downstream gateway;
  private final CpuWork cpu;
  private final EndpointCost payCost;

  Payment(Wiring w) {
    this.gateway = w.downstream("payment-gateway");
    this.cpu = w.cpu();
    this.payCost = w.cost("POST /payments");
  }

  AutoCloseable install(ShopServer server) {
    server.route("POST", "/payments", this::pay);
    return () -> {};
  }

  private Reply pay(Request r) {
    int user = r.intParam("user", 0);
    int amount = r.intParam("amount", 0);
    cpu.burn(payCost);
    Reply charged = gateway.call("POST", "/charge?user=" + user + "&amount=" + amount, new byte[0]);
    if (!charged.isOk()) {
      return ShopServices.dependencyFailed("payment-gateway", charged);
    }
    return Reply.ok(Map.of("user", user, "amount", amount, "status", "paid"));
  }
}
