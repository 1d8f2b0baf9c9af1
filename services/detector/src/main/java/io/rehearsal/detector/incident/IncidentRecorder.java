package io.rehearsal.detector.incident;

import io.rehearsal.ml.incident.IncidentConfig;
import io.rehearsal.ml.incident.IncidentEvent;
import io.rehearsal.proto.v1.Incident;
import io.rehearsal.store.IncidentLifecycle;
import io.rehearsal.store.IncidentLifecycle.Stage;
import io.rehearsal.store.IncidentRecord;
import io.rehearsal.store.IncidentWrite;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.function.UnaryOperator;
import org.jboss.logging.Logger;

/**
 * Keeps the engine's incidents in Redis ({@link IncidentLifecycle}): an engine incident that opens
 * is opened in the store by its services, which joins a live stored incident or re-opens one
 * resolved within the flap window (so a restarted detector continues the incidents it had, and a
 * flapping one keeps its id); later changes merge their symptoms into the stored incident by
 * compare-and-set. Live stored incidents found at start that no detection joins within the resume
 * grace are resolved. Called by the {@link IncidentMonitor} under its lock.
 */
final class IncidentRecorder implements Consumer<IncidentEvent>, LongConsumer {
  private static final Logger LOG = Logger.getLogger(IncidentRecorder.class);
  private static final int ATTEMPTS = 5;

  private final IncidentLifecycle lifecycle;
  private final IncidentConfig config;
  private final Duration flapWindow;
  private final Duration resumeGrace;
  private final String run = UUID.randomUUID().toString();
  private final Map<String, String> storeIds = new HashMap<>();
  private final Map<String, Set<String>> liveEngineIds = new HashMap<>();
  private final Set<String> resumed = new LinkedHashSet<>();
  private long resumeDeadline = Long.MIN_VALUE;
  private volatile Consumer<IncidentOpened> openedListener = opened -> {};

  /** A recorder that resumes the live incidents {@code lifecycle} holds now. */
  IncidentRecorder(
      IncidentLifecycle lifecycle,
      IncidentConfig config,
      Duration flapWindow,
      Duration resumeGrace) {
    this.lifecycle = lifecycle;
    this.config = config;
    this.flapWindow = flapWindow;
    this.resumeGrace = resumeGrace;
    lifecycle.live().forEach(r -> resumed.add(r.id()));
    if (!resumed.isEmpty()) {
      LOG.infof("Resuming %d live incidents from Redis: %s", resumed.size(), resumed);
    }
  }

  /** Tells {@code listener} of every incident created or re-opened (under the monitor's lock). */
  void onOpened(Consumer<IncidentOpened> listener) {
    this.openedListener = listener;
  }

  /** Stored incidents resumed at start and not joined or resolved yet. */
  Set<String> resumed() {
    return Set.copyOf(resumed);
  }

  /** The stored incident an engine incident went to, if any. */
  Optional<String> storeId(String engineId) {
    return Optional.ofNullable(storeIds.get(engineId));
  }

  @Override
  public void accept(IncidentEvent event) {
    io.rehearsal.ml.incident.Incident incident = event.incident();
    long at = event.epochSecond() * 1000;
    Incident fresh = IncidentProtos.payload(incident, config);
    if (event.type() == IncidentEvent.Type.OPENED) {
      opened(incident, fresh, at);
      return;
    }
    String storeId = storeIds.get(incident.id());
    if (storeId == null) {
      return; // its opening was never stored (Redis was down); nothing to change
    }
    switch (event.type()) {
      case UPDATED -> update(storeId, s -> s, Optional.of(fresh), at, "symptom added");
      case REOPENED -> {
        liveEngineIds.computeIfAbsent(storeId, k -> new HashSet<>()).add(incident.id());
        update(storeId, s -> Stage.OPEN, Optional.of(fresh), at, "re-opened within the cool-down");
      }
      case MITIGATING ->
          update(storeId, s -> Stage.MITIGATING, Optional.of(fresh), at, "remediation under way");
      case RESOLVED -> resolved(storeId, incident.id(), fresh, at);
      default -> throw new IllegalStateException("unexpected event " + event.type());
    }
  }

  private void opened(io.rehearsal.ml.incident.Incident incident, Incident fresh, long at) {
    IncidentLifecycle.Opened opened =
        lifecycle.open(
            List.copyOf(new java.util.TreeSet<>(incident.services())),
            IncidentProtos.bytes(fresh),
            at,
            flapWindow,
            "opened: " + incident.title(),
            incident.id() + "@" + run);
    storeIds.put(incident.id(), opened.id());
    liveEngineIds.computeIfAbsent(opened.id(), k -> new HashSet<>()).add(incident.id());
    resumed.remove(opened.id());
    if (opened.how() == IncidentLifecycle.How.JOINED
        || opened.how() == IncidentLifecycle.How.REOPENED) {
      update(opened.id(), s -> s, Optional.of(fresh), at, "symptoms joined");
    }
    LOG.infof("Incident %s %s (%s)", opened.id(), opened.how(), incident.title());
    if (opened.how() == IncidentLifecycle.How.CREATED
        || opened.how() == IncidentLifecycle.How.REOPENED) {
      openedListener.accept(new IncidentOpened(opened.id(), incident));
    }
  }

  private void resolved(String storeId, String engineId, Incident fresh, long at) {
    Set<String> live = liveEngineIds.getOrDefault(storeId, new HashSet<>());
    live.remove(engineId);
    if (live.isEmpty()) {
      String reason = "no symptom for " + config.grouping().quietSeconds() + " s";
      update(storeId, s -> Stage.RESOLVED, Optional.of(fresh), at, reason);
    } else {
      update(storeId, s -> s, Optional.of(fresh), at, "symptom added");
    }
  }

  /**
   * A replay session ended at {@code millis} (event time jumped ahead): its live incidents are
   * resolved there, and the next session's incidents map afresh.
   */
  void sessionEnded(long millis) {
    for (Map.Entry<String, Set<String>> e : liveEngineIds.entrySet()) {
      if (!e.getValue().isEmpty()) {
        update(e.getKey(), s -> Stage.RESOLVED, Optional.empty(), millis, "replay session ended");
      }
    }
    liveEngineIds.clear();
    storeIds.clear();
  }

  /** Detection reached {@code millis}: resolves resumed incidents no detection joined in time. */
  @Override
  public void accept(long millis) {
    if (resumed.isEmpty()) {
      return;
    }
    if (resumeDeadline == Long.MIN_VALUE) {
      resumeDeadline = millis + resumeGrace.toMillis();
    }
    if (millis < resumeDeadline) {
      return;
    }
    String reason = "no symptom within " + resumeGrace.toSeconds() + " s after a detector restart";
    for (String id : List.copyOf(resumed)) {
      update(id, s -> Stage.RESOLVED, Optional.empty(), millis, reason);
      resumed.remove(id);
    }
  }

  /**
   * Re-reads the stored incident and writes the new stage and merged payload by compare-and-set,
   * again while another writer moved it on.
   */
  private void update(
      String id, UnaryOperator<Stage> stage, Optional<Incident> fresh, long at, String reason) {
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      Optional<IncidentRecord> current = lifecycle.get(id);
      if (current.isEmpty()) {
        LOG.warnf("Incident %s is no longer in Redis; not updated (%s)", id, reason);
        return;
      }
      IncidentRecord r = current.get();
      Stage next = stage.apply(r.stage());
      byte[] payload =
          fresh
              .map(f -> IncidentProtos.bytes(IncidentProtos.merge(IncidentProtos.parse(r), f)))
              .orElse(r.payload());
      if (next == r.stage() && Arrays.equals(payload, r.payload())) {
        return;
      }
      IncidentWrite w = lifecycle.write(id, r.revision(), next, Optional.of(payload), at, reason);
      if (!(w instanceof IncidentWrite.Conflict)) {
        if (w instanceof IncidentWrite.Illegal illegal) {
          LOG.warnf("Incident %s cannot go from %s to %s", id, illegal.currentStage(), next);
        }
        return;
      }
    }
    LOG.warnf(
        "Incident %s kept changing under %d attempts; not updated (%s)", id, ATTEMPTS, reason);
  }
}
