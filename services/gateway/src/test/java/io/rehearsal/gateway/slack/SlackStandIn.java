package io.rehearsal.gateway.slack;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A local stand-in for the Slack Web API on a free loopback port: answers {@code auth.test}, {@code
 * chat.postMessage}, {@code chat.update} and {@code chat.postEphemeral} as Slack does ({@code ok},
 * a {@code ts} per posted message) and records every call with its form fields and token.
 */
final class SlackStandIn implements AutoCloseable {

  /** One recorded Web API call. */
  record Call(String method, String authorization, Map<String, String> fields) {}

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

  /** The prefix to give the Slack client, e.g. {@code http://127.0.0.1:4711/api/}. */
  String urlPrefix() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/";
  }

  /** Every call so far, in order. */
  List<Call> calls() {
    return new ArrayList<>(calls);
  }

  /** The calls of one method. */
  List<Call> calls(String method) {
    return calls.stream().filter(c -> c.method().equals(method)).toList();
  }

  void clear() {
    calls.clear();
  }

  private void answer(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestURI().getPath().substring("/api/".length());
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    calls.add(new Call(method, exchange.getRequestHeaders().getFirst("Authorization"), form(body)));
    String json =
        switch (method) {
          case "auth.test" ->
              "{\"ok\":true,\"url\":\"https://rehearsal.slack.com/\",\"team\":\"Rehearsal\","
                  + "\"user\":\"rehearsal-bot\",\"team_id\":\"T0001\",\"user_id\":\"U0BOT\"}";
          case "chat.postMessage" ->
              "{\"ok\":true,\"channel\":\"C0APPROVALS\",\"ts\":\"1700000000."
                  + String.format("%06d", messages.incrementAndGet())
                  + "\"}";
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

  private static Map<String, String> form(String body) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        fields.put(
            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return fields;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
