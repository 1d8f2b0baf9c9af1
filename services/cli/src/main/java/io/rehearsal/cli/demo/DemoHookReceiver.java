package io.rehearsal.cli.demo;

import com.google.protobuf.Struct;
import com.google.protobuf.util.JsonFormat;
import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.EmptyWebhookSecretException;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.rehearsal.proto.v1.Decision;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The gateway's hook inside the demo: verifies the Standard Webhooks signature of each delivery
 * (HMAC-SHA256 over id, timestamp and body, within the timestamp tolerance), accepts each decision
 * id once (the gateway delivers at least once) and hands the decision to the actuator on its own
 * thread, so that a slow actuation (starting a JVM) never makes the gateway time out and retry.
 */
final class DemoHookReceiver implements AutoCloseable {

  /** What happens to an accepted decision; it reports its own failures. */
  interface Actuation {
    void run(Decision decision);
  }

  private final HttpServer server;
  private final Webhook verifier;
  private final String secret;
  private final Actuation actuation;
  private final ExecutorService actuator =
      Executors.newSingleThreadExecutor(r -> new Thread(r, "demo-actuator"));
  private final Set<String> accepted = ConcurrentHashMap.newKeySet();
  private final AtomicInteger refused = new AtomicInteger();

  private DemoHookReceiver(String secret, Actuation actuation) throws IOException {
    this.secret = secret;
    try {
      this.verifier = new Webhook(secret);
    } catch (EmptyWebhookSecretException e) {
      throw new IllegalArgumentException("the hook secret is empty", e);
    }
    this.actuation = actuation;
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  /** A receiver on a free loopback port with a fresh random secret. */
  static DemoHookReceiver start(Actuation actuation) throws IOException {
    byte[] key = new byte[24];
    new SecureRandom().nextBytes(key);
    return start("whsec_" + Base64.getEncoder().encodeToString(key), actuation);
  }

  static DemoHookReceiver start(String secret, Actuation actuation) throws IOException {
    return new DemoHookReceiver(secret, actuation);
  }

  /** The URL to configure as the gateway's hook. */
  URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
  }

  /** The {@code whsec_} secret the gateway signs with. */
  String secret() {
    return secret;
  }

  /** Deliveries refused for a bad signature. */
  int refused() {
    return refused.get();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!"POST".equals(exchange.getRequestMethod())) {
        answer(exchange, 405);
        return;
      }
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      HttpHeaders headers = HttpHeaders.of(exchange.getRequestHeaders(), (name, value) -> true);
      try {
        verifier.verify(body, headers);
      } catch (WebhookVerificationException e) {
        refused.incrementAndGet();
        answer(exchange, 401);
        return;
      }
      Decision decision;
      try {
        decision = decision(body);
      } catch (IOException | IllegalArgumentException e) {
        answer(exchange, 400);
        return;
      }
      String id = headers.firstValue("webhook-id").orElse(decision.getId());
      if (accepted.add(id)) {
        actuator.execute(() -> actuation.run(decision));
      }
      answer(exchange, 202);
    }
  }

  /** The decision inside {@code {"type":..., "timestamp":..., "data":<Decision>}}. */
  static Decision decision(String body) throws IOException {
    Struct.Builder envelope = Struct.newBuilder();
    JsonFormat.parser().merge(body, envelope);
    if (!envelope.containsFields("data")) {
      throw new IllegalArgumentException("the delivery has no data field");
    }
    Decision.Builder d = Decision.newBuilder();
    JsonFormat.parser()
        .ignoringUnknownFields()
        .merge(JsonFormat.printer().print(envelope.getFieldsOrThrow("data")), d);
    return d.build();
  }

  private static void answer(HttpExchange exchange, int status) throws IOException {
    exchange.sendResponseHeaders(status, -1);
    exchange.getResponseBody().close();
  }

  @Override
  public void close() {
    server.stop(0);
    actuator.shutdownNow();
    try {
      actuator.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
