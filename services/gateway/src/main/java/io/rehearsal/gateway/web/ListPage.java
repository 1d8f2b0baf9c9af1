package io.rehearsal.gateway.web;

import io.quarkus.qute.TemplateData;
import io.rehearsal.gateway.decision.Transition;
import io.rehearsal.proto.v1.Decision;
import io.rehearsal.proto.v1.DecisionState;
import io.rehearsal.proto.v1.ReviewVerdict;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The decision list as the page shows it: grouped by incident, newest first within and across. */
final class ListPage {

  private ListPage() {}

  /** One decision's line. */
  @TemplateData
  record Row(
      String id,
      String created,
      String state,
      String action,
      String service,
      String environment,
      String requester,
      String approvals,
      String expires,
      boolean overdue) {}

  /** The decisions of one incident ("no incident" for planned changes), newest first. */
  @TemplateData
  record Group(String incident, List<Row> rows) {}

  /** Groups {@code newestFirst} by incident, ordered by each incident's newest decision. */
  static List<Group> groups(List<Decision> newestFirst, Instant now) {
    Map<String, List<Row>> byIncident = new LinkedHashMap<>();
    for (Decision d : newestFirst) {
      String incident =
          d.getRequest().getIncidentId().isEmpty() ? "no incident" : d.getRequest().getIncidentId();
      byIncident.computeIfAbsent(incident, k -> new ArrayList<>()).add(row(d, now));
    }
    List<Group> out = new ArrayList<>();
    byIncident.forEach((k, v) -> out.add(new Group(k, List.copyOf(v))));
    return out;
  }

  static Row row(Decision d, Instant now) {
    return new Row(
        d.getId(),
        Format.time(d.getCreatedAt()),
        state(d.getState()),
        action(d),
        d.getRequest().getRemediation().getTarget().getService(),
        Format.name(d.getRequest().getEnvironment(), "ENVIRONMENT_"),
        d.getRequest().getRequester(),
        approvals(d),
        Format.time(d.getExpiresAt()),
        overdue(d, now));
  }

  /**
   * Whether a decision still waiting is past its expiry: the gateway marks it EXPIRED when someone
   * next touches it, and refuses approvals from then on.
   */
  static boolean overdue(Decision d, Instant now) {
    return !Transition.terminal(d.getState())
        && d.hasExpiresAt()
        && Format.instant(d.getExpiresAt()).isBefore(now);
  }

  static String state(DecisionState s) {
    return Format.name(s, "DECISION_STATE_");
  }

  static String action(Decision d) {
    var r = d.getRequest().getRemediation();
    String summary = r.getSummary().isEmpty() ? r.getId() : r.getSummary();
    return Format.name(r.getActionCase(), "") + ": " + summary;
  }

  /** {@code approvals/required}, or "—" when no person needs to approve. */
  static String approvals(Decision d) {
    if (d.getRequiredApprovers() == 0) {
      return "—";
    }
    long given =
        d.getReviewsList().stream()
            .filter(r -> r.getVerdict() == ReviewVerdict.REVIEW_VERDICT_APPROVE)
            .count();
    return given + "/" + d.getRequiredApprovers();
  }
}
