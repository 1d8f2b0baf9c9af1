package io.rehearsal.gateway.web;

import com.google.protobuf.InvalidProtocolBufferException;
import io.rehearsal.gateway.decision.DecisionDesk;
import io.rehearsal.proto.v1.Decision;
import io.rehearsal.proto.v1.Evaluation;
import io.rehearsal.proto.v1.ExplainRequest;
import io.rehearsal.proto.v1.Incident;
import io.rehearsal.proto.v1.IncidentState;
import io.rehearsal.store.AuditEntry;
import io.rehearsal.store.IncidentLifecycle;
import io.rehearsal.store.IncidentRecord;
import io.rehearsal.store.RedisStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads what the page shows about one decision: the decision and its explanation through the {@link
 * DecisionDesk}, its evaluation from the store, its incident from the detector's {@link
 * IncidentLifecycle}, the audit entry of each of its revisions from the audit log.
 */
final class DecisionPages {

  private final DecisionDesk desk;
  private final RedisStore store;
  private final IncidentLifecycle incidents;
  private final Clock clock;

  DecisionPages(DecisionDesk desk, RedisStore store, IncidentLifecycle incidents, Clock clock) {
    this.desk = desk;
    this.store = store;
    this.incidents = incidents;
    this.clock = clock;
  }

  /** The full page; GatewayException NOT_FOUND for an unknown id. */
  DetailPage detail(String id) {
    Decision d = desk.get(id);
    return DetailPage.of(
        d,
        evaluation(d),
        incident(d),
        desk.explain(ExplainRequest.newBuilder().setDecisionId(id).build()),
        status(d),
        clock.instant());
  }

  /** The part refreshed every 2 s. */
  StatusPart status(String id) {
    return status(desk.get(id));
  }

  StatusPart status(Decision d) {
    return StatusPart.of(d, audit(d));
  }

  /** The plots' data, empty when the decision has no stored evaluation. */
  Optional<com.fasterxml.jackson.databind.node.ObjectNode> plots(String id) {
    Decision d = desk.get(id);
    return evaluation(d).map(e -> PlotData.of(e, incident(d)));
  }

  private List<AuditEntry> audit(Decision d) {
    List<AuditEntry> out = new ArrayList<>();
    for (long r = 1; r <= d.getRevision(); r++) {
      store.audit().find("decision:" + d.getId() + ":" + r).ifPresent(out::add);
    }
    return out;
  }

  private Optional<Evaluation> evaluation(Decision d) {
    if (d.getEvaluationId().isEmpty()) {
      return Optional.empty();
    }
    return store
        .evaluations()
        .get(d.getEvaluationId())
        .map(b -> parse(b, Evaluation.parser(), d.getEvaluationId()));
  }

  private Optional<Incident> incident(Decision d) {
    String id = d.getRequest().getIncidentId();
    if (id.isEmpty()) {
      return Optional.empty();
    }
    return incidents.get(id).map(DecisionPages::incident);
  }

  /** The detector's stored incident with the id and state its lifecycle record holds. */
  private static Incident incident(IncidentRecord record) {
    return parse(record.payload(), Incident.parser(), record.id()).toBuilder()
        .setId(record.id())
        .setState(IncidentState.valueOf("INCIDENT_STATE_" + record.stage().name()))
        .build();
  }

  private static <T> T parse(byte[] bytes, com.google.protobuf.Parser<T> parser, String id) {
    try {
      return parser.parseFrom(bytes);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException(
          "stored record " + id + " is not readable: " + e.getMessage(), e);
    }
  }
}
