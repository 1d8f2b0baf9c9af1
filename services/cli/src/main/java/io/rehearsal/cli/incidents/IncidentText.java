package io.rehearsal.cli.incidents;

import com.google.protobuf.Timestamp;
import io.rehearsal.proto.v1.Incident;
import io.rehearsal.proto.v1.IncidentStateChange;
import io.rehearsal.proto.v1.IncidentStep;
import io.rehearsal.proto.v1.Remediation;
import io.rehearsal.proto.v1.SuspectedTarget;
import io.rehearsal.proto.v1.SymptomSeries;
import io.rehearsal.proto.v1.Target;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Incidents as text (a table, one incident's details) and as JSON-ready maps. */
final class IncidentText {

  private static final int TITLE_WIDTH = 60;

  private IncidentText() {}

  /** The table: id, state, severity, title, onset, age (since detection). */
  static void table(List<Incident> incidents, Instant now, PrintWriter out) {
    if (incidents.isEmpty()) {
      out.println("No incidents.");
      return;
    }
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"ID", "STATE", "SEVERITY", "TITLE", "ONSET", "AGE"});
    for (Incident i : incidents) {
      rows.add(
          new String[] {
            i.getId(),
            state(i),
            severity(i),
            clip(i.getTitle()),
            time(i.getOnset()),
            age(i.getDetectedAt(), now)
          });
    }
    print(rows, out);
  }

  /** One incident: summary, symptoms, suspects, timeline and the later steps. */
  static void details(Incident i, Instant now, PrintWriter out) {
    out.printf("%s  %s  %s%n", i.getId(), state(i), severity(i));
    out.printf("title:     %s%n", i.getTitle());
    out.printf("onset:     %s%n", time(i.getOnset()));
    out.printf("detected:  %s (%s ago)%n", time(i.getDetectedAt()), age(i.getDetectedAt(), now));
    out.printf("resolved:  %s%n", i.hasResolvedAt() ? time(i.getResolvedAt()) : "-");
    out.printf("services:  %s%n", String.join(", ", i.getServicesList()));
    out.printf("reopened:  %d  revision: %d%n", i.getReopened(), i.getRevision());
    out.println();
    out.println("Symptoms:");
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"  SERVICE", "ENDPOINT", "METRIC", "VALUE", "BASELINE", "SINCE"});
    for (SymptomSeries s : i.getSymptomsList()) {
      rows.add(
          new String[] {
            "  " + s.getTarget().getService(),
            s.getTarget().getEndpoint(),
            metric(s),
            number(s.getPointsCount() == 0 ? Double.NaN : s.getPoints(0).getValue()),
            number(s.getBaseline()),
            time(s.getOnset())
          });
    }
    print(rows, out);
    out.println();
    out.println("Suspects:");
    if (i.getSuspectedTargetsCount() == 0) {
      out.println("  (none yet)");
    }
    for (SuspectedTarget t : i.getSuspectedTargetsList()) {
      out.printf(
          Locale.ROOT, "  %-30s %.2f  %s%n", target(t.getTarget()), t.getScore(), t.getReason());
    }
    out.println();
    out.println("Timeline:");
    for (IncidentStateChange c : i.getTimelineList()) {
      out.printf("  %s  %-10s  %s%n", time(c.getAt()), name(c.getState().name()), c.getReason());
    }
    out.println();
    out.println("Proposals:");
    if (i.getProposalsCount() == 0) {
      out.println("  (none yet)");
    }
    for (Remediation r : i.getProposalsList()) {
      out.printf(
          "  %s: %s on %s%n",
          r.getId(), r.getActionCase().name().toLowerCase(Locale.ROOT), target(r.getTarget()));
      if (!r.getSummary().isEmpty()) {
        out.printf("      %s%n", r.getSummary());
      }
    }
    out.printf("Evaluation: %s%n", orDash(i.getEvaluationId()));
    out.printf("Decision:   %s%n", decision(i));
    out.println();
    out.println("Loop:");
    if (i.getLoopStepsCount() == 0) {
      out.println("  (no step yet)");
    }
    for (IncidentStep s : i.getLoopStepsList()) {
      out.printf(
          "  %s  %-10s  %-13s %s%s%n",
          time(s.getAt()),
          s.getStep(),
          s.getStatus(),
          s.getAttempt() > 1 ? "(attempt " + s.getAttempt() + ") " : "",
          s.getDetail());
    }
  }

  /** The decision's id and its latest state the loop recorded, e.g. {@code dec-1 EXECUTING}. */
  private static String decision(Incident i) {
    String state = decisionState(i);
    return i.getDecisionId().isEmpty()
        ? "-"
        : i.getDecisionId() + (state == null ? "" : "  " + state);
  }

  /** The latest decision state among the loop's steps, or null when none is recorded. */
  private static String decisionState(Incident i) {
    String state = null;
    for (IncidentStep s : i.getLoopStepsList()) {
      if (s.getStep().equals("decision")
          && s.getStatus().equals(s.getStatus().toUpperCase(Locale.ROOT))) {
        state = s.getStatus();
      }
    }
    return state;
  }

  /** The table's fields, for {@code --json}. */
  static Map<String, Object> summary(Incident i, Instant now) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", i.getId());
    m.put("state", state(i));
    m.put("severity", severity(i));
    m.put("title", i.getTitle());
    m.put("onset", time(i.getOnset()));
    m.put("detected_at", time(i.getDetectedAt()));
    m.put("age_s", ageSeconds(i.getDetectedAt(), now));
    m.put("services", i.getServicesList());
    return m;
  }

  /** Every field of one incident, for {@code --json}. */
  static Map<String, Object> full(Incident i, Instant now) {
    Map<String, Object> m = summary(i, now);
    m.put("resolved_at", i.hasResolvedAt() ? time(i.getResolvedAt()) : null);
    m.put("reopened", i.getReopened());
    m.put("revision", i.getRevision());
    List<Map<String, Object>> symptoms = new ArrayList<>();
    for (SymptomSeries s : i.getSymptomsList()) {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("service", s.getTarget().getService());
      x.put("endpoint", s.getTarget().getEndpoint());
      x.put("metric", metric(s));
      x.put("value", s.getPointsCount() == 0 ? null : s.getPoints(0).getValue());
      x.put("baseline", s.getBaseline());
      x.put("onset", time(s.getOnset()));
      symptoms.add(x);
    }
    m.put("symptoms", symptoms);
    List<Map<String, Object>> suspects = new ArrayList<>();
    for (SuspectedTarget t : i.getSuspectedTargetsList()) {
      suspects.add(
          Map.of("target", target(t.getTarget()), "score", t.getScore(), "reason", t.getReason()));
    }
    m.put("suspects", suspects);
    List<Map<String, Object>> timeline = new ArrayList<>();
    for (IncidentStateChange c : i.getTimelineList()) {
      timeline.add(
          Map.of(
              "state", name(c.getState().name()), "at", time(c.getAt()), "reason", c.getReason()));
    }
    m.put("timeline", timeline);
    m.put(
        "proposals",
        i.getProposalsList().stream()
            .map(
                r ->
                    Map.of(
                        "id",
                        r.getId(),
                        "action",
                        r.getActionCase().name().toLowerCase(Locale.ROOT),
                        "target",
                        target(r.getTarget()),
                        "summary",
                        r.getSummary()))
            .toList());
    m.put("evaluation_id", i.getEvaluationId().isEmpty() ? null : i.getEvaluationId());
    m.put("decision_id", i.getDecisionId().isEmpty() ? null : i.getDecisionId());
    m.put("decision_state", decisionState(i));
    List<Map<String, Object>> steps = new ArrayList<>();
    for (IncidentStep s : i.getLoopStepsList()) {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("step", s.getStep());
      x.put("status", s.getStatus());
      x.put("at", time(s.getAt()));
      x.put("attempt", s.getAttempt());
      x.put("detail", s.getDetail());
      steps.add(x);
    }
    m.put("loop_steps", steps);
    return m;
  }

  private static void print(List<String[]> rows, PrintWriter out) {
    int[] widths = new int[rows.get(0).length];
    for (String[] row : rows) {
      for (int c = 0; c < row.length; c++) {
        widths[c] = Math.max(widths[c], row[c].length());
      }
    }
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int c = 0; c < row.length; c++) {
        line.append(c == row.length - 1 ? row[c] : String.format("%-" + widths[c] + "s  ", row[c]));
      }
      out.println(line.toString().stripTrailing());
    }
  }

  static String state(Incident i) {
    return name(i.getState().name());
  }

  static String severity(Incident i) {
    return name(i.getSeverity().name());
  }

  private static String metric(SymptomSeries s) {
    return name(s.getMetric().name());
  }

  /** {@code INCIDENT_STATE_OPEN} → {@code OPEN}: the enum value without its prefix. */
  private static String name(String enumName) {
    for (String prefix : List.of("INCIDENT_STATE_", "SEVERITY_", "METRIC_KIND_")) {
      if (enumName.startsWith(prefix)) {
        return enumName.substring(prefix.length());
      }
    }
    return enumName;
  }

  private static String target(Target t) {
    if (!t.getDependency().isEmpty()) {
      return t.getDependency();
    }
    return t.getEndpoint().isEmpty() ? t.getService() : t.getService() + " " + t.getEndpoint();
  }

  static String time(Timestamp t) {
    if (t.getSeconds() == 0 && t.getNanos() == 0) {
      return "-";
    }
    return Instant.ofEpochSecond(t.getSeconds()).toString();
  }

  private static long ageSeconds(Timestamp detected, Instant now) {
    return Math.max(0, now.getEpochSecond() - detected.getSeconds());
  }

  /** A short age: {@code 45s}, {@code 12m05s}, {@code 3h07m}, {@code 2d04h}. */
  static String age(Timestamp detected, Instant now) {
    Duration d = Duration.ofSeconds(ageSeconds(detected, now));
    if (d.toMinutes() < 1) {
      return d.toSeconds() + "s";
    }
    if (d.toHours() < 1) {
      return String.format(Locale.ROOT, "%dm%02ds", d.toMinutes(), d.toSecondsPart());
    }
    if (d.toDays() < 1) {
      return String.format(Locale.ROOT, "%dh%02dm", d.toHours(), d.toMinutesPart());
    }
    return String.format(Locale.ROOT, "%dd%02dh", d.toDays(), d.toHoursPart());
  }

  private static String clip(String title) {
    return title.length() <= TITLE_WIDTH ? title : title.substring(0, TITLE_WIDTH - 1) + "…";
  }

  private static String number(double v) {
    if (Double.isNaN(v)) {
      return "-";
    }
    return String.format(Locale.ROOT, Math.abs(v) >= 100 ? "%.0f" : "%.3g", v);
  }

  private static String orDash(String s) {
    return s.isEmpty() ? "-" : s;
  }
}
