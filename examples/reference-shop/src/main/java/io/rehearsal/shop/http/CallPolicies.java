package io.rehearsal.shop.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The downstream clients of one process, by the service they call, so that the admin surface can
 * change them at run time: {@code POST /admin/call-policy} sets a timeout and retry policy (the
 * {@code CALL_POLICY} remediation), {@code POST /admin/replicas} the replicas the round robin goes
 * over (a caller picking up a scaled-out service). {@link #reset()} restores what each client was
 * created with.
 */
public final class CallPolicies {

  private record Registered(Downstream client, Downstream.Policy policy, List<URI> replicas) {}

  private final List<Registered> clients = new CopyOnWriteArrayList<>();

  /** Keeps {@code client} under its peer service, remembering its policy and replicas to reset. */
  public Downstream register(Downstream client) {
    clients.add(new Registered(client, client.policy(), client.replicas()));
    return client;
  }

  /**
   * Applies {@code {"to":"catalog","timeoutMs":100,"retries":0,"backoffMs":0}}; fields left out
   * keep their value.
   *
   * @return the new state
   * @throws Request.BadRequestException if {@code to} is not called from here or a value is bad
   */
  public Map<String, Object> apply(JsonNode body) {
    for (Downstream d : clientsOf(body)) {
      Downstream.Policy p = d.policy();
      d.policy(
          new Downstream.Policy(
              Duration.ofMillis(millis(body, "timeoutMs", p.timeout().toMillis(), 1)),
              (int) millis(body, "retries", p.retries(), 0),
              Duration.ofMillis(millis(body, "backoffMs", p.backoff().toMillis(), 0)),
              retryOn(body, p.retryAnyFailure())));
    }
    return state();
  }

  /**
   * Applies {@code {"to":"catalog","replicas":["http://127.0.0.1:9101", ...]}}.
   *
   * @throws Request.BadRequestException if {@code to} is not called from here or the list is empty
   */
  public Map<String, Object> replicas(JsonNode body) {
    List<URI> uris = new ArrayList<>();
    body.path("replicas").forEach(u -> uris.add(URI.create(u.asText())));
    if (uris.isEmpty()) {
      throw new Request.BadRequestException(
          "replicas must list at least one base URI, but was " + body.get("replicas"));
    }
    clientsOf(body).forEach(d -> d.replicas(uris));
    return state();
  }

  /** Restores every client's policy and replicas. */
  public Map<String, Object> reset() {
    for (Registered r : clients) {
      r.client().policy(r.policy());
      r.client().replicas(r.replicas());
    }
    return state();
  }

  /** Per called service: timeout, retries, backoff and replicas. */
  public Map<String, Object> state() {
    Map<String, Object> out = new TreeMap<>();
    for (Registered r : clients) {
      Downstream.Policy p = r.client().policy();
      Map<String, Object> one = new LinkedHashMap<>();
      one.put("timeoutMs", p.timeout().toMillis());
      one.put("retries", p.retries());
      one.put("backoffMs", p.backoff().toMillis());
      one.put("retryOn", p.retryAnyFailure() ? "any" : "unavailable");
      one.put("replicas", r.client().replicas().stream().map(URI::toString).toList());
      out.put(r.client().peerService(), one);
    }
    return out;
  }

  private List<Downstream> clientsOf(JsonNode body) {
    String to = body.path("to").asText("");
    List<Downstream> out =
        clients.stream().map(Registered::client).filter(d -> d.peerService().equals(to)).toList();
    if (out.isEmpty()) {
      throw new Request.BadRequestException(
          "to must be a service this process calls, but was '" + to + "'");
    }
    return out;
  }

  private static boolean retryOn(JsonNode body, boolean fallback) {
    String on = body.path("retryOn").asText(fallback ? "any" : "unavailable");
    return switch (on) {
      case "any" -> true;
      case "unavailable" -> false;
      default ->
          throw new Request.BadRequestException(
              "retryOn must be any or unavailable, but was '" + on + "'");
    };
  }

  private static long millis(JsonNode body, String field, long fallback, long min) {
    if (!body.has(field)) {
      return fallback;
    }
    long value = body.path(field).asLong(-1);
    if (value < min) {
      throw new Request.BadRequestException(
          field + " must be >= " + min + ", but was " + body.get(field));
    }
    return value;
  }
}
