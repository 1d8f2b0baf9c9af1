package io.rehearsal.shop;

import io.opentelemetry.api.OpenTelemetry;
import io.rehearsal.shop.Topology.ProcessSpec;
import io.rehearsal.shop.http.Downstream;
import io.rehearsal.shop.http.ShopServer;
import io.rehearsal.shop.services.ShopServices;
import io.rehearsal.shop.services.Wiring;
import io.rehearsal.shop.telemetry.ProcessMetrics;
import io.rehearsal.shop.telemetry.Telemetry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * Runs one shop process:
 *
 * <pre>
 * java -cp ... io.rehearsal.shop.ShopMain --instance catalog-2 --overlay overlay.yaml
 *     --costs costs.yaml [--base-port 9100] [--redis redis://127.0.0.1:9190]
 *     [--telemetry-dir DIR] [--otlp-endpoint http://127.0.0.1:4317] [--metric-interval-ms 2000]
 *     [--port 9153]
 * </pre>
 *
 * The port comes from the {@link Topology} plan, unless {@code --port} starts an extra replica.
 * External dependencies (the payment gateway) run without telemetry, as a third party would.
 * SIGTERM flushes telemetry and exits.
 */
public final class ShopMain {
  private ShopMain() {}

  /** Entry point. */
  public static void main(String[] argv) throws Exception {
    Args args = Args.parse(argv);
    Overlay overlay = Overlay.load(Path.of(args.required("overlay")));
    Costs costs = Costs.load(Path.of(args.required("costs")));
    Topology topology = Topology.plan(overlay, (int) args.number("base-port", 9100));
    ProcessSpec me = me(topology, args);
    boolean external = overlay.dependencies().containsKey(me.service());
    Telemetry telemetry = external ? null : Telemetry.create(telemetrySettings(args, me));
    OpenTelemetry otel = telemetry == null ? OpenTelemetry.noop() : telemetry.api();

    ShopServer server = ShopServer.create(serverSettings(overlay, costs, me, external), otel);
    AutoCloseable cpuMetrics = ProcessMetrics.register(otel.getMeter("io.rehearsal.shop"));
    Wiring wiring =
        new Wiring(
            me.service(),
            overlay,
            costs,
            topology::replicas,
            otel,
            Downstream.newClient(),
            args.optional("redis", null),
            server.calls());
    AutoCloseable resources = ShopServices.install(server, wiring);
    server.start();
    System.out.println("ready " + me.instance() + " on 127.0.0.1:" + server.port());

    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.close();
                  closeQuietly(resources);
                  closeQuietly(cpuMetrics);
                  closeQuietly(telemetry);
                  stopped.countDown();
                }));
    stopped.await();
  }

  /**
   * This process: from the plan, or, with {@code --port}, an extra replica outside it (a scale-out
   * such as {@code --instance catalog-3 --port 9153}; its callers learn of it through {@code POST
   * /admin/replicas}).
   */
  static ProcessSpec me(Topology topology, Args args) {
    String instance = args.required("instance");
    String port = args.optional("port", null);
    if (port == null) {
      return topology.instance(instance);
    }
    String service = instance.replaceFirst("-\\d+$", "");
    topology.replicas(service);
    return new ProcessSpec(service, instance, (int) args.number("port", 0));
  }

  private static Telemetry.Settings telemetrySettings(Args args, ProcessSpec me) {
    String dir = args.optional("telemetry-dir", null);
    return new Telemetry.Settings(
        me.service(),
        me.instance(),
        dir == null ? null : Path.of(dir),
        args.optional("otlp-endpoint", null),
        Duration.ofMillis(args.number("metric-interval-ms", 2000)));
  }

  private static ShopServer.Settings serverSettings(
      Overlay overlay, Costs costs, ProcessSpec me, boolean external) {
    long seed = costs.seed() * 31 + me.instance().hashCode();
    if (external) {
      Costs.GatewayCosts g = costs.gateway();
      return new ShopServer.Settings(me.service(), me.port(), g.workers(), g.queueLimit(), seed);
    }
    Overlay.ServiceSpec spec = overlay.services().get(me.service());
    return new ShopServer.Settings(
        me.service(), me.port(), spec.workers(), spec.queueLimit(), seed);
  }

  private static void closeQuietly(AutoCloseable closeable) {
    if (closeable == null) {
      return;
    }
    try {
      closeable.close();
    } catch (Exception e) {
      System.err.println("shutdown: " + e);
    }
  }
}
