package io.rehearsal.gateway.mapping;

import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Duration;
import com.google.protobuf.Message;
import com.google.protobuf.Timestamp;
import io.rehearsal.policy.Action;
import io.rehearsal.policy.ActionKind;
import io.rehearsal.policy.BlastRadius;
import io.rehearsal.policy.Environment;
import io.rehearsal.policy.Evidence;
import io.rehearsal.policy.PolicyInput;
import io.rehearsal.policy.Target;
import io.rehearsal.policy.TwinFidelity;
import io.rehearsal.proto.v1.Evaluation;
import io.rehearsal.proto.v1.EvidenceFlag;
import io.rehearsal.proto.v1.Remediation;
import io.rehearsal.proto.v1.RemediationKind;
import io.rehearsal.proto.v1.RemediationRequest;
import io.rehearsal.rehearse.evaluation.Recommendation;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The one place where the wire request, the stored sandbox evidence and the twin's fidelity become
 * the policy engine's {@link PolicyInput}. The evidence always comes from the store (the caller
 * fetched it by evaluation id), never from the request.
 */
public final class PolicyInputMapper {

  private PolicyInputMapper() {}

  /**
   * The engine's input for {@code request}, with the evidence of its remediation in {@code
   * evaluation} when there is one.
   */
  public static PolicyInput input(
      RemediationRequest request,
      Optional<Evaluation> evaluation,
      Optional<io.rehearsal.proto.v1.Evidence> evidence) {
    return input(request, evaluation, evidence, Circumstances.NONE);
  }

  /**
   * The engine's input for {@code request} with its evidence and the gateway's {@code
   * circumstances} (kill switch, freezes, history, automation budget).
   */
  public static PolicyInput input(
      RemediationRequest request,
      Optional<Evaluation> evaluation,
      Optional<io.rehearsal.proto.v1.Evidence> evidence,
      Circumstances circumstances) {
    Optional<Evidence> mapped =
        evidence.flatMap(e -> evaluation.map(ev -> PolicyInputMapper.evidence(ev, e)));
    Optional<TwinFidelity> twin = evidence.flatMap(PolicyInputMapper::twin);
    return new PolicyInput(
        action(request),
        mapped,
        twin,
        circumstances.recent(),
        circumstances.freezes(),
        circumstances.killSwitch(),
        List.of(),
        circumstances.budget());
  }

  /** The requested action as the policy sees it. */
  public static Action action(RemediationRequest request) {
    Remediation r = request.getRemediation();
    return new Action(
        r.getId(),
        kind(r),
        target(r.getTarget()),
        environment(request.getEnvironment()),
        parameters(r),
        request.getRequester(),
        blastRadius(r.getBlastRadius()));
  }

  /** The policy's kind of {@code r}'s action (the wire enum without its prefix). */
  public static ActionKind kind(Remediation r) {
    RemediationKind kind = RemediationKind.forNumber(r.getActionCase().getNumber());
    if (kind == null || kind == RemediationKind.REMEDIATION_KIND_UNSPECIFIED) {
      throw new IllegalArgumentException("remediation has no action");
    }
    return ActionKind.valueOf(kind.name().substring("REMEDIATION_KIND_".length()));
  }

  /** The wire environment without its prefix; UNSPECIFIED is refused by validation first. */
  static Environment environment(io.rehearsal.proto.v1.Environment e) {
    return Environment.valueOf(e.name().substring("ENVIRONMENT_".length()));
  }

  static Target target(io.rehearsal.proto.v1.Target t) {
    return new Target(t.getService(), t.getEndpoint(), t.getDependency(), t.getRegion());
  }

  static BlastRadius blastRadius(io.rehearsal.proto.v1.BlastRadius b) {
    return new BlastRadius(
        b.getTrafficFraction(), b.getReplicas(), b.getServicesList(), b.getRegionsList());
  }

  /**
   * The set fields of the action's parameters by their proto names: integers as {@code Long},
   * floating point as {@code Double}, enums by name, durations in seconds, messages as maps.
   */
  static Map<String, Object> parameters(Remediation r) {
    FieldDescriptor actionField =
        Remediation.getDescriptor().findFieldByNumber(r.getActionCase().getNumber());
    return fields((Message) r.getField(actionField));
  }

  private static Map<String, Object> fields(Message message) {
    Map<String, Object> out = new LinkedHashMap<>();
    message.getAllFields().forEach((field, value) -> out.put(field.getName(), value(value)));
    return out;
  }

  private static Object value(Object value) {
    if (value instanceof Integer i) {
      return i.longValue();
    }
    if (value instanceof Float f) {
      return f.doubleValue();
    }
    if (value instanceof EnumValueDescriptor e) {
      return e.getName();
    }
    if (value instanceof Duration d) {
      return d.getSeconds() + d.getNanos() / 1e9;
    }
    if (value instanceof Message m) {
      return fields(m);
    }
    if (value instanceof List<?> list) {
      return list.stream().map(PolicyInputMapper::value).toList();
    }
    return value;
  }

  /** The stored evidence of one candidate, with what its evaluation recommended. */
  static Evidence evidence(Evaluation evaluation, io.rehearsal.proto.v1.Evidence e) {
    Recommendation.Kind recommendation = recommendation(evaluation.getRecommendationKind());
    boolean best =
        recommendation != Recommendation.Kind.DO_NOTHING
            && evaluation.getRankingCount() > 0
            && evaluation.getRanking(0).equals(e.getCandidate().getId());
    var utility = e.getVsDoNothing().getUtility();
    return new Evidence(
        e.getEvidenceHash(),
        rank(evaluation, e),
        best,
        flags(e.getFlagsList()),
        utility.getProbabilityOfImprovement(),
        utility.getCi().getLower(),
        utility.getCi().getUpper(),
        recommendation,
        instant(
            evaluation.hasFinishedAt() ? evaluation.getFinishedAt() : evaluation.getCreatedAt()));
  }

  /**
   * The evidence's rank; when unset (0), its place in the evaluation's ranking, or last of all when
   * it is not ranked, so a missing rank never reads as "best".
   */
  static int rank(Evaluation evaluation, io.rehearsal.proto.v1.Evidence e) {
    if (e.getRank() >= 1) {
      return e.getRank();
    }
    int place = evaluation.getRankingList().indexOf(e.getCandidate().getId());
    return place >= 0 ? place + 1 : Math.max(evaluation.getRankingCount(), 1) + 1;
  }

  /**
   * The kind of the evaluation's recommendation (see {@link Recommendation}); an unset kind counts
   * as "do nothing", so it can never make evidence look conclusive.
   */
  static Recommendation.Kind recommendation(io.rehearsal.proto.v1.RecommendationKind kind) {
    return switch (kind) {
      case RECOMMENDATION_KIND_RESTORES -> Recommendation.Kind.RESTORES;
      case RECOMMENDATION_KIND_BEST_MITIGATION -> Recommendation.Kind.BEST_MITIGATION;
      default -> Recommendation.Kind.DO_NOTHING;
    };
  }

  private static Set<io.rehearsal.rehearse.evaluation.EvidenceFlag> flags(List<EvidenceFlag> in) {
    Set<io.rehearsal.rehearse.evaluation.EvidenceFlag> out =
        EnumSet.noneOf(io.rehearsal.rehearse.evaluation.EvidenceFlag.class);
    for (EvidenceFlag f : in) {
      switch (f) {
        case EVIDENCE_FLAG_WORSE_THAN_DO_NOTHING ->
            out.add(io.rehearsal.rehearse.evaluation.EvidenceFlag.WORSE_THAN_DO_NOTHING);
        case EVIDENCE_FLAG_NO_EFFECT, EVIDENCE_FLAG_NO_SIGNIFICANT_DIFFERENCE ->
            out.add(io.rehearsal.rehearse.evaluation.EvidenceFlag.NO_EFFECT);
        case EVIDENCE_FLAG_DOES_NOT_RECOVER ->
            out.add(io.rehearsal.rehearse.evaluation.EvidenceFlag.DOES_NOT_RECOVER);
        case EVIDENCE_FLAG_HIGHER_COST ->
            out.add(io.rehearsal.rehearse.evaluation.EvidenceFlag.HIGHER_COST);
        case EVIDENCE_FLAG_PRECISION_NOT_REACHED ->
            out.add(io.rehearsal.rehearse.evaluation.EvidenceFlag.PRECISION_NOT_REACHED);
        default -> {
          // UNSPECIFIED / UNRECOGNIZED carry no warning we know of.
        }
      }
    }
    return out;
  }

  /**
   * The twin's fidelity; empty when the evidence carries none or never recorded when the twin was
   * calibrated, which the engine's stale-twin guard treats as unknown.
   */
  static Optional<TwinFidelity> twin(io.rehearsal.proto.v1.Evidence e) {
    if (!e.hasTwinFidelity() || !e.getTwinFidelity().hasCalibratedAt()) {
      return Optional.empty();
    }
    io.rehearsal.proto.v1.TwinFidelity f = e.getTwinFidelity();
    return Optional.of(
        new TwinFidelity(
            f.getLatencyP50Mape(),
            f.getLatencyP99Mape(),
            f.getStale(),
            instant(f.getCalibratedAt())));
  }

  private static Instant instant(Timestamp t) {
    return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
  }
}
