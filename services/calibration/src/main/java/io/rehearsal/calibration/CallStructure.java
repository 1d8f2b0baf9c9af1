package io.rehearsal.calibration;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Learns what an endpoint calls and in which order from its requests. The k-th call of a request to
 * a target is the call key (target, k); its probability is the share of requests that made it. Keys
 * are ordered by their median start offset; a key joins the group before it when, in the requests
 * that made both, its interval overlapped one of that group's keys more often than it followed it
 * (parallel calls), else it starts the next group (sequential calls).
 */
final class CallStructure {
  /** The most calls to one target per request that are modelled. */
  static final int MAX_OCCURRENCES = 16;

  /** One planned call: target, sequential group, probability. */
  record Planned(String target, boolean external, int group, double probability) {}

  private record Key(String target, int occurrence) {}

  private static final class KeyStats {
    final boolean external;
    int present;
    final List<Double> startOffsets = new ArrayList<>();

    KeyStats(boolean external) {
      this.external = external;
    }
  }

  private final Map<Key, KeyStats> keys = new LinkedHashMap<>();
  private final Map<List<Key>, int[]> pairs = new HashMap<>();
  private int requests;

  /** Takes the calls of one request of the endpoint. */
  void add(ServedRequest request) {
    requests++;
    long origin = request.span().startNanos();
    Map<String, Integer> seen = new HashMap<>();
    List<Key> present = new ArrayList<>();
    List<Call> calls = new ArrayList<>();
    for (Call call : request.calls()) {
      int k = seen.merge(call.target(), 1, Integer::sum);
      if (k > MAX_OCCURRENCES) {
        continue;
      }
      Key key = new Key(call.target(), k);
      KeyStats stats = keys.computeIfAbsent(key, x -> new KeyStats(call.external()));
      stats.present++;
      stats.startOffsets.add((call.startNanos() - origin) / 1e9);
      present.add(key);
      calls.add(call);
    }
    relate(present, calls);
  }

  private void relate(List<Key> present, List<Call> calls) {
    for (int i = 0; i < present.size(); i++) {
      for (int j = 0; j < present.size(); j++) {
        if (i != j) {
          int[] counts =
              pairs.computeIfAbsent(List.of(present.get(i), present.get(j)), x -> new int[2]);
          Call a = calls.get(i);
          Call b = calls.get(j);
          boolean overlap = a.startNanos() < b.endNanos() && b.startNanos() < a.endNanos();
          counts[overlap ? 0 : 1]++;
        }
      }
    }
  }

  /** The planned calls, in group order. */
  List<Planned> plan() {
    List<Key> ordered = new ArrayList<>(keys.keySet());
    ordered.sort(
        Comparator.comparingDouble((Key k) -> median(keys.get(k).startOffsets))
            .thenComparing(Key::target)
            .thenComparingInt(Key::occurrence));
    List<Planned> out = new ArrayList<>();
    List<Key> group = new ArrayList<>();
    int g = 0;
    for (Key key : ordered) {
      if (!group.isEmpty() && !parallelWithAny(key, group)) {
        g++;
        group.clear();
      }
      group.add(key);
      KeyStats stats = keys.get(key);
      out.add(new Planned(key.target(), stats.external, g, stats.present / (double) requests));
    }
    return out;
  }

  private boolean parallelWithAny(Key key, List<Key> group) {
    for (Key other : group) {
      int[] counts = pairs.get(List.of(other, key));
      if (counts != null && counts[0] > counts[1]) {
        return true;
      }
    }
    return false;
  }

  private static double median(List<Double> values) {
    return DistributionFitter.median(values.stream().mapToDouble(Double::doubleValue).toArray());
  }
}
