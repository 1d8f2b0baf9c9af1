package io.rehearsal.shop.services;

import io.rehearsal.shop.http.ShopServer;

/** Installs a service's routes on its server by service name. */
public final class ShopServices {
  /** Every service name this module knows, in call-graph order. */
  public static final java.util.List<String> NAMES =
      java.util.List.of(
          "frontend", "catalog", "cart", "checkout", "payment", "inventory", "payment-gateway");

  private ShopServices() {}

  /** Installs the routes of {@code wiring.service()}; the result releases its resources. */
  public static AutoCloseable install(ShopServer server, Wiring wiring) {
    return switch (wiring.service()) {
      case "frontend" -> new Frontend(wiring).install(server);
      case "catalog" -> new Catalog(wiring).install(server);
      case "cart" -> new Cart(wiring).install(server);
      case "checkout" -> new Checkout(wiring).install(server);
      case "payment" -> new Payment(wiring).install(server);
      case "inventory" -> new Inventory(wiring).install(server);
      case "payment-gateway" -> new PaymentGateway(wiring).install(server);
      default -> throw new IllegalArgumentException("unknown service: " + wiring.service());
    };
  }

  /** The reply of a failed dependency call as this service answers it. */
  static io.rehearsal.shop.http.Reply dependencyFailed(
      String dependency, io.rehearsal.shop.http.Reply reply) {
    return io.rehearsal.shop.http.Reply.error(
        502, dependency + " answered " + reply.status() + ": " + reply.text());
  }
}
