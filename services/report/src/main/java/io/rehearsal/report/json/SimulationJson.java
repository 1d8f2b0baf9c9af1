package io.rehearsal.report.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rehearsal.report.SimulationReport;

/**
 * The JSON of {@code rehearsal twin simulate --json}: one object, a pure function of the results
 * (no wall-clock figures), so that equal seeds print equal JSON. Latencies in seconds; integral
 * numbers without a fraction ({@code "duration":600}), non-finite ones as null.
 */
public final class SimulationJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private SimulationJson() {}

  /** The report as one line of JSON. */
  public static String render(SimulationReport r) {
    try {
      return MAPPER.writeValueAsString(tree(r));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the simulation report as JSON", e);
    }
  }

  /** The report as a JSON tree, for a caller that writes it with its own mapper. */
  public static ObjectNode tree(SimulationReport r) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("spec", r.spec());
    root.put("scenario", r.scenario());
    root.put("seed", r.seed());
    root.put("replications", (long) r.runs().size());
    num(root, "duration", r.duration());
    num(root, "warmup", r.warmup());
    num(root, "arrival_rate", r.arrivalRate());
    num(root, "mean_latency", r.meanLatency());
    num(root, "time_to_recover", r.timeToRecover());
    num(root, "cost_replica_seconds", r.cost());
    ArrayNode endpoints = root.putArray("endpoints");
    r.endpoints().forEach(e -> endpoint(endpoints.addObject(), e));
    ArrayNode slos = root.putArray("slos");
    r.slos().forEach(s -> slo(slos.addObject(), s));
    return root;
  }

  private static void endpoint(ObjectNode o, SimulationReport.Endpoint e) {
    o.put("endpoint", e.endpoint());
    o.put("requests", e.requests());
    o.put("ok", e.ok());
    o.put("errors", e.errors());
    o.put("timeouts", e.timeouts());
    o.put("rejected", e.rejected());
    num(o, "p50", e.p50());
    num(o, "p95", e.p95());
    num(o, "p99", e.p99());
    num(o, "error_rate", e.errorRate());
    num(o, "throughput", e.throughput());
  }

  private static void slo(ObjectNode o, SimulationReport.Slo s) {
    o.put("endpoint", s.endpoint());
    num(o, "percentile", s.percentile());
    num(o, "latency_target", s.latencyTarget());
    num(o, "availability_target", s.availabilityTarget());
    num(o, "latency", s.latency());
    num(o, "availability", s.availability());
    o.put("met_runs", (long) s.metRuns());
    o.put("runs", (long) s.runs());
    o.put("met", s.met());
  }

  private static void num(ObjectNode o, String name, double value) {
    o.set(name, Numbers.compact(value));
  }
}
