package io.rehearsal.shop.services;

import io.rehearsal.shop.Costs.EndpointCost;
import io.rehearsal.shop.http.Downstream;
import io.rehearsal.shop.http.Json;
import io.rehearsal.shop.http.Reply;
import io.rehearsal.shop.http.Request;
import io.rehearsal.shop.http.ShopServer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * Checkout: reads the cart and reserves stock in parallel, then charges the payment service — one
 * group of two parallel calls followed by one sequential call.
 */
final class Checkout {
  private static final byte[] NO_BODY = new byte[0];

  private final Downstream cart;
  private final Downstream inventory;
  private final Downstream payment;
  private final CpuWork cpu;
  private final EndpointCost checkoutCost;
  private final ExecutorService fanOut;

  Checkout(Wiring w) {
    this.cart = w.downstream("cart");
    this.inventory = w.downstream("inventory");
    this.payment = w.downstream("payment");
    this.cpu = w.cpu();
    this.checkoutCost = w.cost("POST /checkout");
    int workers = w.overlay().services().get("checkout").workers();
    this.fanOut =
        Executors.newFixedThreadPool(
            workers,
            r -> {
              Thread t = new Thread(r, "checkout-fanout");
              t.setDaemon(true);
              return t;
            });
  }

  AutoCloseable install(ShopServer server) {
    server.route("POST", "/checkout", this::checkout);
    return fanOut::shutdownNow;
  }

  private Reply checkout(Request r) {
    int user = r.intParam("user", 0);
    cpu.burn(checkoutCost);
    List<Supplier<Reply>> first =
        List.of(
            () -> cart.call("GET", "/cart?user=" + user, NO_BODY),
            () -> inventory.call("POST", "/reserve?user=" + user, NO_BODY));
    List<Reply> replies = Downstream.parallel(fanOut, first);
    if (!replies.get(0).isOk()) {
      return ShopServices.dependencyFailed("cart", replies.get(0));
    }
    if (!replies.get(1).isOk()) {
      return ShopServices.dependencyFailed("inventory", replies.get(1));
    }
    int items = Json.read(replies.get(0).body()).path("items").size();
    Reply paid =
        payment.call("POST", "/payments?user=" + user + "&amount=" + (10 + 7 * items), NO_BODY);
    if (!paid.isOk()) {
      return ShopServices.dependencyFailed("payment", paid);
    }
    return Reply.ok(Map.of("user", user, "items", items, "status", "confirmed"));
  }
}
