package io.rehearsal.twin.spec;

import java.util.ArrayList;
import java.util.List;

/** Rejects cycles among endpoint calls: a synchronous cycle would never finish. */
final class CallGraph {
  private final List<int[]> edges = new ArrayList<>();
  private final List<String> paths = new ArrayList<>();
  private final List<String> names = new ArrayList<>();

  CallGraph(SpecIndex.Parts parts, SpecIndex index) {
    for (int s = 0; s < parts.services().size(); s++) {
      ServiceSpec service = parts.services().get(s);
      for (int e = 0; e < service.endpoints().size(); e++) {
        EndpointSpec endpoint = service.endpoints().get(e);
        names.add(service.name() + "/" + endpoint.name());
        paths.add("services[" + s + "].endpoints[" + e + "]");
        edges.add(targets(endpoint, index));
      }
    }
  }

  private static int[] targets(EndpointSpec endpoint, SpecIndex index) {
    return endpoint.calls().stream()
        .mapToInt(c -> index.endpoint(c.to()))
        .filter(i -> i >= 0)
        .toArray();
  }

  void checkAcyclic() {
    byte[] state = new byte[edges.size()];
    for (int e = 0; e < edges.size(); e++) {
      visit(e, state);
    }
  }

  private void visit(int e, byte[] state) {
    if (state[e] == 2) {
      return;
    }
    if (state[e] == 1) {
      throw SpecValidator.fail(
          paths.get(e) + ".calls", "call cycle through '" + names.get(e) + "'");
    }
    state[e] = 1;
    for (int next : edges.get(e)) {
      visit(next, state);
    }
    state[e] = 2;
  }
}
