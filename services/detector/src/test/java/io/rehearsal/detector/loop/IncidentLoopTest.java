package io.rehearsal.detector.loop;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.rehearsal.detector.incident.IncidentOpened;
import io.rehearsal.ml.incident.IncidentConfig;
import io.rehearsal.ml.incident.IncidentEngine;
import io.rehearsal.ml.incident.Slo;
import io.rehearsal.ml.proposal.Catalogs;
import io.rehearsal.ml.rca.RcaConfig;
import io.rehearsal.ml.rca.RootCauseRanker;
import io.rehearsal.ml.rca.SpanEvidence;
import io.rehearsal.ml.rca.Suspect;
import io.rehearsal.otlp.RecordingOptions;
import io.rehearsal.otlp.Recordings;
import io.rehearsal.proto.v1.Environment;
import io.rehearsal.proto.v1.ExecutionResult;
import io.rehearsal.proto.v1.FaultHypothesis;
import io.rehearsal.proto.v1.FaultKind;
import io.rehearsal.proto.v1.Incident;
import io.rehearsal.proto.v1.IncidentStep;
import io.rehearsal.proto.v1.Remediation;
import io.rehearsal.proto.v1.RemediationRequest;
import io.rehearsal.proto.v1.Target;
import io.rehearsal.store.EmbeddedRedis;
import io.rehearsal.store.IncidentLifecycle;
import io.rehearsal.store.IncidentLifecycle.Stage;
import io.rehearsal.store.IncidentRecord;
import io.rehearsal.store.StoreConfig;
import io.rehearsal.telemetry.Recording;
import io.rehearsal.telemetry.Span;
import io.rehearsal.telemetry.SpanKind;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The loop against real gRPC servers on loopback (minimal Sandbox and PolicyGateway contracts, see
 * {@link LoopServers}) and a real redis-server, on the reference shop's catalog-latency recording:
 * the incident the detection engine opens on it is ranked, proposed for, evaluated, submitted and
 * followed to its outcome, and every step shows on the stored incident.
 */
class IncidentLoopTest {
  private static final String TWIN = "ab".repeat(32);
  private static final List<String> SLOS =
      List.of(
          "frontend/GET /browse=200@99:0.99",
          "frontend/POST /cart=100@99:0.99",
          "frontend/POST /checkout=300@99:0.98");

  private static List<Span> spans;
  private static io.rehearsal.ml.incident.Incident detected;

  @TempDir Path dir;
  private EmbeddedRedis redis;
  private IncidentLifecycle lifecycle;
  private LoopServers servers;
  private SimpleMeterRegistry registry;
  private Path catalog = catalogFile();
  private final List<String> mitigated = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void detect() throws IOException {
    Path file = data().resolve("incident-latency-catalog-15.otlp.jsonl.gz");
    Recording recording = Recordings.read(file, RecordingOptions.defaults());
    spans = new ArrayList<>(recording.spans());
    spans.sort(Comparator.comparingLong(Span::endNanos));
    IncidentEngine engine =
        new IncidentEngine(IncidentConfig.defaults(), SLOS.stream().map(Slo::parse).toList());
    for (Span s : spans) {
      if (s.kind() == SpanKind.CLIENT
          && !s.peer().isEmpty()
          && !s.peer().startsWith(Span.DATABASE_PEER)) {
        engine.recordCall(s.service(), s.peer());
      } else if (s.kind().servesRequest()) {
        engine.recordRequest(
            s.service(),
            s.endpoint(),
            s.endNanos() / 1_000_000,
            s.durationNanos() / 1e6,
            s.error() || s.httpStatus() >= 500,
            s.spanId());
      }
      engine.advanceTo(s.endNanos() / 1_000_000);
    }
    detected = engine.incidents().get(0);
  }

  private static Path data() {
    for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
      if (Files.isDirectory(d.resolve("ml-models/data/reference-shop"))) {
        return d.resolve("ml-models/data/reference-shop");
      }
    }
    throw new IllegalStateException("ml-models/data/reference-shop not found");
  }

  private static Path catalogFile() {
    return data()
        .getParent()
        .getParent()
        .getParent()
        .resolve("examples/reference-shop/catalog.yaml");
  }

  @BeforeEach
  void start() throws IOException {
    redis = EmbeddedRedis.start(dir);
    lifecycle =
        IncidentLifecycle.connect(
            redis.uri(), StoreConfig.defaults().keyPrefix(), Duration.ofSeconds(10), 100);
    servers = new LoopServers();
    registry = new SimpleMeterRegistry();
    Files.writeString(dir.resolve("token"), LoopServers.TOKEN + "\n");
  }

  @AfterEach
  void stop() throws InterruptedException {
    servers.close();
    lifecycle.close();
    redis.close();
  }

  private String open() {
    Incident payload =
        Incident.newBuilder()
            .setTitle(detected.title())
            .addAllServices(detected.services().stream().sorted().toList())
            .build();
    return lifecycle
        .open(
            List.copyOf(detected.services()),
            payload.toByteArray(),
            detected.openedSecond() * 1000,
            Duration.ofMinutes(10),
            "opened: " + detected.title())
        .id();
  }

  private IncidentLoop loop(String sandbox, Remotes remotes, int attempts, boolean withCatalog) {
    return loop(remotes, attempts, withCatalog, new CurrentTwin(TWIN, Map.of("catalog", 2)));
  }

  private IncidentLoop loop(Remotes remotes, int attempts, boolean withCatalog, CurrentTwin twin) {
    RecentSpans recent = new RecentSpans(1_000_000);
    recent.add(spans);
    LoopSettings settings =
        new LoopSettings(
            Environment.ENVIRONMENT_STAGING,
            Duration.ofSeconds(120),
            attempts,
            Duration.ofMillis(20),
            Duration.ofSeconds(10),
            Duration.ofMillis(20),
            Duration.ofSeconds(5),
            Duration.ofSeconds(5),
            Duration.ZERO);
    IncidentLoop.Parts parts =
        new IncidentLoop.Parts(
            withCatalog ? Optional.of(Catalogs.read(catalog)) : Optional.empty(),
            "no catalog at /nowhere/catalog.yaml (rehearsal.detector.loop.catalog)",
            () -> Optional.of(twin),
            recent,
            () -> new EvaluationOutcomes.Trained(Optional.empty(), 0, "no stored evaluations"),
            new IncidentNotes(lifecycle, Clock.systemUTC()),
            remotes,
            new LoopMetrics(registry),
            settings,
            Clock.systemUTC());
    return new IncidentLoop(parts, new Aftermath(parts, mitigated::add));
  }

  /**
   * Runs the loop for incident {@code id} with the catalog, the servers and 3 attempts, resolving
   * the incident once it is mitigating, and returns it as stored afterwards.
   */
  private Incident runToTheEnd(String id) throws Exception {
    Thread resolver = resolveOnceMitigating(id);
    try (Remotes remotes =
        new Remotes(servers.sandboxTarget(), servers.gatewayTarget(), dir.resolve("token"))) {
      loop(servers.sandboxTarget(), remotes, 3, true).run(new IncidentOpened(id, detected));
    }
    resolver.join(5_000);
    return stored(id);
  }

  private Incident stored(String id) throws IOException {
    return Incident.parseFrom(lifecycle.get(id).orElseThrow().payload());
  }

  private static List<String> steps(Incident i) {
    return i.getLoopStepsList().stream()
        .map(s -> s.getStep() + ":" + s.getStatus() + "#" + s.getAttempt())
        .toList();
  }

  private double count(String step, String status) {
    return new LoopMetrics(registry).total(step, status);
  }

  @Test
  void shouldSubmitTheBestCandidateWithItsEvaluationWhenAnIncidentOpens() throws Exception {
    String id = open();
    servers.hypotheses =
        List.of(hypothesis(FaultKind.FAULT_KIND_LATENCY_MULTIPLIER, "catalog", 0.9));
    Incident incident = runToTheEnd(id);
    assertThat(incident.getSuspectedTargetsList()).isNotEmpty();
    assertThat(incident.getSuspectedTargets(0).getTarget().getService()).isEqualTo("catalog");
    assertThat(incident.getSuspectedTargets(0).getReason())
        .startsWith("fit 0.90 (LATENCY_MULTIPLIER catalog 8.00), telemetry #1; LATENCY");
    assertThat(incident.getProposalsCount()).isBetween(1, 8);
    assertThat(incident.getProposalsList()).allMatch(p -> p.getSummary().contains(" — "));

    assertThat(servers.evaluations).hasSize(1);
    var request = servers.evaluations.get(0);
    assertThat(request.getCandidatesList()).isEqualTo(incident.getProposalsList());
    assertThat(request.getTwinSnapshotHash()).isEqualTo(TWIN);
    assertThat(request.getIncident().getId()).isEqualTo(id);
    assertThat(request.getIncident().getLoopStepsCount()).isZero();

    Remediation best = incident.getProposals(incident.getProposalsCount() - 1);
    assertThat(servers.submits).hasSize(2); // UNAVAILABLE once, then the same request again
    RemediationRequest submitted = servers.submits.get(1);
    assertThat(servers.submits.get(0)).isEqualTo(submitted);
    assertThat(submitted.getRemediation()).isEqualTo(best);
    assertThat(submitted.getEvaluationId()).isEqualTo(LoopServers.EVALUATION_ID);
    assertThat(submitted.getRequestId()).isEqualTo("loop-" + id + "-" + LoopServers.EVALUATION_ID);
    assertThat(submitted.getIncidentId()).isEqualTo(id);
    assertThat(servers.unauthenticated).hasValue(0);

    assertThat(incident.getEvaluationId()).isEqualTo(LoopServers.EVALUATION_ID);
    assertThat(incident.getDecisionId()).isEqualTo("dec-1");
    assertThat(steps(incident))
        .containsSubsequence(
            "suspects:done#1",
            "proposals:done#1",
            "evaluation:requested#1",
            "evaluation:done#1",
            "suspects:confirmed#1",
            "decision:retrying#1",
            "decision:APPROVED#1",
            "decision:EXECUTING#1",
            "outcome:recovered#1");
    assertThat(mitigated).containsExactly(detected.id());
    IncidentRecord record = lifecycle.get(id).orElseThrow();
    assertThat(record.timeline().stream().map(IncidentRecord.Change::stage))
        .containsExactly(Stage.OPEN, Stage.MITIGATING, Stage.RESOLVED);
    assertThat(servers.reports).hasSize(1);
    assertThat(servers.reports.get(0).getDecisionId()).isEqualTo("dec-1");
    assertThat(servers.reports.get(0).getReport().getResult())
        .isEqualTo(ExecutionResult.EXECUTION_RESULT_SUCCEEDED);
    assertThat(count("decision", "retrying")).isEqualTo(1.0);
    assertThat(count("outcome", "recovered")).isEqualTo(1.0);
  }

  /** Resolves the incident, as the detector does when its symptoms end, once it is mitigating. */
  private Thread resolveOnceMitigating(String id) {
    Thread t =
        new Thread(
            () -> {
              long deadline = System.currentTimeMillis() + 20_000;
              while (System.currentTimeMillis() < deadline) {
                IncidentRecord r = lifecycle.get(id).orElseThrow();
                if (r.stage() == Stage.MITIGATING) {
                  lifecycle.write(
                      id,
                      r.revision(),
                      Stage.RESOLVED,
                      Optional.empty(),
                      r.changedMillis() + 1,
                      "no symptom for 20 s");
                  return;
                }
                try {
                  Thread.sleep(10);
                } catch (InterruptedException e) {
                  return;
                }
              }
            });
    t.setDaemon(true);
    t.start();
    return t;
  }

  @Test
  void shouldPutTheSuspectTheFitExplainsFirstWhenTheFitOverturnsTheTelemetrysFirst()
      throws Exception {
    String id = open();
    List<Suspect> telemetry = telemetrySuspects(id);
    assertThat(telemetry.get(0).target()).isEqualTo("catalog");
    Suspect second = telemetry.get(1);
    // The sandbox's fit: the telemetry's second suspect reproduces the symptoms, catalog's
    // latency barely (an unrelated hypothesis first, which names no suspect).
    servers.hypotheses =
        List.of(
            hypothesis(FaultKind.FAULT_KIND_NETWORK_DELAY, "no-such-service", 0.95),
            hypothesis(expressing(second), second, 0.85),
            hypothesis(FaultKind.FAULT_KIND_LATENCY_MULTIPLIER, "catalog", 0.2));
    Incident incident = runToTheEnd(id);
    assertThat(steps(incident))
        .containsSubsequence(
            "suspects:done#1", "evaluation:done#1", "suspects:overturned#1", "decision:APPROVED#1");
    IncidentStep before = step(incident, "suspects", "done");
    assertThat(before.getDetail())
        .contains("from the telemetry: 1. catalog LATENCY 1.0, 2. " + second.label());
    IncidentStep after = step(incident, "suspects", "overturned");
    assertThat(after.getDetail())
        .startsWith(
            "the fit puts "
                + second.label()
                + " first (goodness 0.85, telemetry #2) over catalog LATENCY")
        .contains(
            "after the fit: 1. " + second.label() + " 0.85 (#2), 2. catalog LATENCY 0.20 (#1)");
    Target first = incident.getSuspectedTargets(0).getTarget();
    assertThat(second.dependency() ? first.getDependency() : first.getService())
        .isEqualTo(second.target());
    assertThat(incident.getSuspectedTargets(1).getTarget().getService()).isEqualTo("catalog");
    assertThat(incident.getSuspectedTargetsCount()).isEqualTo(Math.min(5, telemetry.size()));
    assertThat(count("suspects", "overturned")).isEqualTo(1.0);
    // proposed again with the fit's goodness as the suspects' scores, then rehearsed again
    assertThat(steps(incident))
        .containsSubsequence("suspects:overturned#1", "proposals:done#2", "evaluation:done#1");
    assertThat(servers.evaluations).hasSize(2);
  }

  /**
   * With a budget of 3 the first round proposes catalog's three remedies only; when the fit puts
   * the second suspect first, its remedies are proposed, rehearsed in a second evaluation, and the
   * submission comes from that one.
   */
  @Test
  void shouldRehearseTheNewFirstSuspectsRemediesWhenTheBudgetHadCutThem() throws Exception {
    Path small = dir.resolve("catalog-budget-3.yaml");
    Files.writeString(
        small, Files.readString(catalogFile()).replaceFirst("budget: 6", "budget: 3"));
    catalog = small;
    String id = open();
    List<Suspect> telemetry = telemetrySuspects(id);
    Suspect second = telemetry.get(1);
    servers.hypotheses =
        List.of(
            hypothesis(expressing(second), second, 0.85),
            hypothesis(FaultKind.FAULT_KIND_LATENCY_MULTIPLIER, "catalog", 0.2));
    Incident incident = runToTheEnd(id);
    assertThat(steps(incident))
        .containsSubsequence(
            "proposals:done#1",
            "evaluation:done#1",
            "suspects:overturned#1",
            "proposals:done#2",
            "evaluation:done#1",
            "decision:APPROVED#1");
    assertThat(servers.evaluations).hasSize(2);
    List<String> first =
        servers.evaluations.get(0).getCandidatesList().stream().map(c -> c.getId()).toList();
    List<String> again =
        servers.evaluations.get(1).getCandidatesList().stream().map(c -> c.getId()).toList();
    assertThat(first).hasSize(3).allMatch(c -> c.contains("catalog"));
    assertThat(again).hasSize(3).anyMatch(c -> !first.contains(c));
    assertThat(step(incident, "proposals", "done").getDetail())
        .contains("3 candidates from the catalog")
        .contains("no pre-ranker (no stored evaluations)");
    // the fake sandbox ranks the last candidate first: the submission is the second round's
    assertThat(servers.submits.get(0).getRemediation().getId()).isEqualTo(again.get(2));
  }

  @Test
  void shouldProposeScalingAboveTheTwinsReplicasWhenTheSpansShowNoInstances() throws Exception {
    String id = open();
    Map<String, Integer> replicas = Map.of("catalog", 3, "frontend", 2);
    Thread resolver = resolveOnceMitigating(id);
    try (Remotes remotes =
        new Remotes(servers.sandboxTarget(), servers.gatewayTarget(), dir.resolve("token"))) {
      loop(remotes, 3, true, new CurrentTwin(TWIN, replicas)).run(new IncidentOpened(id, detected));
    }
    resolver.join(5_000);

    Incident incident = stored(id);
    List<Remediation> scales =
        incident.getProposalsList().stream().filter(Remediation::hasScale).toList();
    assertThat(scales).isNotEmpty();
    assertThat(scales)
        .allSatisfy(
            r ->
                assertThat(r.getScale().getAbsolute())
                    .isGreaterThan(replicas.getOrDefault(r.getTarget().getService(), 1)));
    // catalog's guard allows 2..4: from 3, +1 is proposed and +2 (5) is held back.
    assertThat(scales.stream().filter(r -> r.getTarget().getService().equals("catalog")))
        .extracting(r -> r.getScale().getAbsolute())
        .containsExactly(4);
    assertThat(step(incident, "proposals", "done").getDetail())
        .contains("replica counts from twin " + TWIN.substring(0, 12))
        .contains("scale catalog to 5: outside the replica limits 2..4");
  }

  private List<Suspect> telemetrySuspects(String id) {
    RecentSpans recent = new RecentSpans(1_000_000);
    recent.add(spans);
    return new RootCauseRanker(RcaConfig.defaults())
        .rank(SpanEvidence.input(recent.firstStartMillis(), recent.snapshot(), detected, id));
  }

  /** A contract fault kind the twin uses to express {@code s}. */
  private static FaultKind expressing(Suspect s) {
    var kinds = SuspectFit.candidate(s).kinds();
    return Arrays.stream(FaultKind.values())
        .filter(k -> SuspectFit.kind(k) != null && kinds.contains(SuspectFit.kind(k)))
        .findFirst()
        .orElseThrow();
  }

  private static FaultHypothesis hypothesis(FaultKind kind, Suspect s, double goodness) {
    Target t =
        s.dependency()
            ? Target.newBuilder().setDependency(s.target()).build()
            : Target.newBuilder().setService(s.target()).build();
    return FaultHypothesis.newBuilder()
        .setKind(kind)
        .setTarget(t)
        .setMagnitude(2)
        .setGoodnessOfFit(goodness)
        .build();
  }

  private static FaultHypothesis hypothesis(FaultKind kind, String service, double goodness) {
    return FaultHypothesis.newBuilder()
        .setKind(kind)
        .setTarget(Target.newBuilder().setService(service))
        .setMagnitude(8)
        .setGoodnessOfFit(goodness)
        .build();
  }

  private static IncidentStep step(Incident i, String step, String status) {
    return i.getLoopStepsList().stream()
        .filter(s -> s.getStep().equals(step) && s.getStatus().equals(status))
        .findFirst()
        .orElseThrow(
            () -> new AssertionError("no step " + step + ":" + status + " in " + steps(i)));
  }

  @Test
  void shouldRecordTheFailureAndRetryWhenTheSandboxIsUnreachable() throws Exception {
    String id = open();
    String closed;
    try (ServerSocket s = new ServerSocket(0)) {
      closed = "127.0.0.1:" + s.getLocalPort();
    }
    try (Remotes remotes = new Remotes(closed, servers.gatewayTarget(), dir.resolve("token"))) {
      loop(closed, remotes, 3, true).run(new IncidentOpened(id, detected));
    }

    Incident incident = stored(id);
    assertThat(steps(incident))
        .containsSubsequence(
            "proposals:done#1",
            "evaluation:retrying#1",
            "evaluation:retrying#2",
            "evaluation:failed#3");
    IncidentStep failed = incident.getLoopSteps(incident.getLoopStepsCount() - 1);
    assertThat(failed.getDetail()).startsWith("UNAVAILABLE").contains("gave up after attempt 3");
    assertThat(incident.getEvaluationId()).isEmpty();
    assertThat(incident.getDecisionId()).isEmpty();
    assertThat(servers.submits).isEmpty();
    assertThat(lifecycle.get(id).orElseThrow().stage()).isEqualTo(Stage.OPEN);
    assertThat(count("evaluation", "retrying")).isEqualTo(2.0);
    assertThat(count("evaluation", "failed")).isEqualTo(1.0);
  }

  @Test
  void shouldSayTheLoopIsOffOnTheIncidentWhenThereIsNoCatalog() throws Exception {
    String id = open();
    try (Remotes remotes =
        new Remotes(servers.sandboxTarget(), servers.gatewayTarget(), dir.resolve("token"))) {
      loop(servers.sandboxTarget(), remotes, 3, false).run(new IncidentOpened(id, detected));
    }

    Incident incident = stored(id);
    assertThat(steps(incident)).containsExactly("loop:skipped#1");
    assertThat(incident.getLoopSteps(0).getDetail()).startsWith("loop off: no catalog at");
    assertThat(servers.evaluations).isEmpty();
  }
}
