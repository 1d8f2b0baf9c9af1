package io.rehearsal.gateway.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A local stand-in for the Slack Web API (auth.test, chat.postMessage, chat.update,
 * chat.postEphemeral) that records each call's method and decoded form body.
 */
final class SlackStandIn implements AutoCloseable {

  /** One recorded call and the message ts it answered with (chat.postMessage). */
  record Call(String method, String body, String ts) {}

  private final HttpServer server;
  private final List<Call> calls = new CopyOnWriteArrayList<>();
  private final AtomicLong messages = new AtomicLong();

  private SlackStandIn(HttpServer server) {
    this.server = server;
    server.createContext("/api/", this::answer);
    server.start();
  }

  static SlackStandIn start() {
    try {
      return new SlackStandIn(
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String urlPrefix() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/";
  }

  /** The calls of {@code method} whose body mentions {@code text}. */
  List<Call> calls(String method, String text) {
    return calls.stream()
        .filter(c -> c.method().equals(method) && c.body().contains(text))
        .toList();
  }

  private void answer(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestURI().getPath().substring("/api/".length());
    String body =
        URLDecoder.decode(
            new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
            StandardCharsets.UTF_8);
    String ts = "1700000000." + String.format("%06d", messages.incrementAndGet());
    calls.add(new Call(method, body, ts));
    String json =
        switch (method) {
          case "auth.test" -> "{\"ok\":true,\"team_id\":\"T0001\",\"user_id\":\"U0BOT\"}";
          case "chat.postMessage" ->
              "{\"ok\":true,\"channel\":\"C0APPROVALS\",\"ts\":\"" + ts + "\"}";
          case "chat.update" -> "{\"ok\":true,\"channel\":\"C0APPROVALS\",\"ts\":\"1\"}";
          case "chat.postEphemeral" -> "{\"ok\":true,\"message_ts\":\"1700000000.999999\"}";
          default -> "{\"ok\":false,\"error\":\"unknown_method\"}";
        };
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
    exchange.sendResponseHeaders(200, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
