package io.rehearsal.example.loop;

import com.google.protobuf.Struct;
import com.google.protobuf.TextFormat;
import com.google.protobuf.util.JsonFormat;
import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.EmptyWebhookSecretException;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.rehearsal.proto.v1.Decision;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where the gateway delivers approved decisions: verifies the Standard Webhooks signature, acts
 * once per {@code webhook-id} (the decision id), answers 2xx.
 *
 * <pre>
 * REHEARSAL_HOOK_SECRET=whsec_... java -cp ... io.rehearsal.example.loop.HookReceiver \
 *     --port 8088 [--command ./apply.sh]
 * </pre>
 *
 * The gateway delivers at least once (it retries until it sees a 2xx), so the receiver must make
 * the effect happen once: it remembers the ids it acted on and answers a repeat with 2xx without
 * acting. This example remembers in memory; a real receiver records the id durably, in the same
 * transaction as the effect (a unique key in its database, Redis SET NX), so a restart does not
 * forget.
 */
public final class HookReceiver implements AutoCloseable {

  /** What the receiver does with an approved decision; throwing makes the gateway retry. */
  public interface Action {
    void run(Decision decision) throws Exception;
  }

  private final HttpServer server;
  private final Webhook verifier;
  private final Action action;
  private final Set<String> actedOn = ConcurrentHashMap.newKeySet();
  private final AtomicInteger lostAnswers;
  private final AtomicInteger verified = new AtomicInteger();

  HookReceiver(InetSocketAddress address, String secret, Action action, int lostAnswers)
      throws IOException {
    try {
      this.verifier = new Webhook(secret);
    } catch (EmptyWebhookSecretException e) {
      throw new IllegalArgumentException("the hook secret is empty", e);
    }
    this.action = action;
    this.lostAnswers = new AtomicInteger(lostAnswers);
    this.server = HttpServer.create(address, 0);
    server.createContext("/", this::handle);
    server.start();
  }

  /** Starts a receiver on {@code address} verifying with {@code secret} ({@code whsec_...}). */
  public static HookReceiver start(InetSocketAddress address, String secret, Action action)
      throws IOException {
    return new HookReceiver(address, secret, action, 0);
  }

  /** Runs until killed; acts by printing, or by running {@code --command} with the JSON. */
  public static void main(String[] args) throws IOException {
    Options options = Options.parse(args);
    String secret = System.getenv("REHEARSAL_HOOK_SECRET");
    if (secret == null || secret.isBlank()) {
      throw new IllegalArgumentException("set REHEARSAL_HOOK_SECRET (the hook's whsec_ secret)");
    }
    Action action =
        options.has("--command") ? command(options.get("--command")) : HookReceiver::print;
    int port = Integer.parseInt(options.getOr("--port", "8088"));
    HookReceiver r = start(new InetSocketAddress(port), secret, action);
    System.out.println("receiving approved decisions on " + r.url());
  }

  /** The URL to configure as the gateway's hook. */
  public URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!"POST".equals(exchange.getRequestMethod())) {
        answer(exchange, 405);
        return;
      }
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      // The library reads webhook-id/-timestamp/-signature case-insensitively from HttpHeaders.
      HttpHeaders headers = HttpHeaders.of(exchange.getRequestHeaders(), (name, value) -> true);
      try {
        verifier.verify(body, headers); // signature and timestamp tolerance (replays)
      } catch (WebhookVerificationException e) {
        answer(exchange, 401);
        return;
      }
      verified.incrementAndGet();
      String id = headers.firstValue("webhook-id").orElseThrow();
      answer(exchange, actOnce(id, body) ? 204 : 500);
    }
  }

  /**
   * Acts unless {@code id} was acted on. Synchronized so a retry that overtakes a slow first
   * delivery waits for it instead of acting twice. False when the action failed (not recorded, so
   * the gateway's retry acts again).
   */
  private synchronized boolean actOnce(String id, String body) {
    if (actedOn.contains(id)) {
      System.out.println(id + ": already done, answering 2xx again");
      return true;
    }
    try {
      action.run(decision(body));
    } catch (Exception e) {
      System.out.println(id + ": action failed, the gateway will retry: " + e);
      return false;
    }
    actedOn.add(id);
    // Tests use lostAnswers to play "acted, but the answer never reached the gateway".
    return lostAnswers.getAndDecrement() <= 0;
  }

  /** Deliveries whose signature verified, repeats included. */
  int verifiedDeliveries() {
    return verified.get();
  }

  /** The decision inside {@code {"type":..., "timestamp":..., "data":<Decision>}}. */
  static Decision decision(String body) throws IOException {
    Struct.Builder envelope = Struct.newBuilder();
    JsonFormat.parser().merge(body, envelope);
    Decision.Builder d = Decision.newBuilder();
    JsonFormat.parser()
        .ignoringUnknownFields() // a newer gateway may add fields
        .merge(JsonFormat.printer().print(envelope.getFieldsOrThrow("data")), d);
    return d.build();
  }

  private static void print(Decision d) {
    System.out.printf(
        "run %s on %s (decision %s)%n",
        d.getRequest().getRemediation().getSummary(),
        TextFormat.shortDebugString(d.getRequest().getRemediation().getTarget()),
        d.getId());
  }

  /** Runs {@code command} with the decision's JSON on stdin; a non-zero exit fails the action. */
  private static Action command(String command) {
    return d -> {
      Path json = Files.createTempFile("decision", ".json");
      Files.writeString(json, JsonFormat.printer().print(d));
      Process p =
          new ProcessBuilder("sh", "-c", command).redirectInput(json.toFile()).inheritIO().start();
      int status = p.waitFor();
      Files.delete(json);
      if (status != 0) {
        throw new IllegalStateException(command + " exited with " + status);
      }
    };
  }

  private static void answer(HttpExchange exchange, int status) throws IOException {
    exchange.sendResponseHeaders(status, -1);
    OutputStream ignored = exchange.getResponseBody();
    ignored.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
