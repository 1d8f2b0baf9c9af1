package io.rehearsal.shop.services;

import io.rehearsal.shop.Costs.EndpointCost;
import io.rehearsal.shop.http.Downstream;
import io.rehearsal.shop.http.Reply;
import io.rehearsal.shop.http.Request;
import io.rehearsal.shop.http.ShopServer;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Shopping carts in memory: adding checks stock with inventory first. */
final class Cart {
  private static final int MAX_USERS = 10_000;
  private static final int MAX_ITEMS = 20;

  private final Downstream inventory;
  private final CpuWork cpu;
  private final EndpointCost addCost;
  private final EndpointCost getCost;
  private final Map<Integer, Deque<Integer>> carts = new ConcurrentHashMap<>();

  Cart(Wiring w) {
    this.inventory = w.downstream("inventory");
    this.cpu = w.cpu();
    this.addCost = w.cost("POST /cart/items");
    this.getCost = w.cost("GET /cart");
  }

  AutoCloseable install(ShopServer server) {
    server.route("POST", "/cart/items", this::add);
    server.route("GET", "/cart", this::get);
    return () -> {};
  }

  private Reply add(Request r) {
    int user = user(r);
    int sku = r.intParam("sku", 1);
    Reply stock = inventory.call("GET", "/stock?skus=" + sku, new byte[0]);
    if (!stock.isOk()) {
      return ShopServices.dependencyFailed("inventory", stock);
    }
    cpu.burn(addCost);
    Deque<Integer> cart = carts.computeIfAbsent(user, u -> new ArrayDeque<>());
    synchronized (cart) {
      if (cart.size() == MAX_ITEMS) {
        cart.removeFirst();
      }
      cart.addLast(sku);
      return Reply.ok(Map.of("user", user, "items", List.copyOf(cart)));
    }
  }

  private Reply get(Request r) {
    int user = user(r);
    cpu.burn(getCost);
    Deque<Integer> cart = carts.getOrDefault(user, new ArrayDeque<>());
    synchronized (cart) {
      return Reply.ok(Map.of("user", user, "items", List.copyOf(cart)));
    }
  }

  private static int user(Request r) {
    int user = r.intParam("user", 0);
    if (user < 0 || user >= MAX_USERS) {
      throw new Request.BadRequestException(
          "user must be in [0, " + MAX_USERS + "), but was " + user);
    }
    return user;
  }
}
