package io.rehearsal.rehearse.incident;

import io.rehearsal.rehearse.fitting.EndpointSymptoms;
import io.rehearsal.rehearse.fitting.FaultFitter;
import io.rehearsal.rehearse.fitting.FaultHypothesis;
import io.rehearsal.rehearse.fitting.FitConfig;
import io.rehearsal.rehearse.fitting.SymptomPoint;
import io.rehearsal.rehearse.fitting.Symptoms;
import io.rehearsal.twin.spec.TwinSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Scores fault fitting on labelled incidents: fits each incident's symptoms in the twin and checks
 * whether the top hypothesis names the injected fault (kind per {@link LabelKind}, target per
 * {@link IncidentLabel#matches}). Endpoints the twin does not have are left out of the symptoms
 * first; the incident's baseline, when it has one, removes the twin's standing bias ({@link
 * FaultFitter#fit(Symptoms, Map)}).
 *
 * <pre>{@code
 * FitReport report = FitEvaluation.evaluate(spec, incidents, FitConfig.of(7, 2));
 * double accuracy = report.top1Accuracy();
 * }</pre>
 */
public final class FitEvaluation {
  private FitEvaluation() {}

  /**
   * Fits every labelled incident, in order.
   *
   * @throws IllegalArgumentException if an incident is unlabelled or shares no endpoint with the
   *     twin
   */
  public static FitReport evaluate(TwinSpec spec, List<Incident> incidents, FitConfig config) {
    FaultFitter fitter = new FaultFitter(spec, config);
    List<FitOutcome> out = new ArrayList<>();
    for (Incident incident : incidents) {
      out.add(evaluate(fitter, spec, incident));
    }
    return new FitReport(out);
  }

  /** Fits one labelled incident. */
  public static FitOutcome evaluate(FaultFitter fitter, TwinSpec spec, Incident incident) {
    if (!incident.labelled()) {
      throw new IllegalArgumentException("incident " + incident.id() + " has no label");
    }
    List<FaultHypothesis> ranked = fit(fitter, spec, incident);
    int rank = 0;
    for (int i = 0; i < ranked.size() && rank == 0; i++) {
      rank = incident.label().matches(ranked.get(i)) ? i + 1 : 0;
    }
    FaultHypothesis top = ranked.isEmpty() ? null : ranked.get(0);
    return new FitOutcome(incident.id(), incident.label(), top, rank, ranked.size());
  }

  /**
   * The hypotheses that best reproduce the incident's symptoms on {@code spec}, best first: only
   * the endpoints the twin has take part, and the incident's baseline, when it has one, removes the
   * twin's standing bias ({@link FaultFitter#fit(Symptoms, Map)}).
   *
   * @throws IllegalArgumentException if the incident shares no endpoint with the twin
   */
  public static List<FaultHypothesis> fit(FaultFitter fitter, TwinSpec spec, Incident incident) {
    Symptoms symptoms = symptomsFor(incident, spec);
    Map<String, SymptomPoint> baseline = new HashMap<>(incident.baseline());
    baseline.keySet().retainAll(symptoms.names());
    return fitter.fit(symptoms, baseline);
  }

  /**
   * The incident's symptoms for the endpoints {@code spec} has.
   *
   * @throws IllegalArgumentException if the incident shares no endpoint with the twin
   */
  public static Symptoms symptomsFor(Incident incident, TwinSpec spec) {
    return restrict(incident, twinEndpoints(spec));
  }

  /** The incident's symptoms for the endpoints the twin has (by name or as request classes). */
  static Symptoms restrict(Incident incident, Set<String> twin) {
    List<EndpointSymptoms> kept =
        incident.symptoms().endpoints().stream().filter(e -> twin.contains(e.endpoint())).toList();
    if (kept.isEmpty()) {
      throw new IllegalArgumentException(
          "incident " + incident.id() + " shares no endpoint with the twin " + twin);
    }
    return new Symptoms(incident.symptoms().bucket(), kept);
  }

  /**
   * The twin's endpoint names, request classes ({@code endpoint @ caller}) as their endpoint, and
   * its external dependencies' names.
   */
  static Set<String> twinEndpoints(TwinSpec spec) {
    Set<String> out = new TreeSet<>();
    spec.dependencies().forEach(d -> out.add(d.name()));
    spec.services()
        .forEach(
            s ->
                s.endpoints()
                    .forEach(
                        e -> {
                          String name = s.name() + "/" + e.name();
                          int at = name.indexOf(" @ ");
                          out.add(at < 0 ? name : name.substring(0, at));
                        }));
    return out;
  }
}
