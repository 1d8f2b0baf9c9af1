package io.rehearsal.shop.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One service process's HTTP server: the JDK server's dispatcher thread admits each request into a
 * fixed worker pool with a bounded queue and answers 503 itself when the queue is full, so queueing
 * is real and overload is visible. A worker runs the handler inside a SERVER span whose parent
 * comes from the W3C {@code traceparent} header; as in servlet containers, the span starts when a
 * worker picks the request up, so time spent queued shows only in the caller's CLIENT span. {@code
 * /health} and {@code /admin/...} are served on the dispatcher, bypassing the pool: the fault
 * switches ({@code /admin/fault}, {@link FaultSwitch}) and the run-time remediations ({@code
 * /admin/call-policy}, {@code /admin/replicas}, {@code /admin/shed}, {@code /admin/rate-limit},
 * {@code /admin/remediation}; {@link CallPolicies}, {@link LoadGate}). Every request turned away
 * before a worker (queue full, shed, rate limited) is counted in {@code
 * rehearsal.shop.requests.rejected} with its method, route and reason.
 */
public final class ShopServer implements AutoCloseable {

  /**
   * How one server is sized.
   *
   * @param service service name
   * @param port loopback port, 0 for any free one
   * @param workers fixed worker threads
   * @param queueLimit requests that may wait for a worker
   * @param seed seed of injected errors
   */
  public record Settings(String service, int port, int workers, int queueLimit, long seed) {}

  private static final TextMapGetter<HttpExchange> HEADERS =
      new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(HttpExchange ex) {
          return ex.getRequestHeaders().keySet();
        }

        @Override
        public String get(HttpExchange ex, String key) {
          return ex == null ? null : ex.getRequestHeaders().getFirst(key);
        }
      };

  private static final AttributeKey<String> METHOD = AttributeKey.stringKey("http.request.method");
  private static final AttributeKey<String> ROUTE = AttributeKey.stringKey("http.route");
  private static final AttributeKey<String> REASON = AttributeKey.stringKey("rehearsal.reason");

  private final String service;
  private final HttpServer http;
  private final ThreadPoolExecutor pool;
  private final FaultSwitch faults;
  private final LoadGate gate;
  private final CallPolicies calls = new CallPolicies();
  private final Map<String, Handler> routes = new ConcurrentHashMap<>();
  private final Tracer tracer;
  private final TextMapPropagator propagator;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final LongCounter rejected;
  private final List<AutoCloseable> instruments = new ArrayList<>();

  private ShopServer(Settings s, OpenTelemetry otel) throws IOException {
    this.service = s.service();
    this.pool = workerPool(s);
    this.faults = new FaultSwitch(pool, s.seed());
    this.gate = new LoadGate(s.seed() * 31 + 17, System::nanoTime);
    this.tracer = otel.getTracer("io.rehearsal.shop");
    this.propagator = otel.getPropagators().getTextMapPropagator();
    this.http =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), s.port()), 512);
    this.http.createContext("/", this::dispatch);
    this.http.setExecutor(null);
    this.rejected = registerMetrics(otel.getMeter("io.rehearsal.shop"));
  }

  /** A server, not yet started. */
  public static ShopServer create(Settings settings, OpenTelemetry otel) throws IOException {
    return new ShopServer(settings, otel);
  }

  /** Adds a route such as {@code route("GET", "/items", handler)}; returns this. */
  public ShopServer route(String method, String path, Handler handler) {
    routes.put(method + " " + path, handler);
    return this;
  }

  /** Starts listening. */
  public ShopServer start() {
    http.start();
    return this;
  }

  /** The bound port. */
  public int port() {
    return http.getAddress().getPort();
  }

  /** This process's fault switches. */
  public FaultSwitch faults() {
    return faults;
  }

  /** This process's downstream clients, for run-time call policies and replica lists. */
  public CallPolicies calls() {
    return calls;
  }

  /** This process's admission gate (load shedding and rate limiting). */
  public LoadGate gate() {
    return gate;
  }

  /** Requests waiting for a worker. */
  int queued() {
    return pool.getQueue().size();
  }

  /** Current worker threads. */
  int workers() {
    return pool.getMaximumPoolSize();
  }

  @Override
  public void close() {
    http.stop(0);
    pool.shutdownNow();
    for (AutoCloseable instrument : instruments) {
      try {
        instrument.close();
      } catch (Exception e) {
        // an instrument that fails to unregister only stops reporting
      }
    }
  }

  private static ThreadPoolExecutor workerPool(Settings s) {
    AtomicInteger n = new AtomicInteger();
    return new ThreadPoolExecutor(
        s.workers(),
        s.workers(),
        60,
        TimeUnit.SECONDS,
        new ArrayBlockingQueue<>(s.queueLimit()),
        r -> {
          Thread t = new Thread(r, s.service() + "-worker-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        },
        new ThreadPoolExecutor.AbortPolicy());
  }

  private LongCounter registerMetrics(Meter meter) {
    instruments.add(
        meter
            .upDownCounterBuilder("http.server.active_requests")
            .setUnit("{request}")
            .setDescription("Requests admitted and not yet answered (queued + being served).")
            .buildWithCallback(m -> m.record(inFlight.get())));
    instruments.add(
        meter
            .gaugeBuilder("rehearsal.shop.pool.queue.size")
            .ofLongs()
            .setUnit("{request}")
            .setDescription("Requests waiting for a worker.")
            .buildWithCallback(m -> m.record(pool.getQueue().size())));
    instruments.add(
        meter
            .gaugeBuilder("rehearsal.shop.pool.workers")
            .ofLongs()
            .setUnit("{thread}")
            .setDescription("Worker threads of the pool (changes under the workers fault).")
            .buildWithCallback(m -> m.record(pool.getMaximumPoolSize())));
    return meter
        .counterBuilder("rehearsal.shop.requests.rejected")
        .setUnit("{request}")
        .setDescription(
            "Requests turned away before a worker: 503 when the worker queue was full"
                + " (rehearsal.reason queue_full) or the request was shed (shed), 429 when rate"
                + " limited (rate_limited).")
        .build();
  }

  private void dispatch(HttpExchange ex) {
    String path = ex.getRequestURI().getPath();
    if (path.equals("/health") || path.startsWith("/admin/")) {
      send(ex, admin(ex, ex.getRequestMethod() + " " + path));
      return;
    }
    String route = ex.getRequestMethod() + " " + path;
    Handler handler = routes.get(route);
    if (handler == null) {
      send(ex, Reply.error(404, "no route " + route));
      return;
    }
    Optional<LoadGate.Reason> refused = gate.admit(route);
    if (refused.isPresent()) {
      boolean shed = refused.get() == LoadGate.Reason.SHED;
      String reason = shed ? "shed" : "rate_limited";
      reject(ex, path, reason, shed ? 503 : 429, service + " turned the request away: " + reason);
      return;
    }
    inFlight.incrementAndGet();
    try {
      pool.execute(() -> serve(ex, route, handler));
    } catch (RejectedExecutionException e) {
      inFlight.decrementAndGet();
      reject(ex, path, "queue_full", 503, service + " worker queue full");
    }
  }

  private void reject(HttpExchange ex, String path, String reason, int status, String message) {
    rejected.add(1, Attributes.of(METHOD, ex.getRequestMethod(), ROUTE, path, REASON, reason));
    send(ex, Reply.error(status, message));
  }

  private void serve(HttpExchange ex, String route, Handler handler) {
    Context parent = propagator.extract(Context.root(), ex, HEADERS);
    String path = ex.getRequestURI().getPath();
    Span span =
        tracer
            .spanBuilder(route)
            .setParent(parent)
            .setSpanKind(SpanKind.SERVER)
            .setAttribute("http.request.method", ex.getRequestMethod())
            .setAttribute("http.route", path)
            .setAttribute("url.path", path)
            .setAttribute("url.scheme", "http")
            .setAttribute("server.port", (long) port())
            .startSpan();
    Reply reply;
    try (Scope ignored = span.makeCurrent()) {
      reply = run(ex, handler, span);
    }
    span.setAttribute("http.response.status_code", (long) reply.status());
    if (reply.status() >= 500) {
      span.setStatus(StatusCode.ERROR);
      span.setAttribute("error.type", Integer.toString(reply.status()));
    }
    send(ex, reply);
    span.end();
    inFlight.decrementAndGet();
  }

  private Reply run(HttpExchange ex, Handler handler, Span span) {
    try {
      Optional<Reply> injected = faults.inject();
      if (injected.isPresent()) {
        return injected.get();
      }
      byte[] body = ex.getRequestBody().readAllBytes();
      Map<String, String> query = Request.parseQuery(ex.getRequestURI().getRawQuery());
      return handler.handle(
          new Request(ex.getRequestMethod(), ex.getRequestURI().getPath(), query, body));
    } catch (Request.BadRequestException e) {
      return Reply.error(400, e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Reply.error(503, "interrupted");
    } catch (Exception e) {
      span.recordException(e);
      return Reply.error(500, e.toString());
    }
  }

  private Reply admin(HttpExchange ex, String route) {
    try {
      return switch (route) {
        case "GET /health" -> Reply.ok(Map.of("status", "up", "service", service));
        case "GET /admin/fault" -> Reply.ok(faults.state());
        case "POST /admin/fault" -> Reply.ok(faults.apply(body(ex)));
        case "DELETE /admin/fault" -> Reply.ok(faults.clear());
        case "POST /admin/call-policy" -> Reply.ok(calls.apply(body(ex)));
        case "POST /admin/replicas" -> Reply.ok(calls.replicas(body(ex)));
        case "POST /admin/shed" -> Reply.ok(gate.shed(body(ex)));
        case "POST /admin/rate-limit" -> Reply.ok(gate.rateLimit(body(ex)));
        case "GET /admin/remediation" -> Reply.ok(remediation());
        case "DELETE /admin/remediation" -> {
          calls.reset();
          gate.reset();
          yield Reply.ok(remediation());
        }
        default -> Reply.error(404, "no admin route " + route);
      };
    } catch (Request.BadRequestException e) {
      return Reply.error(400, e.getMessage());
    } catch (IOException e) {
      return Reply.error(400, "unreadable body: " + e.getMessage());
    }
  }

  private static com.fasterxml.jackson.databind.JsonNode body(HttpExchange ex) throws IOException {
    return Json.read(ex.getRequestBody().readAllBytes());
  }

  private Map<String, Object> remediation() {
    Map<String, Object> out = new java.util.LinkedHashMap<>(gate.state());
    out.put("calls", calls.state());
    return out;
  }

  private static void send(HttpExchange ex, Reply reply) {
    try {
      ex.getResponseHeaders().set("Content-Type", "application/json");
      int length = reply.body().length;
      ex.sendResponseHeaders(reply.status(), length == 0 ? -1 : length);
      ex.getResponseBody().write(reply.body());
    } catch (IOException e) {
      // the client went away (timeout, killed): nothing left to answer
    } finally {
      ex.close();
    }
  }
}
