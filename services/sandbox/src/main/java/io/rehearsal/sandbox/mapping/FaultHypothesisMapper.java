package io.rehearsal.sandbox.mapping;

import com.google.protobuf.Timestamp;
import io.rehearsal.proto.v1.FaultHypothesis;
import io.rehearsal.proto.v1.FaultKind;
import io.rehearsal.proto.v1.Target;

/**
 * The twin's fitted {@link io.rehearsal.rehearse.fitting.FaultHypothesis} to the contract's: kinds
 * and magnitude units per {@code FaultKind} (a crash as the fraction of replicas lost, a network
 * delay in milliseconds), the target as a {@link Target}.
 */
public final class FaultHypothesisMapper {

  private FaultHypothesisMapper() {}

  /** The contract's form of a hypothesis whose fault starts at {@code onset}. */
  public static FaultHypothesis toProto(
      io.rehearsal.rehearse.fitting.FaultHypothesis h, Timestamp onset) {
    return FaultHypothesis.newBuilder()
        .setTarget(target(h))
        .setKind(kind(h.kind()))
        .setMagnitude(magnitude(h))
        .setOnset(onset)
        .setGoodnessOfFit(h.goodnessOfFit())
        .build();
  }

  /** The contract's kind of a twin fault kind. */
  public static FaultKind kind(io.rehearsal.twin.spec.FaultKind kind) {
    return switch (kind) {
      case REPLICA_CRASH -> FaultKind.FAULT_KIND_CAPACITY_LOSS;
      case WORKER_LOSS -> FaultKind.FAULT_KIND_WORKER_LOSS;
      case LATENCY -> FaultKind.FAULT_KIND_LATENCY_MULTIPLIER;
      case ERROR_RATE -> FaultKind.FAULT_KIND_ADDED_ERRORS;
      case DEPENDENCY_SLOWDOWN -> FaultKind.FAULT_KIND_DEPENDENCY_SLOWDOWN;
      case DEPENDENCY_DELAY -> FaultKind.FAULT_KIND_DEPENDENCY_DELAY;
      case DEPENDENCY_OUTAGE -> FaultKind.FAULT_KIND_DEPENDENCY_OUTAGE;
      case TRAFFIC_SURGE -> FaultKind.FAULT_KIND_TRAFFIC_SURGE;
      case NETWORK_DELAY -> FaultKind.FAULT_KIND_NETWORK_DELAY;
      case SERVICE_DELAY -> FaultKind.FAULT_KIND_SERVICE_DELAY;
    };
  }

  private static double magnitude(io.rehearsal.rehearse.fitting.FaultHypothesis h) {
    return switch (h.kind()) {
      case REPLICA_CRASH, WORKER_LOSS ->
          Double.isNaN(h.capacityLossFraction()) ? h.magnitude() : h.capacityLossFraction();
      case NETWORK_DELAY, DEPENDENCY_DELAY, SERVICE_DELAY -> h.magnitude() * 1000;
      default -> h.magnitude();
    };
  }

  private static Target target(io.rehearsal.rehearse.fitting.FaultHypothesis h) {
    String t = h.target();
    return switch (h.kind()) {
      case DEPENDENCY_SLOWDOWN, DEPENDENCY_DELAY, DEPENDENCY_OUTAGE ->
          Target.newBuilder().setDependency(t).build();
      case TRAFFIC_SURGE -> entry(t);
      default -> Target.newBuilder().setService(t).build();
    };
  }

  private static Target entry(String t) {
    int slash = t.indexOf('/');
    if ("*".equals(t) || slash < 0) {
      return Target.getDefaultInstance();
    }
    return Target.newBuilder()
        .setService(t.substring(0, slash))
        .setEndpoint(t.substring(slash + 1))
        .build();
  }
}
