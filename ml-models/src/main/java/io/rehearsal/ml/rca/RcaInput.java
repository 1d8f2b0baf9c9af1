package io.rehearsal.ml.rca;

import io.rehearsal.ml.incident.Symptom;
import java.util.List;
import java.util.Objects;

/**
 * Everything root-cause ranking looks at for one incident.
 *
 * @param incidentId the incident
 * @param symptoms the incident's symptoms (the entry points of the walk)
 * @param endpoints every served endpoint, before and during
 * @param calls every call edge (the call graph), before and during
 * @param services what each service's processes reported
 */
public record RcaInput(
    String incidentId,
    List<Symptom> symptoms,
    List<EndpointStats> endpoints,
    List<CallStats> calls,
    List<ServiceState> services) {

  /** Copies the lists. */
  public RcaInput {
    Objects.requireNonNull(incidentId, "incidentId");
    symptoms = List.copyOf(symptoms);
    endpoints = List.copyOf(endpoints);
    calls = List.copyOf(calls);
    services = List.copyOf(services);
  }
}
