package io.rehearsal.cli.incidents;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.StatusRuntimeException;
import io.rehearsal.cli.CommandFailure;
import io.rehearsal.cli.ml.LabelledRecordings;
import io.rehearsal.cli.ml.NormalRecordings;
import io.rehearsal.ml.incident.DetectionScore;
import io.rehearsal.proto.v1.Incident;
import io.rehearsal.proto.v1.IncidentState;
import io.rehearsal.proto.v1.IncidentStateChange;
import io.rehearsal.proto.v1.ListIncidentsRequest;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code rehearsal incidents replay-eval}: the detection evaluation through a running detector.
 * Every labelled recording and the normal ones are exported over OTLP/gRPC, each in a slot of its
 * own an hour apart in event time (the detector must run with {@code
 * rehearsal.detector.incidents.clock=event}, so each slot is a replay session judged by a fresh
 * engine); the incidents are then read back over gRPC and scored as {@code ml detect-eval} scores
 * them from files: an incident opening (or re-opening) in a slot counts for that slot's label when
 * it opens between the onset and 30 s after the end; every other opening is false.
 */
@Command(
    name = "replay-eval",
    mixinStandardHelpOptions = true,
    description = "Replay labelled recordings through a running detector over OTLP; score them.",
    footer = {
      "",
      "The detector must run with rehearsal.detector.incidents.clock=event and the shop's SLOs",
      "(see docs/cli.md); use a detector started for the evaluation: slots start at --start.",
      "Exit codes: 0 evaluated, 1 detector unreachable or a file unreadable, 2 usage error."
    })
public final class ReplayEvalCommand implements Callable<Integer> {

  private static final long GRACE_MILLIS = 30_000;
  private static final Duration SLOT = Duration.ofHours(1);

  @Spec CommandSpec spec;

  @Mixin DetectorOptions options;

  @Mixin LabelledRecordings recordings;

  @Mixin NormalRecordings normal;

  @Option(
      names = "--otlp",
      paramLabel = "HOST:PORT",
      defaultValue = DetectorOptions.DEFAULT_DETECTOR,
      description = "The detector's OTLP/gRPC receiver (default: ${DEFAULT-VALUE}).")
  String otlp;

  @Option(
      names = "--start",
      paramLabel = "INSTANT",
      description = "Event time of the first slot (default: now, to the second).")
  Instant start;

  @Override
  public Integer call() throws Exception {
    Map<String, List<DetectionScore.Label>> runs = recordings.runs(normal);
    long base = (start == null ? Instant.now() : start).getEpochSecond() * 1000;
    Map<String, long[]> slots = new LinkedHashMap<>();
    ManagedChannel channel = ManagedChannelBuilder.forTarget(otlp).usePlaintext().build();
    long spans = 0;
    long began = System.nanoTime();
    try {
      int k = 0;
      for (String name : runs.keySet()) {
        Path file = recordings.file(name);
        long slotStart = base + k++ * SLOT.toMillis();
        long shift = (slotStart - OtlpReplay.firstEndMillis(file)) / 1000;
        spans += OtlpReplay.send(channel, file, shift);
        slots.put(name, new long[] {slotStart, shift});
      }
    } catch (StatusRuntimeException e) {
      throw new CommandFailure("OTLP export to " + otlp + " failed: " + e.getStatus(), e);
    } finally {
      channel.shutdownNow();
    }
    double sendSeconds = (System.nanoTime() - began) / 1e9;
    List<Incident> incidents = awaitStable(new DetectorClient(options.detector));
    print(score(runs, slots, incidents), spans, sendSeconds);
    return 0;
  }

  /** The incidents once two listings 2 s apart agree (at most 2 min). */
  private static List<Incident> awaitStable(DetectorClient client) throws InterruptedException {
    ListIncidentsRequest all = ListIncidentsRequest.newBuilder().setLimit(1000).build();
    List<Incident> last = null;
    for (int i = 0; i < 60; i++) {
      Thread.sleep(2000);
      List<Incident> now = client.list(all);
      if (now.equals(last)) {
        return now;
      }
      last = now;
    }
    return last;
  }

  private static Map<String, Object> score(
      Map<String, List<DetectionScore.Label>> runs,
      Map<String, long[]> slots,
      List<Incident> incidents) {
    DetectionScore total = new DetectionScore(0, 0, 0, List.of());
    Map<String, Object> per = new LinkedHashMap<>();
    for (Map.Entry<String, List<DetectionScore.Label>> run : runs.entrySet()) {
      long from = slots.get(run.getKey())[0];
      long shiftMillis = slots.get(run.getKey())[1] * 1000;
      List<DetectionScore.Label> labels =
          run.getValue().stream()
              .map(
                  l ->
                      new DetectionScore.Label(
                          l.onsetMillis() + shiftMillis, l.endMillis() + shiftMillis))
              .toList();
      List<Long> openings = new ArrayList<>();
      List<String> ids = new ArrayList<>();
      for (Incident i : incidents) {
        for (IncidentStateChange c : i.getTimelineList()) {
          long ms = c.getAt().getSeconds() * 1000 + c.getAt().getNanos() / 1_000_000;
          if (c.getState() == IncidentState.INCIDENT_STATE_OPEN
              && ms >= from
              && ms < from + SLOT.toMillis()) {
            openings.add(ms);
            ids.add(i.getId());
          }
        }
      }
      DetectionScore s = DetectionScore.of(labels, openings, GRACE_MILLIS);
      total = total.plus(s);
      Map<String, Object> d = new LinkedHashMap<>();
      d.put("detected", s.detected());
      d.put("missed", s.missed());
      d.put("false_incidents", s.falseIncidents());
      d.put("delays_s", s.delaysSeconds());
      d.put("incidents", ids);
      per.put(run.getKey(), d);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("detected", total.detected());
    body.put("missed", total.missed());
    body.put("false_incidents", total.falseIncidents());
    double median = total.medianDelaySeconds();
    body.put("median_delay_s", Double.isNaN(median) ? null : median);
    body.put("recordings", per);
    return body;
  }

  private void print(Map<String, Object> body, long spans, double sendSeconds) throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    body.put("spans_sent", spans);
    body.put("send_seconds", Math.round(sendSeconds * 10) / 10.0);
    if (options.json) {
      out.println(IncidentsCommand.JSON.writeValueAsString(body));
    } else {
      ((Map<?, ?>) body.get("recordings")).forEach((name, d) -> out.println(name + " " + d));
      out.printf(
          Locale.ROOT,
          "detected %s, missed %s, false incidents %s, median delay %s s (%d spans in %.1f s)%n",
          body.get("detected"),
          body.get("missed"),
          body.get("false_incidents"),
          body.get("median_delay_s"),
          spans,
          sendSeconds);
    }
    out.flush();
  }
}
