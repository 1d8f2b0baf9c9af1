package io.rehearsal.rehearse.incident;

import io.rehearsal.twin.spec.FaultKind;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The one table from the fault kinds of incident labels (the reference shop's fault switches) to
 * the twin's {@link FaultKind}s a fitted hypothesis must have to name the labelled fault:
 *
 * <table>
 *   <caption>label kind to twin fault kind</caption>
 *   <tr><th>label</th><th>twin</th><th>why</th></tr>
 *   <tr><td>latency</td><td>LATENCY or SERVICE_DELAY</td>
 *       <td>added self time of the service: stretched or shifted</td></tr>
 *   <tr><td>error</td><td>ERROR_RATE</td><td>the service fails a share of requests</td></tr>
 *   <tr><td>fewer-workers</td><td>WORKER_LOSS or REPLICA_CRASH</td>
 *       <td>capacity loss: fewer workers serve</td></tr>
 *   <tr><td>kill-replica</td><td>REPLICA_CRASH or WORKER_LOSS</td>
 *       <td>capacity loss: a replica is gone</td></tr>
 *   <tr><td>slow-dependency</td><td>DEPENDENCY_SLOWDOWN or DEPENDENCY_DELAY</td>
 *       <td>the external system is slower: stretched or shifted</td></tr>
 *   <tr><td>dependency-outage</td><td>DEPENDENCY_OUTAGE</td><td>the external system fails</td></tr>
 *   <tr><td>surge</td><td>TRAFFIC_SURGE</td><td>more arrivals at the entry endpoints</td></tr>
 * </table>
 *
 * <p>Both capacity-loss labels accept both capacity-loss kinds: from outside, a replica gone and
 * fewer workers in each are the same loss of capacity (the "capacity loss"), and which one
 * reproduces the symptoms better depends on how callers route, not on the fault.
 */
public enum LabelKind {
  /** Added latency in a service. */
  LATENCY("latency", FaultKind.LATENCY, FaultKind.SERVICE_DELAY),
  /** Injected errors in a service. */
  ERROR("error", FaultKind.ERROR_RATE),
  /** Fewer workers per replica of a service. */
  FEWER_WORKERS("fewer-workers", FaultKind.WORKER_LOSS, FaultKind.REPLICA_CRASH),
  /** A killed replica of a service. */
  KILL_REPLICA("kill-replica", FaultKind.REPLICA_CRASH, FaultKind.WORKER_LOSS),
  /** A slower external dependency. */
  SLOW_DEPENDENCY("slow-dependency", FaultKind.DEPENDENCY_SLOWDOWN, FaultKind.DEPENDENCY_DELAY),
  /** An external dependency that fails every call. */
  DEPENDENCY_OUTAGE("dependency-outage", FaultKind.DEPENDENCY_OUTAGE),
  /** More arrivals at the entry endpoints of a service. */
  SURGE("surge", FaultKind.TRAFFIC_SURGE);

  private final String label;
  private final Set<FaultKind> faults;

  LabelKind(String label, FaultKind first, FaultKind... more) {
    this.label = label;
    this.faults = Collections.unmodifiableSet(EnumSet.of(first, more));
  }

  /** The label's spelling, e.g. {@code fewer-workers}. */
  public String label() {
    return label;
  }

  /** The twin fault kinds a hypothesis may have to name this label, in declaration order. */
  public Set<FaultKind> faults() {
    return faults;
  }

  /**
   * The kind spelled {@code label}.
   *
   * @throws IllegalArgumentException naming the bad value and the known spellings
   */
  public static LabelKind of(String label) {
    return Arrays.stream(values())
        .filter(k -> k.label.equals(label))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "kind must be one of " + labels() + ", but was '" + label + "'"));
  }

  /** All spellings, in table order. */
  public static List<String> labels() {
    return Arrays.stream(values()).map(LabelKind::label).toList();
  }
}
