package io.rehearsal.ml.rca;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What one node (a service or an external dependency) shows: its own findings per fault kind, and
 * how anomalous it looks from outside (including what it inherits from its callees), with the
 * sentence saying so.
 */
final class NodeEvidence {
  final String name;
  final boolean dependency;
  private final Map<FaultKind, Finding> findings = new EnumMap<>(FaultKind.class);
  private final List<Finding> all = new ArrayList<>();
  double visible;
  String visibleReason = "";

  NodeEvidence(String name, boolean dependency) {
    this.name = name;
    this.dependency = dependency;
  }

  void add(Finding f) {
    if (f != null && f.score() > 0) {
      findings.merge(f.kind(), f, Finding::max);
      all.add(f);
    }
  }

  void seen(double score, String reason) {
    if (score > visible) {
      visible = score;
      visibleReason = reason;
    }
  }

  /** The strongest own finding's score, 0 when none. */
  double own() {
    return findings.values().stream().mapToDouble(Finding::score).max().orElse(0);
  }

  /** Findings, strongest first (ties in kind order, so the order is stable). */
  List<Finding> findings() {
    List<Finding> list = new ArrayList<>(findings.values());
    list.sort(Comparator.comparingDouble(Finding::score).reversed());
    return list;
  }

  /** Every finding, strongest first (ties in the order they were found). */
  List<Finding> all() {
    List<Finding> list = new ArrayList<>(all);
    list.sort(Comparator.comparingDouble(Finding::score).reversed());
    return list;
  }

  /** How anomalous it looks, own or inherited, in [0, 1). */
  double anomaly() {
    return Math.max(visible, own());
  }
}
