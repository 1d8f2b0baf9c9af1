package io.rehearsal.cli.incidents;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.rehearsal.cli.CommandFailure;
import io.rehearsal.proto.v1.GetIncidentRequest;
import io.rehearsal.proto.v1.Incident;
import io.rehearsal.proto.v1.IncidentsGrpc;
import io.rehearsal.proto.v1.ListIncidentsRequest;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Calls the detector's gRPC {@code Incidents} service, one plaintext channel per call, and turns
 * its failures into messages for the terminal: unreachable, unknown id, refused argument.
 */
final class DetectorClient {

  /** How long one call may take. */
  static final long DEADLINE_SECONDS = 10;

  private final String target;

  DetectorClient(String target) {
    this.target = target;
  }

  List<Incident> list(ListIncidentsRequest request) {
    return call(stub -> stub.listIncidents(request).getIncidentsList(), "");
  }

  Incident get(String id) {
    return call(
        stub -> stub.getIncident(GetIncidentRequest.newBuilder().setIncidentId(id).build()), id);
  }

  private <T> T call(Function<IncidentsGrpc.IncidentsBlockingStub, T> rpc, String id) {
    ManagedChannel channel = ManagedChannelBuilder.forTarget(target).usePlaintext().build();
    try {
      return rpc.apply(
          IncidentsGrpc.newBlockingStub(channel)
              .withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS));
    } catch (StatusRuntimeException e) {
      throw failure(e.getStatus(), id);
    } catch (IllegalArgumentException e) {
      throw new CommandFailure(
          "--detector '" + target + "' is not a gRPC address: " + e.getMessage());
    } finally {
      channel.shutdownNow();
    }
  }

  private CommandFailure failure(Status status, String id) {
    String why = status.getDescription() == null ? "" : ": " + status.getDescription();
    return switch (status.getCode()) {
      case UNAVAILABLE ->
          new CommandFailure(
              "cannot reach the detector at "
                  + target
                  + why
                  + " (is it running? './rehearsal up' serves it on localhost:4317; or give"
                  + " --detector HOST:PORT)");
      case DEADLINE_EXCEEDED ->
          new CommandFailure(
              "the detector at " + target + " did not answer within " + DEADLINE_SECONDS + " s");
      case NOT_FOUND -> new CommandFailure("no incident '" + id + "' at the detector " + target);
      case UNIMPLEMENTED ->
          new CommandFailure(
              target + " does not serve rehearsal.v1.Incidents (an older detector, or not one)");
      default ->
          new CommandFailure("the detector at " + target + " answered " + status.getCode() + why);
    };
  }
}
