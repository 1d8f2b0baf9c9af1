package io.rehearsal.ml.incident;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Incidents and their lifecycle: each second's active symptoms join, re-open or open incidents;
 * incidents whose symptoms stayed quiet are resolved.
 */
final class IncidentBook {
  private final IncidentConfig.Grouping grouping;
  private final CallGraph graph;
  private final Map<String, Entry> incidents = new LinkedHashMap<>();
  private int sequence;

  IncidentBook(IncidentConfig.Grouping grouping, CallGraph graph) {
    this.grouping = grouping;
    this.graph = graph;
  }

  /** One incident being built. */
  private static final class Entry {
    final String id;
    final long opened;
    IncidentState state = IncidentState.OPEN;
    long onset;
    long lastActive;
    long resolved = -1;
    int reopened;
    final TreeSet<String> services = new TreeSet<>();
    final Map<String, Symptom> symptoms = new LinkedHashMap<>();

    Entry(String id, long opened, long onset) {
      this.id = id;
      this.opened = opened;
      this.onset = onset;
    }

    Incident snapshot() {
      return new Incident(
          id,
          state,
          opened,
          onset,
          lastActive,
          resolved,
          reopened,
          services,
          new ArrayList<>(symptoms.values()));
    }
  }

  /** Applies one judged second's active symptoms; returns the changes, in a stable order. */
  List<IncidentEvent> apply(long second, List<Symptom> active) {
    List<IncidentEvent> events = new ArrayList<>();
    List<Symptom> sorted = new ArrayList<>(active);
    sorted.sort(Comparator.comparing(Symptom::key));
    // New symptoms join what they are near first, so one bridging symptom (e.g. at the caller
    // of two services) gathers a second's symptoms into one incident whatever their order.
    List<Symptom> waiting = new ArrayList<>(sorted);
    while (!waiting.isEmpty()) {
      boolean placed = waiting.removeIf(s -> place(second, s, events, false));
      if (!placed) {
        place(second, waiting.remove(0), events, true);
      }
    }
    for (Entry e : incidents.values()) {
      if (e.state.live() && e.lastActive < second - grouping.quietSeconds()) {
        e.state = IncidentState.RESOLVED;
        e.resolved = second;
        events.add(new IncidentEvent(IncidentEvent.Type.RESOLVED, second, e.snapshot()));
      }
    }
    return events;
  }

  private boolean place(long second, Symptom symptom, List<IncidentEvent> events, boolean open) {
    Optional<Entry> holder = live().filter(e -> e.symptoms.containsKey(symptom.key())).findFirst();
    if (holder.isPresent()) {
      holder.get().lastActive = second;
      return true;
    }
    Optional<Entry> joins =
        live()
            .filter(e -> e.opened >= second - grouping.windowSeconds())
            .filter(e -> graph.near(symptom.service(), e.services, grouping.hops()))
            .findFirst();
    if (joins.isPresent()) {
      attach(joins.get(), second, symptom);
      events.add(new IncidentEvent(IncidentEvent.Type.UPDATED, second, joins.get().snapshot()));
      return true;
    }
    Optional<Entry> flaps =
        incidents.values().stream()
            .filter(e -> e.state == IncidentState.RESOLVED)
            .filter(e -> e.resolved >= second - grouping.cooldownSeconds())
            .filter(e -> graph.near(symptom.service(), e.services, grouping.hops()))
            .reduce((a, b) -> b);
    if (flaps.isPresent()) {
      Entry e = flaps.get();
      e.state = IncidentState.OPEN;
      e.resolved = -1;
      e.reopened++;
      attach(e, second, symptom);
      events.add(new IncidentEvent(IncidentEvent.Type.REOPENED, second, e.snapshot()));
      return true;
    }
    if (!open) {
      return false;
    }
    Entry created = new Entry("inc-" + second + "-" + (++sequence), second, symptom.onsetSecond());
    incidents.put(created.id, created);
    attach(created, second, symptom);
    events.add(new IncidentEvent(IncidentEvent.Type.OPENED, second, created.snapshot()));
    return true;
  }

  private java.util.stream.Stream<Entry> live() {
    return incidents.values().stream().filter(e -> e.state.live());
  }

  private static void attach(Entry e, long second, Symptom symptom) {
    e.symptoms.putIfAbsent(symptom.key(), symptom);
    e.services.add(symptom.service());
    e.onset = Math.min(e.onset, symptom.onsetSecond());
    e.lastActive = second;
  }

  /** Marks a live incident as being mitigated; empty when there is no such live incident. */
  Optional<IncidentEvent> mitigating(String id, long second) {
    Entry e = incidents.get(id);
    if (e == null || e.state != IncidentState.OPEN) {
      return Optional.empty();
    }
    e.state = IncidentState.MITIGATING;
    return Optional.of(new IncidentEvent(IncidentEvent.Type.MITIGATING, second, e.snapshot()));
  }

  List<Incident> all() {
    return incidents.values().stream().map(Entry::snapshot).toList();
  }
}
