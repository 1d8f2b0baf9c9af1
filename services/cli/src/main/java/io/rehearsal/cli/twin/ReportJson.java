package io.rehearsal.cli.twin;

/**
 * {@code twin simulate --json}: one JSON object, a pure function of the results (no wall-clock
 * figures), so that equal seeds print equal JSON. Latencies in seconds.
 */
final class ReportJson {
  private ReportJson() {}

  static String render(SimulationReport r) {
    Json j = new Json().beginObject();
    j.field("spec", r.spec())
        .field("scenario", r.scenario())
        .field("seed", r.seed())
        .field("replications", (long) r.runs().size())
        .field("duration", r.duration())
        .field("warmup", r.warmup())
        .field("arrival_rate", r.arrivalRate())
        .field("mean_latency", r.meanLatency())
        .field("time_to_recover", r.timeToRecover())
        .field("cost_replica_seconds", r.cost());
    j.beginArray("endpoints");
    for (SimulationReport.Row row : r.endpoints()) {
      j.beginObject()
          .field("endpoint", row.endpoint())
          .field("requests", row.requests())
          .field("ok", row.ok())
          .field("errors", row.errors())
          .field("timeouts", row.timeouts())
          .field("rejected", row.rejected())
          .field("p50", row.p50())
          .field("p95", row.p95())
          .field("p99", row.p99())
          .field("error_rate", row.errorRate())
          .field("throughput", row.throughput())
          .endObject();
    }
    j.endArray().beginArray("slos");
    for (SimulationReport.SloRow s : r.slos()) {
      j.beginObject()
          .field("endpoint", s.endpoint())
          .field("percentile", s.percentile())
          .field("latency_target", s.latencyTarget())
          .field("availability_target", s.availabilityTarget())
          .field("latency", s.latency())
          .field("availability", s.availability())
          .field("met_runs", (long) s.metRuns())
          .field("runs", (long) s.runs())
          .field("met", s.met())
          .endObject();
    }
    return j.endArray().endObject().toString();
  }
}
