package io.rehearsal.ml.rca;

import static io.rehearsal.ml.rca.Evidence.f;

import io.rehearsal.ml.incident.Symptom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Ranks root-cause suspects for one incident in three stages: classify each node's own changes into
 * findings per fault kind ({@code Evidence}), walk the anomalous call graph from the symptoms
 * ({@code RandomWalk}), then score each finding by the share of the walk its node holds times the
 * finding's strength. A node the symptoms point at but with no finding of its own is listed last,
 * as a weak suspect, so a short list still names where the symptoms are.
 *
 * <pre>{@code
 * List<Suspect> suspects = new RootCauseRanker(RcaConfig.defaults()).rank(input);
 * }</pre>
 */
public final class RootCauseRanker {
  private static final double WEAK = 0.01;

  private final RcaConfig config;

  /** A ranker with these parameters. */
  public RootCauseRanker(RcaConfig config) {
    this.config = Objects.requireNonNull(config, "config");
  }

  /** The suspects, most likely first; empty when nothing in the input changed. */
  public List<Suspect> rank(RcaInput input) {
    Evidence evidence = Evidence.of(input, config);
    List<NodeEvidence> nodes = new ArrayList<>(evidence.nodes.values());
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < nodes.size(); i++) {
      index.put(nodes.get(i).name, i);
    }
    Graph graph = Graph.of(input.calls(), index, nodes.size());
    double[] visits = walk(nodes, graph, input.symptoms(), index);
    List<Suspect> suspects = new ArrayList<>();
    for (int i = 0; i < nodes.size(); i++) {
      suspects.addAll(suspects(nodes.get(i), visits[i], graph, i, nodes));
    }
    suspects.sort(
        Comparator.comparingDouble(Suspect::score)
            .reversed()
            .thenComparing(Suspect::target)
            .thenComparing(Suspect::kind));
    return normalise(suspects);
  }

  private double[] walk(
      List<NodeEvidence> nodes, Graph graph, List<Symptom> symptoms, Map<String, Integer> index) {
    int n = nodes.size();
    double[] anomaly = new double[n];
    double[] own = new double[n];
    double[] restart = new double[n];
    for (int i = 0; i < n; i++) {
      anomaly[i] = nodes.get(i).anomaly();
      own[i] = nodes.get(i).own();
    }
    for (Symptom s : symptoms) {
      Integer i = index.get(s.service());
      if (i != null) {
        restart[i] = Math.max(restart[i], Math.max(anomaly[i], 0.1));
      }
    }
    if (symptoms.isEmpty()) {
      System.arraycopy(anomaly, 0, restart, 0, n);
    }
    return RandomWalk.visits(graph.callees, graph.callers, anomaly, own, restart, config);
  }

  private List<Suspect> suspects(
      NodeEvidence node, double visit, Graph graph, int i, List<NodeEvidence> nodes) {
    List<Suspect> out = new ArrayList<>();
    List<Finding> findings = node.findings();
    List<String> context = context(graph, i, nodes, visit);
    if (findings.isEmpty()) {
      if (node.visible > 0) {
        List<String> why = new ArrayList<>(List.of(node.visibleReason));
        why.add("no change of its own explains it (weak suspect)");
        why.addAll(context);
        FaultKind kind = node.dependency ? FaultKind.DEPENDENCY_LATENCY : FaultKind.LATENCY;
        out.add(
            new Suspect(node.name, "", node.dependency, kind, WEAK * visit * node.visible, why));
      }
      return out;
    }
    double own = node.own();
    for (Finding finding : findings) {
      List<String> why = new ArrayList<>();
      why.add(finding.reason());
      node.all().stream()
          .filter(other -> other != finding)
          .forEach(other -> why.add("also: " + other.reason()));
      why.addAll(context);
      double score = visit * own * finding.score() / own;
      out.add(
          new Suspect(node.name, finding.endpoint(), node.dependency, finding.kind(), score, why));
    }
    return out;
  }

  private static List<String> context(Graph graph, int i, List<NodeEvidence> nodes, double visit) {
    List<String> why = new ArrayList<>();
    why.add(describe("its callers", graph.callers.get(i), nodes));
    if (graph.callees.get(i).length > 0) {
      why.add(describe("its callees", graph.callees.get(i), nodes));
    }
    why.add(f("random walk from the symptoms spends %.0f%% of its time here", 100 * visit));
    return why;
  }

  private static String describe(String who, int[] members, List<NodeEvidence> nodes) {
    if (members.length == 0) {
      return who + ": none (entry point)";
    }
    TreeSet<String> anomalous = new TreeSet<>();
    TreeSet<String> normal = new TreeSet<>();
    for (int m : members) {
      (nodes.get(m).anomaly() > 0 ? anomalous : normal).add(nodes.get(m).name);
    }
    return who
        + (anomalous.isEmpty() ? "" : " anomalous: " + String.join(", ", anomalous))
        + (anomalous.isEmpty() || normal.isEmpty() ? "" : ";")
        + (normal.isEmpty() ? "" : " normal: " + String.join(", ", normal));
  }

  private static List<Suspect> normalise(List<Suspect> suspects) {
    if (suspects.isEmpty() || suspects.get(0).score() <= 0) {
      return suspects;
    }
    double top = suspects.get(0).score();
    return suspects.stream()
        .map(
            s ->
                new Suspect(
                    s.target(), s.endpoint(), s.dependency(), s.kind(), s.score() / top, s.why()))
        .toList();
  }

  /** Callers and callees by node index. */
  private record Graph(List<int[]> callees, List<int[]> callers) {
    static Graph of(List<CallStats> calls, Map<String, Integer> index, int n) {
      List<TreeSet<Integer>> down = new ArrayList<>();
      List<TreeSet<Integer>> up = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        down.add(new TreeSet<>());
        up.add(new TreeSet<>());
      }
      for (CallStats c : calls) {
        int from = index.get(c.caller());
        int to = index.get(c.callee());
        if (from != to) {
          down.get(from).add(to);
          up.get(to).add(from);
        }
      }
      return new Graph(arrays(down), arrays(up));
    }

    private static List<int[]> arrays(List<TreeSet<Integer>> sets) {
      return sets.stream().map(s -> s.stream().mapToInt(Integer::intValue).toArray()).toList();
    }
  }
}
