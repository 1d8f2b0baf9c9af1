package io.rehearsal.sandbox.mapping;

import io.rehearsal.proto.v1.EvaluateRequest;
import io.rehearsal.proto.v1.SloWeight;
import io.rehearsal.rehearse.evaluation.Objectives;
import io.rehearsal.rehearse.evaluation.ReplicationPolicy;
import io.rehearsal.twin.spec.SloSpec;
import io.rehearsal.twin.spec.TwinSpec;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The request's replication policy and objectives to the twin's, and back for the record of the
 * evaluation. Unset (zero) policy fields take the server's defaults; unset objectives are {@link
 * Objectives#DEFAULT}. An SLO is named by its endpoint ({@code service/endpoint}), as in the twin.
 */
public final class PolicyMapper {

  /** Most replications per arm one request may ask for. */
  public static final int MAX_REPLICATIONS = 1000;

  private PolicyMapper() {}

  /**
   * The replication policy of a request.
   *
   * @throws InvalidRequestException naming the bad field
   */
  public static ReplicationPolicy policy(EvaluateRequest request, ReplicationPolicy defaults) {
    if (!request.hasReplications()) {
      return defaults;
    }
    io.rehearsal.proto.v1.ReplicationPolicy p = request.getReplications();
    int min = p.getMinReplications() == 0 ? defaults.minReplications() : p.getMinReplications();
    int max =
        p.getMaxReplications() == 0
            ? Math.max(min, defaults.maxReplications())
            : p.getMaxReplications();
    double pcs =
        p.getProbabilityOfCorrectSelection() == 0
            ? defaults.probabilityOfCorrectSelection()
            : p.getProbabilityOfCorrectSelection();
    double zone =
        p.getIndifferenceZone() == 0 ? defaults.indifferenceZone() : p.getIndifferenceZone();
    if (max > MAX_REPLICATIONS) {
      throw new InvalidRequestException(
          "replications.max_replications", "must be <= " + MAX_REPLICATIONS + ", but was " + max);
    }
    try {
      return new ReplicationPolicy(min, max, defaults.batch(), pcs, zone);
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException("replications", e.getMessage());
    }
  }

  /** The contract's form of a policy. */
  public static io.rehearsal.proto.v1.ReplicationPolicy toProto(ReplicationPolicy p) {
    return io.rehearsal.proto.v1.ReplicationPolicy.newBuilder()
        .setMinReplications(p.minReplications())
        .setMaxReplications(p.maxReplications())
        .setProbabilityOfCorrectSelection(p.probabilityOfCorrectSelection())
        .setIndifferenceZone(p.indifferenceZone())
        .build();
  }

  /**
   * The objectives of a request, SLO names checked against {@code spec}.
   *
   * @throws InvalidRequestException naming the bad field
   */
  public static Objectives objectives(EvaluateRequest request, TwinSpec spec) {
    if (!request.hasObjectives()) {
      return Objectives.DEFAULT;
    }
    io.rehearsal.proto.v1.Objectives o = request.getObjectives();
    Map<String, Double> weights = new LinkedHashMap<>();
    for (int i = 0; i < o.getSloWeightsCount(); i++) {
      SloWeight w = o.getSloWeights(i);
      String field = "objectives.slo_weights[" + i + "]";
      boolean known = spec.slos().stream().map(SloSpec::endpoint).anyMatch(w.getSlo()::equals);
      if (!known || weights.containsKey(w.getSlo())) {
        throw new InvalidRequestException(
            field + ".slo", "must name an SLO of the twin once, but was '" + w.getSlo() + "'");
      }
      weights.put(w.getSlo(), w.getWeight());
    }
    try {
      return new Objectives(weights, o.getCostWeight(), o.getRiskAversion());
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException("objectives", e.getMessage());
    }
  }

  /** The contract's form of objectives, SLO weights sorted by name. */
  public static io.rehearsal.proto.v1.Objectives toProto(Objectives o) {
    io.rehearsal.proto.v1.Objectives.Builder b =
        io.rehearsal.proto.v1.Objectives.newBuilder()
            .setCostWeight(o.costWeight())
            .setRiskAversion(o.riskAversion());
    new TreeMap<>(o.sloWeights())
        .forEach((slo, w) -> b.addSloWeights(SloWeight.newBuilder().setSlo(slo).setWeight(w)));
    return b.build();
  }
}
