package io.rehearsal.shop.services;

import io.opentelemetry.api.OpenTelemetry;
import io.rehearsal.shop.Costs;
import io.rehearsal.shop.Overlay;
import io.rehearsal.shop.http.Downstream;
import io.rehearsal.shop.http.ShopServer;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Test fixture: the shop's services in this JVM, on free ports, wired to each other. */
final class ShopFixture implements AutoCloseable {
  final Map<String, ShopServer> servers = new LinkedHashMap<>();
  private final List<AutoCloseable> resources = new ArrayList<>();

  /**
   * Starts {@code services} with the module's overlay and costs (the gateway without telemetry).
   */
  ShopFixture(List<String> services, Overlay overlay, OpenTelemetry otel, String redisUri)
      throws Exception {
    Costs costs = Costs.load(Path.of("costs.yaml"));
    for (String service : services) {
      servers.put(
          service,
          ShopServer.create(new ShopServer.Settings(service, 0, 8, 64, 1), own(service, otel)));
    }
    for (String service : services) {
      OpenTelemetry own = own(service, otel);
      Wiring wiring =
          new Wiring(
              service, overlay, costs, this::replicas, own, Downstream.newClient(), redisUri);
      resources.add(ShopServices.install(servers.get(service), wiring));
      servers.get(service).start();
    }
  }

  private static OpenTelemetry own(String service, OpenTelemetry otel) {
    return service.equals("payment-gateway") ? OpenTelemetry.noop() : otel;
  }

  static Overlay moduleOverlay() throws Exception {
    return Overlay.load(Path.of("overlay.yaml"));
  }

  URI uri(String service) {
    return URI.create("http://127.0.0.1:" + servers.get(service).port());
  }

  private List<URI> replicas(String service) {
    return List.of(uri(service));
  }

  @Override
  public void close() throws Exception {
    servers.values().forEach(ShopServer::close);
    for (AutoCloseable resource : resources) {
      resource.close();
    }
  }
}
