package io.rehearsal.detector.loop;

import io.rehearsal.ml.rca.RcaInput;
import io.rehearsal.ml.rca.ServiceState;
import io.rehearsal.twin.spec.ServiceSpec;
import io.rehearsal.twin.spec.TwinSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The current twin snapshot as the loop uses it: its hash (what the sandbox forks) and the replica
 * count of each of its services (what scale proposals start from). The spans the detector keeps
 * carry no instance ids, so without the twin every service looks like one replica and "scale to 2"
 * is proposed for a service that already runs two.
 *
 * @param hash the snapshot's SHA-256, lowercase hex
 * @param replicas replicas per service as the twin has them; empty when the snapshot could not be
 *     read as a twin spec (proposals then fall back to what the spans show)
 */
record CurrentTwin(String hash, Map<String, Integer> replicas) {

  /** Copies the counts. */
  CurrentTwin {
    Objects.requireNonNull(hash, "hash");
    replicas = Map.copyOf(replicas);
  }

  /** The twin {@code spec} stored as {@code hash}. */
  static CurrentTwin of(String hash, TwinSpec spec) {
    Map<String, Integer> replicas = new LinkedHashMap<>();
    for (ServiceSpec s : spec.services()) {
      replicas.put(s.name(), s.replicas());
    }
    return new CurrentTwin(hash, replicas);
  }

  /**
   * {@code input} with every service of the twin running the twin's replicas before the incident,
   * for the proposals (ranking has already used the spans' own counts): a service the spans report
   * keeps its other figures, one they do not is added with only its count.
   */
  RcaInput withReplicas(RcaInput input) {
    if (replicas.isEmpty()) {
      return input;
    }
    List<ServiceState> states = new ArrayList<>();
    Map<String, Integer> missing = new LinkedHashMap<>(replicas);
    for (ServiceState s : input.services()) {
      Integer n = missing.remove(s.service());
      states.add(n == null ? s : withInstances(s, n));
    }
    missing.forEach(
        (service, n) ->
            states.add(
                new ServiceState(
                    service,
                    n,
                    n,
                    Double.NaN,
                    Double.NaN,
                    Double.NaN,
                    Double.NaN,
                    Set.of(),
                    Set.of(),
                    "",
                    0)));
    return new RcaInput(
        input.incidentId(), input.symptoms(), input.endpoints(), input.calls(), states);
  }

  private static ServiceState withInstances(ServiceState s, int n) {
    return new ServiceState(
        s.service(),
        n,
        s.instancesLate(),
        s.workersBefore(),
        s.workersDuring(),
        s.queueBefore(),
        s.queueDuring(),
        s.versionsBefore(),
        s.versionsDuring(),
        s.silentInstance(),
        s.silentSeconds());
  }
}
