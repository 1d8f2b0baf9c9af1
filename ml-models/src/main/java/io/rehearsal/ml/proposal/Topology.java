package io.rehearsal.ml.proposal;

import io.rehearsal.ml.incident.Symptom;
import io.rehearsal.ml.rca.CallStats;
import io.rehearsal.ml.rca.EndpointStats;
import io.rehearsal.ml.rca.RcaInput;
import io.rehearsal.ml.rca.ServiceState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** What proposals need to know about the system: replicas, callers, entries, traffic shares. */
final class Topology {
  private final Map<String, ServiceState> states = new HashMap<>();
  private final Map<String, Double> serviceRate = new HashMap<>();
  private final Map<String, Double> endpointRate = new HashMap<>();
  private final List<CallStats> calls;
  private final Set<String> callees = new HashSet<>();
  private final TreeSet<String> entries = new TreeSet<>();
  private final TreeSet<String> symptomEntries = new TreeSet<>();
  private double entryRate;

  Topology(RcaInput input) {
    this.calls = input.calls();
    input.services().forEach(s -> states.put(s.service(), s));
    calls.forEach(c -> callees.add(c.callee()));
    for (EndpointStats ep : input.endpoints()) {
      double rate = ep.before().ratePerSecond();
      serviceRate.merge(ep.service(), rate, Double::sum);
      endpointRate.put(ep.service() + '/' + ep.endpoint(), rate);
      if (!callees.contains(ep.service())) {
        entries.add(ep.service() + '/' + ep.endpoint());
        entryRate += rate;
      }
    }
    for (Symptom s : input.symptoms()) {
      if (entries.contains(s.service() + '/' + s.endpoint())) {
        symptomEntries.add(s.service() + '/' + s.endpoint());
      }
    }
  }

  int replicas(String service) {
    ServiceState s = states.get(service);
    return s == null ? 1 : Math.max(1, s.instancesBefore());
  }

  ServiceState state(String service) {
    return states.get(service);
  }

  double rate(String service) {
    return serviceRate.getOrDefault(service, 0.0);
  }

  boolean isEntry(String service) {
    return !callees.contains(service);
  }

  /** Share of the entry traffic that reaches a service or an endpoint, rounded to 0.1. */
  double blast(String target) {
    double rate = target.contains("/") ? endpointRate.getOrDefault(target, 0.0) : rate(target);
    double share = entryRate <= 0 ? 1 : Math.min(1, rate / entryRate);
    return Math.max(0.1, Math.round(share * 10) / 10.0);
  }

  /** Services that call {@code target}, sorted. */
  List<String> callerServices(String target) {
    TreeSet<String> out = new TreeSet<>();
    calls.stream().filter(c -> c.callee().equals(target)).forEach(c -> out.add(c.caller()));
    return new ArrayList<>(out);
  }

  /** Caller endpoints and the called endpoint (or dependency), as {@code [from, to]} pairs. */
  List<String[]> routesInto(String target) {
    List<String[]> out = new ArrayList<>();
    for (CallStats c : calls) {
      if (c.callee().equals(target)) {
        for (CallStats.Route r : c.routes()) {
          String to = r.calleeEndpoint().isEmpty() ? target : target + '/' + r.calleeEndpoint();
          out.add(new String[] {c.caller() + '/' + r.callerEndpoint(), to});
        }
      }
    }
    return out;
  }

  /** Where to shed load for a suspect: its own endpoint if it is an entry, else the symptoms'. */
  List<String> entryEndpoints(String service, String endpoint) {
    if (isEntry(service) && !endpoint.isEmpty()) {
      return List.of(service + '/' + endpoint);
    }
    if (!symptomEntries.isEmpty()) {
      return new ArrayList<>(symptomEntries);
    }
    return entries.stream()
        .max((a, b) -> Double.compare(endpointRate.get(a), endpointRate.get(b)))
        .map(List::of)
        .orElse(List.of());
  }
}
