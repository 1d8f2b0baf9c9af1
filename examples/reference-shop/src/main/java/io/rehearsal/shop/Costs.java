package io.rehearsal.shop;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * What each endpoint costs ({@code costs.yaml}): the ground truth the twin has to learn from
 * telemetry.
 *
 * @param seed seed of every per-request draw
 * @param endpoints CPU cost by service, then by route ("GET /items")
 * @param catalog catalog page shape
 * @param inventory cache behaviour
 * @param gateway the external payment provider stand-in
 */
public record Costs(
    long seed,
    Map<String, Map<String, EndpointCost>> endpoints,
    CatalogCosts catalog,
    InventoryCosts inventory,
    GatewayCosts gateway) {

  /** Validates and copies. */
  public Costs {
    Overlay.require(endpoints != null, "endpoints is missing");
    Overlay.require(catalog != null, "catalog is missing");
    Overlay.require(inventory != null, "inventory is missing");
    Overlay.require(gateway != null, "gateway is missing");
    endpoints = Map.copyOf(endpoints);
  }

  /** Reads and validates a costs file. */
  public static Costs load(Path file) throws IOException {
    return Overlay.yaml().readValue(file.toFile(), Costs.class);
  }

  /** The cost of one route; throws at start-up when the file lacks it. */
  public EndpointCost of(String service, String route) {
    EndpointCost cost = endpoints.getOrDefault(service, Map.of()).get(route);
    if (cost == null) {
      throw new IllegalArgumentException("costs.endpoints." + service + ".'" + route + "' missing");
    }
    return cost;
  }

  /**
   * CPU demand of one endpoint.
   *
   * @param cpuMicros mean thread CPU time per request
   * @param cv coefficient of variation of the lognormal draw
   */
  public record EndpointCost(long cpuMicros, double cv) {
    /** Validates. */
    public EndpointCost {
      Overlay.require(cpuMicros >= 0, "cpuMicros must be >= 0, but was " + cpuMicros);
      Overlay.require(cv >= 0 && cv <= 3, "cv must be in [0, 3], but was " + cv);
    }
  }

  /**
   * Catalog pages.
   *
   * @param itemsPerPage skus per page
   */
  public record CatalogCosts(int itemsPerPage) {
    /** Validates. */
    public CatalogCosts {
      Overlay.require(itemsPerPage >= 1, "catalog.itemsPerPage must be >= 1");
    }
  }

  /**
   * Inventory cache.
   *
   * @param missCpuMicros CPU per sku on a miss
   * @param ttlSeconds Redis TTL of an entry
   */
  public record InventoryCosts(long missCpuMicros, int ttlSeconds) {
    /** Validates. */
    public InventoryCosts {
      Overlay.require(missCpuMicros >= 0, "inventory.missCpuMicros must be >= 0");
      Overlay.require(ttlSeconds >= 1, "inventory.ttlSeconds must be >= 1, but was " + ttlSeconds);
    }
  }

  /**
   * The external payment provider stand-in.
   *
   * @param latencyMeanMs mean of its lognormal latency
   * @param latencyCv coefficient of variation
   * @param workers its worker threads
   * @param queueLimit its queue
   */
  public record GatewayCosts(double latencyMeanMs, double latencyCv, int workers, int queueLimit) {
    /** Validates. */
    public GatewayCosts {
      Overlay.require(latencyMeanMs >= 0, "gateway.latencyMeanMs must be >= 0");
      Overlay.require(latencyCv >= 0, "gateway.latencyCv must be >= 0");
      Overlay.require(workers >= 1 && queueLimit >= 1, "gateway.workers/queueLimit must be >= 1");
    }
  }
}
