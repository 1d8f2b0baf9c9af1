package io.rehearsal.shop.services;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rehearsal.shop.Costs.EndpointCost;
import io.rehearsal.shop.http.Downstream;
import io.rehearsal.shop.http.Json;
import io.rehearsal.shop.http.Reply;
import io.rehearsal.shop.http.Request;
import io.rehearsal.shop.http.ShopServer;

/** The entry service: browse pages, add to cart, check out. */
final class Frontend {
  private static final byte[] NO_BODY = new byte[0];

  private final Downstream catalog;
  private final Downstream cart;
  private final Downstream checkout;
  private final CpuWork cpu;
  private final EndpointCost browseCost;
  private final EndpointCost cartCost;
  private final EndpointCost checkoutCost;

  Frontend(Wiring w) {
    this.catalog = w.downstream("catalog");
    this.cart = w.downstream("cart");
    this.checkout = w.downstream("checkout");
    this.cpu = w.cpu();
    this.browseCost = w.cost("GET /browse");
    this.cartCost = w.cost("POST /cart");
    this.checkoutCost = w.cost("POST /checkout");
  }

  AutoCloseable install(ShopServer server) {
    server.route("GET", "/browse", this::browse);
    server.route("POST", "/cart", this::addToCart);
    server.route("POST", "/checkout", this::checkout);
    return () -> {};
  }

  private Reply browse(Request r) {
    int category = r.intParam("category", 1);
    int page = r.intParam("page", 1);
    Reply items = catalog.call("GET", "/items?category=" + category + "&page=" + page, NO_BODY);
    if (!items.isOk()) {
      return ShopServices.dependencyFailed("catalog", items);
    }
    cpu.burn(browseCost);
    return render(r.intParam("user", 0), Json.read(items.body()));
  }

  private Reply addToCart(Request r) {
    int user = r.intParam("user", 0);
    cpu.burn(cartCost);
    Reply added =
        cart.call("POST", "/cart/items?user=" + user + "&sku=" + r.intParam("sku", 1), NO_BODY);
    return added.isOk() ? added : ShopServices.dependencyFailed("cart", added);
  }

  private Reply checkout(Request r) {
    cpu.burn(checkoutCost);
    Reply order = checkout.call("POST", "/checkout?user=" + r.intParam("user", 0), NO_BODY);
    return order.isOk() ? order : ShopServices.dependencyFailed("checkout", order);
  }

  /** Builds the page the browser gets: the catalog page plus a little personalisation. */
  private static Reply render(int user, JsonNode page) {
    ObjectNode out = Json.MAPPER.createObjectNode();
    out.put("user", user);
    out.put("greeting", "Welcome back, customer " + user);
    out.set("page", page);
    return new Reply(200, Json.write(out));
  }
}
