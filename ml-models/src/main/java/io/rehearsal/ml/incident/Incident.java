package io.rehearsal.ml.incident;

import java.util.List;
import java.util.Set;

/**
 * A snapshot of one incident.
 *
 * @param id the identifier, unique per engine: {@code inc-<opened second>-<sequence>}
 * @param state where it is in its life
 * @param openedSecond when it was first opened (epoch second)
 * @param onsetSecond the earliest onset of its symptoms
 * @param lastActiveSecond the last second any of its symptoms was active
 * @param resolvedSecond when it was last resolved, or -1 while it is live
 * @param reopened how many times it re-opened within the cool-down instead of a new incident
 * @param services the services its symptoms are on, sorted
 * @param symptoms its symptoms, in the order they were raised, one per endpoint and signal
 */
public record Incident(
    String id,
    IncidentState state,
    long openedSecond,
    long onsetSecond,
    long lastActiveSecond,
    long resolvedSecond,
    int reopened,
    Set<String> services,
    List<Symptom> symptoms) {

  /** Copies the collections. */
  public Incident {
    services = Set.copyOf(services);
    symptoms = List.copyOf(symptoms);
  }

  /** A one-line title naming the first symptom, e.g. {@code catalog GET /items LATENCY_P99}. */
  public String title() {
    Symptom first = symptoms.get(0);
    String more = symptoms.size() > 1 ? " (+" + (symptoms.size() - 1) + " more)" : "";
    return first.service() + ' ' + first.endpoint() + ' ' + first.signal() + more;
  }
}
