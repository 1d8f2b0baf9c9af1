package io.rehearsal.shop.decision;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns a candidate of a candidate file ({@code examples/reference-shop/candidates/*.yaml}, the
 * format {@code rehearsal sandbox evaluate} reads) into the steps that carry it out on the real
 * shop, so that the arm recorder applies exactly what the twin rehearsed:
 *
 * <table>
 *   <caption>remediation kinds and their actuators</caption>
 *   <tr><th>kind</th><th>step</th><th>carried out by run.sh as</th></tr>
 *   <tr><td>SCALE svc to N</td><td>{@code scale svc N}</td><td>fresh JVMs on extra ports, then
 *       {@code POST /admin/replicas} on every caller (the load generator's targets file for the
 *       entry service)</td></tr>
 *   <tr><td>RESTART svc</td><td>{@code restart svc}</td><td>each replica in turn: SIGTERM, a fresh
 *       JVM on its port, healthy before the next; a restart keeps the version, so an error fault
 *       comes back</td></tr>
 *   <tr><td>ROLLBACK svc</td><td>{@code rollback svc}</td><td>each replica in turn back to the
 *       previous version: {@code DELETE /admin/fault}</td></tr>
 *   <tr><td>CALL_POLICY caller/endpoint to callee</td><td>{@code call-policy caller callee
 *       timeoutMs=.. retries=.. backoffMs=.. retryOn=any}</td><td>{@code POST /admin/call-policy}
 *       on the caller's replicas; a retry policy retries after any failure, as the twin's
 *       does</td></tr>
 *   <tr><td>SHED_LOAD svc/METHOD /path, share</td><td>{@code shed svc share METHOD /path}</td>
 *       <td>{@code POST /admin/shed}</td></tr>
 *   <tr><td>RATE_LIMIT svc, rate</td><td>{@code rate-limit svc rate}</td><td>{@code POST
 *       /admin/rate-limit}, the rate split over the replicas</td></tr>
 * </table>
 *
 * Other kinds (REROUTE, FAILOVER, AUTOSCALER, CACHE) and circuit breakers have no actuator in the
 * shop: such a candidate is refused at planning time, not half-applied.
 */
public final class CandidateActions {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private CandidateActions() {}

  /** The steps of candidate {@code name} in {@code file}, in time order. */
  public static List<ShopAction> of(Path file, String name) throws IOException {
    return of(YAML.readTree(file.toFile()), name);
  }

  /**
   * The steps of candidate {@code name} of a parsed candidate file, in time order.
   *
   * @throws IllegalArgumentException if there is no such candidate or a remediation has no actuator
   */
  public static List<ShopAction> of(JsonNode candidateFile, String name) {
    for (JsonNode c : candidateFile.path("candidates")) {
      if (c.path("name").asText().equals(name)) {
        List<ShopAction> out = new ArrayList<>();
        c.path("remediations").forEach(r -> out.add(action(r)));
        out.sort((a, b) -> Double.compare(a.at(), b.at()));
        return out;
      }
    }
    throw new IllegalArgumentException("no candidate named '" + name + "'");
  }

  static ShopAction action(JsonNode r) {
    double at = r.path("at").asDouble(0) + r.path("delay").asDouble(0);
    String kind = r.path("kind").asText("").toUpperCase(Locale.ROOT);
    String target = r.path("target").asText("");
    return switch (kind) {
      case "SCALE" -> new ShopAction(at, "scale", List.of(target, integer(r, "value")));
      case "RESTART" -> new ShopAction(at, "restart", List.of(target));
      case "ROLLBACK" -> new ShopAction(at, "rollback", List.of(target));
      case "RATE_LIMIT" -> new ShopAction(at, "rate-limit", List.of(target, number(r, "value")));
      case "SHED_LOAD" -> shed(at, target, number(r, "value"));
      case "CALL_POLICY" -> callPolicy(at, r, target);
      default -> throw new IllegalArgumentException("no shop actuator for " + kind + ": " + r);
    };
  }

  private static ShopAction shed(double at, String target, String share) {
    if (target.equals("*")) {
      return new ShopAction(at, "shed", List.of("frontend", share));
    }
    String[] endpoint = endpoint(target);
    String[] route = endpoint[1].split(" ", 2);
    return new ShopAction(at, "shed", List.of(endpoint[0], share, route[0], route[1]));
  }

  private static ShopAction callPolicy(double at, JsonNode r, String target) {
    if (r.has("breaker")) {
      throw new IllegalArgumentException("no shop actuator for circuit breakers: " + r);
    }
    String caller = endpoint(target)[0];
    String callee = r.path("to").asText("").split("[/ ]", 2)[0];
    List<String> args = new ArrayList<>(List.of(caller, callee));
    if (r.has("value")) {
      args.add("timeoutMs=" + Math.round(r.path("value").asDouble() * 1000));
    }
    JsonNode retry = r.path("retry");
    if (!retry.isMissingNode()) {
      args.add("retries=" + retry.path("maxRetries").asInt(0));
      args.add("backoffMs=" + Math.round(retry.path("backoff").asDouble(0) * 1000));
      args.add("retryOn=any");
    }
    return new ShopAction(at, "call-policy", args);
  }

  /** {@code frontend/GET /browse} as {@code [frontend, GET /browse]}. */
  private static String[] endpoint(String target) {
    int slash = target.indexOf('/');
    if (slash <= 0) {
      throw new IllegalArgumentException(
          "target must be service/METHOD /path, but was '" + target + "'");
    }
    return new String[] {target.substring(0, slash), target.substring(slash + 1)};
  }

  private static String integer(JsonNode r, String field) {
    return Long.toString(Math.round(required(r, field).asDouble()));
  }

  private static String number(JsonNode r, String field) {
    double v = required(r, field).asDouble();
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }

  private static JsonNode required(JsonNode r, String field) {
    if (!r.path(field).isNumber()) {
      throw new IllegalArgumentException(field + " must be a number in " + r);
    }
    return r.path(field);
  }
}
