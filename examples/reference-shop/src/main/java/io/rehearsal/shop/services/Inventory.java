package io.rehearsal.shop.services;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.opentelemetry.api.trace.Span;
import io.rehearsal.shop.Costs.EndpointCost;
import io.rehearsal.shop.http.Reply;
import io.rehearsal.shop.http.Request;
import io.rehearsal.shop.http.ShopServer;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Stock levels behind a Redis cache: a hit costs a GET, a miss costs CPU to compute the level and a
 * SETEX with the configured TTL. Reservations are Redis INCRs. The SERVER span carries the hit and
 * miss counts ({@code rehearsal.cache.hits}, {@code rehearsal.cache.misses}).
 */
final class Inventory {
  private static final int MAX_SKUS = 100;

  private final CpuWork cpu;
  private final EndpointCost stockCost;
  private final EndpointCost reserveCost;
  private final long missCpuMicros;
  private final long ttlSeconds;
  private final RedisClient client;
  private final StatefulRedisConnection<String, String> connection;
  private final RedisCommands<String, String> redis;

  Inventory(Wiring w) {
    this.cpu = w.cpu();
    this.stockCost = w.cost("GET /stock");
    this.reserveCost = w.cost("POST /reserve");
    this.missCpuMicros = w.costs().inventory().missCpuMicros();
    this.ttlSeconds = w.costs().inventory().ttlSeconds();
    if (w.redisUri() == null) {
      throw new IllegalArgumentException("inventory needs --redis redis://host:port");
    }
    RedisURI uri = RedisURI.create(w.redisUri());
    uri.setTimeout(Duration.ofSeconds(1));
    this.client = RedisClient.create(uri);
    this.connection = client.connect();
    this.redis = connection.sync();
  }

  AutoCloseable install(ShopServer server) {
    server.route("GET", "/stock", this::stock);
    server.route("POST", "/reserve", this::reserve);
    return () -> {
      connection.close();
      client.shutdown(Duration.ZERO, Duration.ofSeconds(1));
    };
  }

  private Reply stock(Request r) {
    String[] skus = r.param("skus").split(",");
    if (skus.length > MAX_SKUS) {
      throw new Request.BadRequestException(
          "at most " + MAX_SKUS + " skus, but got " + skus.length);
    }
    cpu.burn(stockCost);
    Map<String, Integer> levels = new LinkedHashMap<>();
    int misses = 0;
    for (String sku : skus) {
      String cached = redis.get("stock:" + sku);
      if (cached == null) {
        misses++;
        levels.put(sku, computeAndCache(sku));
      } else {
        levels.put(sku, Integer.parseInt(cached));
      }
    }
    Span.current().setAttribute("rehearsal.cache.hits", (long) skus.length - misses);
    Span.current().setAttribute("rehearsal.cache.misses", (long) misses);
    return Reply.ok(Map.of("stock", levels));
  }

  private int computeAndCache(String sku) {
    CpuWork.burnMicros(missCpuMicros);
    int level = Math.floorMod(sku.hashCode() * 31, 97);
    redis.setex("stock:" + sku, ttlSeconds, Integer.toString(level));
    return level;
  }

  private Reply reserve(Request r) {
    int user = r.intParam("user", 0);
    cpu.burn(reserveCost);
    long reservation = redis.incr("reserved:" + user);
    return Reply.ok(Map.of("user", user, "reservation", reservation));
  }
}
