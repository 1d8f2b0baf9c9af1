package io.rehearsal.detector.incident;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import io.lettuce.core.RedisException;
import io.quarkus.grpc.GrpcService;
import io.rehearsal.proto.v1.GetIncidentRequest;
import io.rehearsal.proto.v1.Incident;
import io.rehearsal.proto.v1.IncidentState;
import io.rehearsal.proto.v1.IncidentsGrpc;
import io.rehearsal.proto.v1.ListIncidentsRequest;
import io.rehearsal.proto.v1.ListIncidentsResponse;
import io.rehearsal.service.GrpcStatuses;
import io.rehearsal.store.IncidentLifecycle;
import io.rehearsal.store.IncidentRecord;
import io.smallrye.common.annotation.Blocking;
import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The gRPC {@code rehearsal.v1.Incidents} service: the incidents kept in Redis, read-only. Bad
 * arguments are INVALID_ARGUMENT naming the field, an unknown id NOT_FOUND, Redis down UNAVAILABLE.
 */
@GrpcService
class IncidentsService extends IncidentsGrpc.IncidentsImplBase {

  /** Incidents listed when the request gives no limit. */
  static final int DEFAULT_LIMIT = 100;

  /** The most incidents one list returns (and the recent incidents a state filter looks at). */
  static final int MAX_LIMIT = 1000;

  private static final Pattern ID = Pattern.compile("inc-\\d{8}-\\d{4,9}");

  private final IncidentLifecycle lifecycle;

  IncidentsService(IncidentBeans beans) {
    this.lifecycle = beans.lifecycle();
  }

  @Override
  @Blocking
  public void listIncidents(
      ListIncidentsRequest request, StreamObserver<ListIncidentsResponse> out) {
    try {
      int limit = limit(request.getLimit());
      Set<IncidentLifecycle.Stage> stages = stages(request);
      ListIncidentsResponse.Builder response = ListIncidentsResponse.newBuilder();
      int scan = stages.size() == 3 ? limit : MAX_LIMIT;
      for (IncidentRecord r : lifecycle.recent(scan)) {
        if (stages.contains(r.stage()) && response.getIncidentsCount() < limit) {
          response.addIncidents(IncidentProtos.view(r));
        }
      }
      out.onNext(response.build());
      out.onCompleted();
    } catch (RuntimeException e) {
      out.onError(status(e));
    }
  }

  @Override
  @Blocking
  public void getIncident(GetIncidentRequest request, StreamObserver<Incident> out) {
    String id = request.getIncidentId();
    try {
      if (!ID.matcher(id).matches()) {
        throw GrpcStatuses.badRequest(
            "incident_id",
            "must look like inc-YYYYMMDD-NNNN",
            "incident_id must look like inc-YYYYMMDD-NNNN, but was '" + id + "'");
      }
      IncidentRecord found =
          lifecycle
              .get(id)
              .orElseThrow(
                  () ->
                      Status.NOT_FOUND
                          .withDescription("incident '" + id + "' not found")
                          .asRuntimeException());
      out.onNext(IncidentProtos.view(found));
      out.onCompleted();
    } catch (RuntimeException e) {
      out.onError(status(e));
    }
  }

  private static int limit(int requested) {
    if (requested < 0) {
      throw GrpcStatuses.badRequest(
          "limit",
          "must be >= 0",
          "limit must be >= 0 (0 = " + DEFAULT_LIMIT + "), but was " + requested);
    }
    return requested == 0 ? DEFAULT_LIMIT : Math.min(requested, MAX_LIMIT);
  }

  private static Set<IncidentLifecycle.Stage> stages(ListIncidentsRequest request) {
    if (request.getStatesCount() == 0) {
      return EnumSet.allOf(IncidentLifecycle.Stage.class);
    }
    Set<IncidentLifecycle.Stage> stages = EnumSet.noneOf(IncidentLifecycle.Stage.class);
    for (int i = 0; i < request.getStatesCount(); i++) {
      IncidentState state = request.getStates(i);
      if (state == IncidentState.INCIDENT_STATE_UNSPECIFIED
          || state == IncidentState.UNRECOGNIZED) {
        throw GrpcStatuses.badRequest(
            "states[" + i + "]",
            "must be OPEN, MITIGATING or RESOLVED",
            "states[" + i + "] must be OPEN, MITIGATING or RESOLVED, but was " + state);
      }
      stages.add(IncidentProtos.stage(state));
    }
    return stages;
  }

  private static StatusRuntimeException status(RuntimeException e) {
    if (e instanceof RedisException) {
      return Status.UNAVAILABLE
          .withDescription("Redis unavailable: " + e.getMessage())
          .withCause(e)
          .asRuntimeException();
    }
    return GrpcStatuses.unexpected(e);
  }
}
