package io.rehearsal.shop.services;

import com.fasterxml.jackson.databind.JsonNode;
import io.rehearsal.shop.Costs.EndpointCost;
import io.rehearsal.shop.http.Downstream;
import io.rehearsal.shop.http.Json;
import io.rehearsal.shop.http.Reply;
import io.rehearsal.shop.http.Request;
import io.rehearsal.shop.http.ShopServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Catalog pages: prices every item of a page (CPU) and asks inventory for their stock. */
final class Catalog {
  static final int CATEGORIES = 20;
  static final int PAGES = 5;

  /**
   * One catalog item.
   *
   * @param sku stock keeping unit
   * @param name display name
   * @param price price in currency units
   * @param stock units in stock
   */
  record Item(int sku, String name, double price, int stock) {}

  private final Downstream inventory;
  private final CpuWork cpu;
  private final EndpointCost itemsCost;
  private final int itemsPerPage;

  Catalog(Wiring w) {
    this.inventory = w.downstream("inventory");
    this.cpu = w.cpu();
    this.itemsCost = w.cost("GET /items");
    this.itemsPerPage = w.costs().catalog().itemsPerPage();
  }

  AutoCloseable install(ShopServer server) {
    server.route("GET", "/items", this::items);
    return () -> {};
  }

  /** The skus of a page: categories and pages wrap, so the sku space stays bounded. */
  static List<Integer> skus(int category, int page, int itemsPerPage) {
    int c = Math.floorMod(category - 1, CATEGORIES);
    int p = Math.floorMod(page - 1, PAGES);
    List<Integer> skus = new ArrayList<>(itemsPerPage);
    for (int i = 0; i < itemsPerPage; i++) {
      skus.add(1000 + (c * PAGES + p) * itemsPerPage + i);
    }
    return skus;
  }

  private Reply items(Request r) {
    int category = r.intParam("category", 1);
    int page = r.intParam("page", 1);
    List<Integer> skus = skus(category, page, itemsPerPage);
    cpu.burn(itemsCost);
    String list = skus.stream().map(String::valueOf).collect(Collectors.joining(","));
    Reply stock = inventory.call("GET", "/stock?skus=" + list, new byte[0]);
    if (!stock.isOk()) {
      return ShopServices.dependencyFailed("inventory", stock);
    }
    JsonNode levels = Json.read(stock.body()).path("stock");
    List<Item> items =
        skus.stream()
            .map(s -> new Item(s, "Item " + s, price(s), levels.path(String.valueOf(s)).asInt()))
            .toList();
    return Reply.ok(Map.of("category", category, "page", page, "items", items));
  }

  private static double price(int sku) {
    return 5 + Math.floorMod(sku * 7919, 9500) / 100.0;
  }
}
