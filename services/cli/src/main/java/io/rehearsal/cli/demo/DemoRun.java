package io.rehearsal.cli.demo;

import io.grpc.StatusRuntimeException;
import io.rehearsal.cli.CommandFailure;
import io.rehearsal.cli.up.LocalStack;
import io.rehearsal.proto.v1.Decision;
import io.rehearsal.proto.v1.DecisionState;
import io.rehearsal.proto.v1.Evaluation;
import io.rehearsal.proto.v1.EvaluationStatus;
import io.rehearsal.proto.v1.Incident;
import io.rehearsal.proto.v1.IncidentState;
import io.rehearsal.proto.v1.Remediation;
import io.rehearsal.proto.v1.SymptomSeries;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** One demo run: start everything, calibrate, inject, then follow the loop and print it. */
final class DemoRun {

  private static final Duration START_TIMEOUT = Duration.ofSeconds(240);
  private static final Duration POLL = Duration.ofSeconds(1);
  private static final Duration TWIN_WAIT = Duration.ofSeconds(60);
  private static final Duration FIDELITY_WAIT = Duration.ofSeconds(30);
  private static final Duration QUIET_WAIT = Duration.ofSeconds(90);
  private static final Duration COLD_START = Duration.ofSeconds(20);
  private static final Pattern ONE_TIME_PASSWORD = Pattern.compile("one-time password (\\S+)");

  private final DemoSettings s;
  private final Resources resources;
  private final PrintWriter out;
  private final Timeline t;
  private ShopProcesses shop;
  private LocalStack stack;
  private ShopActuator actuator;

  /** Whether no incident was live when the fault was injected. */
  private boolean quietBeforeFault;

  /** Set by the webhook receiver's thread once a delivered remediation was actuated. */
  private volatile boolean actuated;

  DemoRun(DemoSettings settings, Resources resources, PrintWriter out) {
    this.s = settings;
    this.resources = resources;
    this.out = out;
    this.t = new Timeline(out, System::nanoTime);
  }

  int run() throws IOException, InterruptedException {
    t.say("rehearsal demo: files under " + s.work());
    shop = ShopProcesses.plan(s.home(), s.work().resolve("shop"), s.shopBasePort());
    actuator = new ShopActuator(shop);
    DemoHookReceiver receiver = resources.add(DemoHookReceiver.start(this::actuate));
    startStack(receiver);
    resources.add(
        () -> {
          shop.close();
          t.say("stopped the reference shop and its load generator");
        });
    startShop();
    calibrate();
    Instant faultAt = injectFault();
    return follow(faultAt);
  }

  private void startStack(DemoHookReceiver receiver) throws IOException, InterruptedException {
    t.say("starting Redis (embedded), detector, sandbox and gateway...");
    stack =
        resources.add(
            LocalStack.start(
                s.home(),
                s.work().resolve("redis"),
                s.work().resolve("logs"),
                st ->
                    DemoCommand.stackProperties(
                        s, st, receiver.url().toString(), receiver.secret()),
                START_TIMEOUT,
                out));
    t.say(
        String.format(
            "stack ready: Redis %s, detector OTLP/gRPC %s, sandbox %s, gateway %s",
            stack.redisUri(),
            stack.grpcAddress("detector"),
            stack.grpcAddress("sandbox"),
            stack.grpcAddress("gateway")));
    t.say("gateway: policy examples/reference-shop/policy/shop.yaml, hook " + receiver.url());
    String page = "http://" + stack.grpcAddress("gateway") + "/ui/decisions";
    t.say("review page " + page + "  user admin, one-time password " + oneTimePassword());
  }

  private String oneTimePassword() throws IOException {
    Path log = stack.logFile("gateway");
    Matcher m = ONE_TIME_PASSWORD.matcher(Files.readString(log));
    return m.find() ? m.group(1) : "(not in " + log + ": the users file existed already)";
  }

  private void startShop() throws IOException, InterruptedException {
    String otlp = "http://" + stack.grpcAddress("detector");
    shop.start(stack.redisUri(), otlp);
    shop.awaitHealthy();
    String ports =
        shop.instances().stream()
            .map(i -> i.instance() + ":" + i.port())
            .collect(Collectors.joining(" "));
    t.say("reference shop up, exporting OTLP to " + otlp + ": " + ports);
    long loadSeconds = s.baseline().plus(s.timeout()).toSeconds() + 600;
    shop.startLoad(s.rate(), loadSeconds, s.seed());
    t.say(
        String.format(
            Locale.ROOT,
            "load generator: open-loop Poisson, %.0f requests/s (browse 60 %%, cart 30 %%,"
                + " checkout 10 %%), seed %d",
            s.rate(),
            s.seed()));
  }

  private void calibrate() throws InterruptedException {
    t.say("baseline: " + s.baseline().toSeconds() + " s of fault-free load...");
    sleepWatching(s.baseline());
    Path twin = s.work().resolve("twin.yaml");
    TwinHandOff.Calibrated c =
        TwinHandOff.calibrate(
            s.work().resolve("recording"),
            s.home().resolve("examples/reference-shop/overlay.yaml"),
            twin,
            COLD_START);
    t.say(c.describe(twin));
    Optional<String> current = TwinHandOff.awaitCurrent(stack.redisUri(), TWIN_WAIT);
    t.say(
        current
            .map(id -> "detector made the twin current: snapshot " + id.substring(0, 12))
            .orElse(
                "the detector did not make the twin current within "
                    + TWIN_WAIT.toSeconds()
                    + " s; its loop stays off without one (see logs/detector.log)"));
    awaitQuiet();
    if (current.isPresent()) {
      t.say(
          TwinHandOff.awaitFidelity(stack.redisUri(), FIDELITY_WAIT)
              .map(
                  f ->
                      String.format(
                          Locale.ROOT,
                          "detector checked the twin on live traffic: p50 off by %.0f %%, p99 by"
                              + " %.0f %%, throughput by %.0f %% (the example policy acts alone"
                              + " only on a twin within 15 %% at p99)",
                          f.p50Mape() * 100,
                          f.p99Mape() * 100,
                          f.throughputMape() * 100))
              .orElse(
                  "the detector measured no fidelity within "
                      + FIDELITY_WAIT.toSeconds()
                      + " s (its check pauses while an incident is live); every decision will"
                      + " wait on people"));
    }
  }

  /**
   * Waits (bounded) until the detector has no live incident: start-up noise (the JVMs' warm-up,
   * calibration's CPU burst on the shared cores) can open one, and the fault's symptoms would then
   * join it instead of opening their own.
   */
  private void awaitQuiet() throws InterruptedException {
    long start = System.nanoTime();
    long deadline = start + QUIET_WAIT.toNanos();
    try (LoopWatcher w =
        new LoopWatcher(
            stack.grpcAddress("detector"),
            stack.grpcAddress("sandbox"),
            stack.grpcAddress("gateway"),
            token("automation"))) {
      List<Incident> live = w.liveIncidents();
      if (live.isEmpty()) {
        quietBeforeFault = true;
        return;
      }
      t.say(
          "waiting for start-up incidents to resolve before the fault: "
              + live.stream().map(i -> i.getId() + " (" + i.getTitle() + ")").toList());
      while (!live.isEmpty() && System.nanoTime() < deadline) {
        checkAlive();
        Thread.sleep(POLL.toMillis());
        live = w.liveIncidents();
      }
      quietBeforeFault = live.isEmpty();
      t.say(
          live.isEmpty()
              ? String.format(
                  Locale.ROOT, "no live incident after %.0f s", (System.nanoTime() - start) / 1e9)
              : "still live after "
                  + QUIET_WAIT.toSeconds()
                  + " s: "
                  + live.stream().map(Incident::getId).toList()
                  + "; the fault's symptoms may join them");
    } catch (StatusRuntimeException e) {
      t.say("note: cannot list the detector's incidents: " + LoopWatcher.describe(e));
    }
  }

  private Instant injectFault() throws IOException, InterruptedException {
    FaultSpec fault = s.fault();
    shop.admin(fault.service(), "POST", "/admin/fault", fault.switchJson());
    actuator.faultInjected(fault);
    Instant at = Instant.now();
    t.say(
        "fault injected: "
            + fault
            + " on "
            + shop.replicasOf(fault.service()).stream()
                .map(ShopProcesses.Instance::instance)
                .collect(Collectors.joining(", ")));
    return at;
  }

  /** Follows the loop until the end (recovery, a decision waiting on people, or the timeout). */
  private int follow(Instant faultAt) throws InterruptedException {
    double faultSeconds = t.seconds();
    long deadline = System.nanoTime() + s.timeout().toNanos();
    try (LoopWatcher watcher =
        new LoopWatcher(
            stack.grpcAddress("detector"),
            stack.grpcAddress("sandbox"),
            stack.grpcAddress("gateway"),
            token("automation"))) {
      FollowState state = new FollowState();
      reportEarlierIncidents(watcher, faultAt);
      while (System.nanoTime() < deadline && !state.finished(s.once(), s.approve())) {
        checkAlive();
        try {
          step(watcher, state, faultAt, faultSeconds);
        } catch (StatusRuntimeException e) {
          state.lastError = LoopWatcher.describe(e);
        }
        Thread.sleep(POLL.toMillis());
      }
      int code = conclude(state);
      if (!s.once()) {
        t.say("everything keeps running (review page above); Ctrl-C stops it");
        awaitSignal();
      }
      return code;
    }
  }

  /**
   * Incidents the detector opened before the fault (warm-up noise): a symptom of the fault on the
   * same services joins such an incident instead of opening one, so say so.
   */
  private void reportEarlierIncidents(LoopWatcher w, Instant faultAt) {
    try {
      for (Incident i : w.liveIncidents()) {
        if (LoopWatcher.instant(i.getDetectedAt()).isBefore(faultAt.minusSeconds(5))) {
          t.say(
              "note: incident "
                  + i.getId()
                  + " was opened before the fault ("
                  + i.getTitle()
                  + symptom(i)
                  + "); the fault's symptoms may join it instead of opening a new one");
        }
      }
    } catch (StatusRuntimeException e) {
      t.say("note: cannot list the detector's incidents: " + LoopWatcher.describe(e));
    }
  }

  private void step(LoopWatcher w, FollowState st, Instant faultAt, double faultSeconds) {
    if (st.incident == null) {
      // quiet before the fault: any live incident now is the fault's, also a start-up one that
      // its symptoms re-opened (same id, flap suppression)
      Optional<Incident> found =
          quietBeforeFault
              ? w.liveIncidents().stream().reduce((a, b) -> b)
              : w.newIncident(faultAt.minusSeconds(5));
      if (found.isEmpty()) {
        return;
      }
      st.incident = found.get();
      t.say(
          String.format(
              Locale.ROOT,
              "incident %s opened %.1f s after the fault: %s (%s)%s",
              st.incident.getId(),
              t.seconds() - faultSeconds,
              st.incident.getTitle(),
              st.incident.getSeverity().name().replace("SEVERITY_", "").toLowerCase(Locale.ROOT),
              symptom(st.incident)));
      t.say("waiting for proposals...");
    }
    Incident incident = w.incident(st.incident.getId());
    // the decision's own changes are printed from the gateway (showDecision); not twice
    w.newSteps(incident).stream()
        .filter(line -> !line.startsWith("loop: decision "))
        .forEach(t::say);
    incident.getLoopStepsList().stream()
        .filter(DemoRun::endsTheLoop)
        .findFirst()
        .ifPresent(step -> st.gaveUp = step.getStep() + " " + step.getStatus());
    incident.getLoopStepsList().stream()
        .filter(
            step -> step.getStep().equals("outcome") && step.getStatus().equals("not_recovered"))
        .findFirst()
        .ifPresent(step -> st.persisted = step.getDetail());
    if (!st.proposalsShown && incident.getProposalsCount() > 0) {
      st.proposalsShown = true;
      t.block(
          "detector proposed " + incident.getProposalsCount() + " candidates:",
          incident.getProposalsList().stream().map(r -> "  - " + headline(r)).toList());
    }
    showEvaluation(w, st, incident);
    showDecision(w, st, incident, faultSeconds);
    boolean resolved = incident.getState() == IncidentState.INCIDENT_STATE_RESOLVED;
    if (resolved && !st.resolved && actuated) {
      st.resolved = true;
      st.resolvedSeconds = t.seconds() - faultSeconds;
      t.say("detector: incident " + incident.getId() + " resolved — recovery verified");
    } else if (resolved && !actuated && !st.quietNoted) {
      st.quietNoted = true;
      t.say(
          "detector: incident "
              + incident.getId()
              + " went quiet before any remediation ran (its symptoms paused); the fault is"
              + " still on, so it re-opens under the same id when they return");
    } else if (!resolved) {
      st.quietNoted = false;
    }
  }

  private void showEvaluation(LoopWatcher w, FollowState st, Incident incident) {
    if (st.rankingShown || incident.getEvaluationId().isBlank()) {
      return;
    }
    Evaluation e = w.evaluation(incident.getEvaluationId());
    if (e.getStatus() == EvaluationStatus.EVALUATION_STATUS_SUCCEEDED
        || !e.getRankingList().isEmpty()) {
      st.rankingShown = true;
      t.block("sandbox rehearsed evaluation " + e.getId() + ", ranking:", RankedTable.render(e));
    }
  }

  private void showDecision(LoopWatcher w, FollowState st, Incident incident, double faultSeconds) {
    if (incident.getDecisionId().isBlank()) {
      return;
    }
    Decision d = w.decision(incident.getDecisionId());
    if (d.getState() == st.decisionState) {
      return;
    }
    boolean first = st.decisionState == null;
    st.decisionState = d.getState();
    String state = d.getState().name().replace("DECISION_STATE_", "");
    if (first) {
      st.decisionSeconds = t.seconds() - faultSeconds;
      st.reasonsShown = d.getReasonsCount();
      t.say(
          String.format(
              Locale.ROOT,
              "gateway decision %s: %s for %s (%.1f s after the fault)%s",
              d.getId(),
              state,
              headline(d.getRequest().getRemediation()),
              st.decisionSeconds,
              d.getReasonsCount() == 0 ? "" : "; " + String.join("; ", d.getReasonsList())));
    } else {
      // later changes: the state and only what the gateway added since
      List<String> added =
          d.getReasonsList()
              .subList(Math.min(st.reasonsShown, d.getReasonsCount()), d.getReasonsCount());
      st.reasonsShown = d.getReasonsCount();
      t.say(
          "gateway decision "
              + d.getId()
              + ": "
              + state
              + (added.isEmpty() ? "" : "; " + String.join("; ", added)));
    }
    if (d.getState() == DecisionState.DECISION_STATE_PENDING_APPROVAL && s.approve()) {
      Decision approved = w.approve(d, token("oncall"));
      t.say(
          "approved as "
              + LoopWatcher.REVIEWER
              + " (--approve), as a reviewer on the page would: now "
              + approved.getState().name().replace("DECISION_STATE_", ""));
    } else if (d.getState() == DecisionState.DECISION_STATE_PENDING_APPROVAL) {
      t.say("waiting for a reviewer on the review page (printed above)");
    }
  }

  /**
   * A step after which the loop does nothing more for this incident: a remote step it gave up on,
   * or a skip (no proposals, nothing better than doing nothing to submit, loop off).
   */
  private static boolean endsTheLoop(io.rehearsal.proto.v1.IncidentStep step) {
    return step.getDetail().contains("gave up") || step.getStatus().equals("skipped");
  }

  private int conclude(FollowState st) {
    if (st.incident == null) {
      t.say(
          "no incident within "
              + s.timeout().toSeconds()
              + " s of the fault: the detector did not open one"
              + (st.lastError == null ? "" : " (last error: " + st.lastError + ")"));
      return 1;
    }
    if (st.decisionSeconds < 0 && st.gaveUp != null) {
      t.say(
          "no decision: the detector's loop stopped ("
              + st.gaveUp
              + "); see the step above and logs/detector.log");
      return DemoCommand.NO_DECISION;
    }
    if (st.decisionSeconds < 0) {
      t.say(
          "no decision within "
              + s.timeout().toSeconds()
              + " s of the fault: "
              + (st.proposalsShown
                  ? "the detector proposed, but no decision id was recorded on the incident"
                  : "the detector recorded no proposals (is its loop, rehearsal.detector.loop.*,"
                      + " in this build and enabled? see logs/detector.log)"));
      return DemoCommand.NO_DECISION;
    }
    t.say(
        String.format(
            Locale.ROOT,
            "fault -> decision %.1f s%s",
            st.decisionSeconds,
            st.resolved
                ? String.format(
                    Locale.ROOT, "; fault -> recovery verified %.1f s", st.resolvedSeconds)
                : st.persisted != null
                    ? "; the remediation ran but did not restore the SLOs (" + st.persisted + ")"
                    : "; not resolved within the timeout"));
    return 0;
  }

  private void awaitSignal() {
    try {
      Thread.sleep(Long.MAX_VALUE);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Called on the receiver's thread for each approved decision the gateway delivers. */
  private void actuate(Decision d) {
    Remediation r = d.getRequest().getRemediation();
    t.say(
        "webhook: decision "
            + d.getId()
            + " delivered, signature verified; actuating "
            + headline(r));
    try {
      actuator.apply(r).forEach(line -> t.say("actuated: " + line));
      actuated = true;
    } catch (UnsupportedOperationException e) {
      t.say("not actuated: " + e.getMessage());
    } catch (IOException | RuntimeException e) {
      t.say("actuation failed: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private String token(String role) {
    Path file = s.home().resolve(".rehearsal/credentials/" + role + ".jwt");
    try {
      return Files.readString(file).trim();
    } catch (IOException e) {
      throw new CommandFailure("cannot read the gateway's " + role + " token " + file, e);
    }
  }

  private void checkAlive() {
    Optional<String> dead = stack.exited().or(shop::exited);
    if (dead.isPresent()) {
      throw new CommandFailure("stopping: " + dead.get());
    }
  }

  private void sleepWatching(Duration d) throws InterruptedException {
    long end = System.nanoTime() + d.toNanos();
    while (System.nanoTime() < end) {
      checkAlive();
      Thread.sleep(Math.min(1000, Math.max(1, (end - System.nanoTime()) / 1_000_000)));
    }
  }

  /** The first symptom against its baseline, e.g. {@code ; catalog GET /items p99 4.1x (...)}. */
  static String symptom(Incident incident) {
    if (incident.getSymptomsCount() == 0) {
      return "";
    }
    SymptomSeries s = incident.getSymptoms(0);
    double peak = s.getPointsList().stream().mapToDouble(p -> p.getValue()).max().orElse(0);
    String metric =
        s.getMetric()
            .name()
            .replace("METRIC_KIND_", "")
            .replace("LATENCY_", "")
            .toLowerCase(Locale.ROOT);
    String where = (s.getTarget().getService() + " " + s.getTarget().getEndpoint()).trim();
    if (!(s.getBaseline() > 0) || peak <= 0) {
      return "; " + where + " " + metric;
    }
    return String.format(
        Locale.ROOT,
        "; %s %s %.1fx its baseline (%.3g vs %.3g)",
        where,
        metric,
        peak / s.getBaseline(),
        peak,
        s.getBaseline());
  }

  /** A proposal's summary up to its rationale ("restart catalog — a restart clears..."). */
  private static String headline(Remediation r) {
    String text = summary(r);
    int why = text.indexOf(" — ");
    return why > 0 ? text.substring(0, why) : text;
  }

  private static String summary(Remediation r) {
    if (!r.getSummary().isBlank()) {
      return r.getSummary();
    }
    return r.getActionCase().name().toLowerCase(Locale.ROOT) + " " + r.getTarget().getService();
  }

  /** What the follow loop has seen so far. */
  private static final class FollowState {
    Incident incident;
    boolean quietNoted;
    boolean proposalsShown;
    boolean rankingShown;
    DecisionState decisionState;
    double decisionSeconds = -1;
    int reasonsShown;
    String persisted;
    boolean resolved;
    double resolvedSeconds = -1;
    String lastError;
    String gaveUp;

    /**
     * Resolved or refused; with {@code once}, also when the decision waits on people nobody here
     * stands in for ({@code approve} off).
     */
    boolean finished(boolean once, boolean approve) {
      boolean waitingOnPeople =
          once && !approve && decisionState == DecisionState.DECISION_STATE_PENDING_APPROVAL;
      boolean refused =
          decisionState == DecisionState.DECISION_STATE_REJECTED
              || decisionState == DecisionState.DECISION_STATE_EXPIRED;
      return resolved
          || persisted != null
          || waitingOnPeople
          || refused
          || (gaveUp != null && decisionState == null);
    }
  }
}
