package io.rehearsal.detector.loop;

import io.rehearsal.ml.rca.Suspect;
import io.rehearsal.proto.v1.FaultHypothesis;
import io.rehearsal.proto.v1.SuspectedTarget;
import io.rehearsal.proto.v1.Target;
import io.rehearsal.rehearse.fitting.SuspectRefit;
import io.rehearsal.rehearse.incident.LabelKind;
import io.rehearsal.twin.spec.FaultKind;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The root cause confirmed (or overturned) by the sandbox's fit: the suspects ranked from the
 * telemetry, re-ranked by the fault hypotheses the evaluation fitted to the incident's symptoms
 * ({@code Evaluation.fault_hypotheses}, best fit first) through {@link SuspectRefit}, the same
 * ordering {@code rehearsal ml rca-eval} measures: each suspect takes the goodness of fit of the
 * best reported hypothesis naming its target with a fault kind that expresses it ({@link
 * LabelKind}), 0 when none does, and ties within {@link SuspectRefit#TIE} keep the telemetry's
 * order.
 */
final class SuspectFit {

  /** How the fit judged the telemetry's first suspect. */
  enum Verdict {
    /** The telemetry's first suspect also explains the symptoms best among the suspects. */
    CONFIRMED,
    /** Another suspect explains the symptoms better: it is first now. */
    OVERTURNED,
    /** No reported hypothesis names a suspect (or none was fitted): the telemetry order stands. */
    UNCONFIRMED;

    /** The step status recorded on the incident, e.g. {@code confirmed}. */
    String status() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * The suspects after the fit.
   *
   * @param verdict what the fit says of the telemetry's first suspect
   * @param targets the suspects in their new order, each reason led by its fit
   * @param detail one line for the incident's loop step
   * @param suspects the suspects in their new order, each scored by its goodness of fit (what a
   *     proposal's prior then follows)
   */
  record Result(
      Verdict verdict, List<SuspectedTarget> targets, String detail, List<Suspect> suspects) {}

  private SuspectFit() {}

  /** Re-ranks {@code suspects} (telemetry order) by the evaluation's {@code fitted} hypotheses. */
  static Result rerank(List<Suspect> suspects, List<FaultHypothesis> fitted) {
    Map<io.rehearsal.rehearse.fitting.FaultHypothesis, FaultHypothesis> wire =
        new IdentityHashMap<>();
    List<io.rehearsal.rehearse.fitting.FaultHypothesis> domain = new ArrayList<>();
    for (FaultHypothesis h : fitted) {
      FaultKind kind = kind(h.getKind());
      if (kind != null) {
        var d =
            new io.rehearsal.rehearse.fitting.FaultHypothesis(
                kind,
                target(kind, h.getTarget()),
                h.getMagnitude(),
                Double.NaN,
                h.getGoodnessOfFit(),
                0);
        wire.put(d, h);
        domain.add(d);
      }
    }
    List<SuspectRefit.Refit> refits =
        SuspectRefit.rerank(suspects.stream().map(SuspectFit::candidate).toList(), domain);
    List<SuspectedTarget> targets = new ArrayList<>();
    List<Suspect> reordered = new ArrayList<>();
    List<String> order = new ArrayList<>();
    for (int i = 0; i < refits.size(); i++) {
      SuspectRefit.Refit r = refits.get(i);
      Suspect s = suspects.get(r.telemetryRank());
      reordered.add(
          new Suspect(
              s.target(),
              s.endpoint(),
              s.dependency(),
              s.kind(),
              r.goodness(),
              append(s.why(), String.format(Locale.ROOT, "goodness of fit %.2f", r.goodness()))));
      FaultHypothesis h = r.best() == null ? null : wire.get(r.best());
      String fit =
          String.format(
              Locale.ROOT,
              "fit %.2f (%s), telemetry #%d",
              r.goodness(),
              h == null ? "no fitted hypothesis names it" : describe(h),
              r.telemetryRank() + 1);
      SuspectedTarget t = Candidates.suspect(s);
      targets.add(t.toBuilder().setReason(fit + "; " + t.getReason()).build());
      order.add(
          String.format(
              Locale.ROOT,
              "%d. %s %.2f (#%d)",
              i + 1,
              s.label(),
              r.goodness(),
              r.telemetryRank() + 1));
    }
    Verdict verdict = verdict(refits);
    String after = "after the fit: " + String.join(", ", order);
    String detail =
        switch (verdict) {
          case CONFIRMED ->
              String.format(
                  Locale.ROOT,
                  "the fit confirms %s first (goodness %.2f); %s",
                  suspects.get(0).label(),
                  refits.get(0).goodness(),
                  after);
          case OVERTURNED ->
              String.format(
                  Locale.ROOT,
                  "the fit puts %s first (goodness %.2f, telemetry #%d) over %s; %s",
                  suspects.get(refits.get(0).telemetryRank()).label(),
                  refits.get(0).goodness(),
                  refits.get(0).telemetryRank() + 1,
                  suspects.get(0).label(),
                  after);
          case UNCONFIRMED ->
              (fitted.isEmpty()
                      ? "the evaluation fitted no fault hypothesis"
                      : "no fitted hypothesis names a suspect (best fit: "
                          + describe(fitted.get(0))
                          + ")")
                  + "; telemetry order kept";
        };
    return new Result(verdict, targets, detail, reordered);
  }

  private static List<String> append(List<String> why, String more) {
    List<String> all = new ArrayList<>(why);
    all.add(more);
    return all;
  }

  private static Verdict verdict(List<SuspectRefit.Refit> refits) {
    if (refits.isEmpty() || refits.get(0).best() == null) {
      return Verdict.UNCONFIRMED;
    }
    return refits.get(0).telemetryRank() == 0 ? Verdict.CONFIRMED : Verdict.OVERTURNED;
  }

  /** A suspect as the twin's fault kinds that express it (through the label kinds). */
  static SuspectRefit.Candidate candidate(Suspect s) {
    return new SuspectRefit.Candidate(s.target(), LabelKind.of(s.kind().labelKind()).faults());
  }

  /** The twin's kind of a contract kind, null for one this detector does not know. */
  static FaultKind kind(io.rehearsal.proto.v1.FaultKind kind) {
    return switch (kind) {
      case FAULT_KIND_LATENCY_MULTIPLIER -> FaultKind.LATENCY;
      case FAULT_KIND_ADDED_ERRORS -> FaultKind.ERROR_RATE;
      case FAULT_KIND_CAPACITY_LOSS -> FaultKind.REPLICA_CRASH;
      case FAULT_KIND_WORKER_LOSS -> FaultKind.WORKER_LOSS;
      case FAULT_KIND_TRAFFIC_SURGE -> FaultKind.TRAFFIC_SURGE;
      case FAULT_KIND_DEPENDENCY_OUTAGE -> FaultKind.DEPENDENCY_OUTAGE;
      case FAULT_KIND_DEPENDENCY_SLOWDOWN -> FaultKind.DEPENDENCY_SLOWDOWN;
      case FAULT_KIND_DEPENDENCY_DELAY -> FaultKind.DEPENDENCY_DELAY;
      case FAULT_KIND_NETWORK_DELAY -> FaultKind.NETWORK_DELAY;
      case FAULT_KIND_SERVICE_DELAY -> FaultKind.SERVICE_DELAY;
      case FAULT_KIND_UNSPECIFIED, UNRECOGNIZED -> null;
    };
  }

  /**
   * The twin's target name of a contract target: the dependency, the service, or for a surge its
   * entry endpoint ({@code service/endpoint}; {@code *} for every entry).
   */
  private static String target(FaultKind kind, Target t) {
    if (!t.getDependency().isEmpty()) {
      return t.getDependency();
    }
    if (kind == FaultKind.TRAFFIC_SURGE) {
      if (t.getService().isEmpty()) {
        return "*";
      }
      return t.getEndpoint().isEmpty() ? t.getService() : t.getService() + '/' + t.getEndpoint();
    }
    return t.getService();
  }

  /** E.g. {@code LATENCY_MULTIPLIER catalog 8.1}. */
  private static String describe(FaultHypothesis h) {
    Target t = h.getTarget();
    String where =
        !t.getDependency().isEmpty()
            ? t.getDependency()
            : t.getService().isEmpty()
                ? "*"
                : t.getService() + (t.getEndpoint().isEmpty() ? "" : "/" + t.getEndpoint());
    return String.format(
        Locale.ROOT,
        "%s %s %.3g",
        h.getKind().name().replace("FAULT_KIND_", ""),
        where,
        h.getMagnitude());
  }
}
