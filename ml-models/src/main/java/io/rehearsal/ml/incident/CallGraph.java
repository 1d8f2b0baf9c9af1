package io.rehearsal.ml.incident;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** Which services call which, as seen in traces; distance counts calls in either direction. */
final class CallGraph {
  private final Map<String, Set<String>> neighbours = new HashMap<>();

  void add(String caller, String callee) {
    if (!caller.equals(callee)) {
      neighbours.computeIfAbsent(caller, k -> new HashSet<>()).add(callee);
      neighbours.computeIfAbsent(callee, k -> new HashSet<>()).add(caller);
    }
  }

  /** Whether {@code service} is at most {@code hops} calls from one of {@code services}. */
  boolean near(String service, Collection<String> services, int hops) {
    if (services.contains(service)) {
      return true;
    }
    Set<String> seen = new HashSet<>(Set.of(service));
    ArrayDeque<String> frontier = new ArrayDeque<>(seen);
    for (int depth = 0; depth < hops && !frontier.isEmpty(); depth++) {
      ArrayDeque<String> next = new ArrayDeque<>();
      for (String s : frontier) {
        for (String n : neighbours.getOrDefault(s, Set.of())) {
          if (services.contains(n)) {
            return true;
          }
          if (seen.add(n)) {
            next.add(n);
          }
        }
      }
      frontier = next;
    }
    return false;
  }
}
