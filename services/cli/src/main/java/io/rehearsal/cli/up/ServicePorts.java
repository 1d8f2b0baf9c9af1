package io.rehearsal.cli.up;

import java.net.URI;
import java.util.List;

/**
 * The two ports of one service.
 *
 * @param service the service
 * @param grpcPort its gRPC server port ({@code quarkus.grpc.server.port})
 * @param httpPort its HTTP port ({@code quarkus.http.port}), which also serves health
 */
record ServicePorts(Service service, int grpcPort, int httpPort) {

  static final String HOST = "127.0.0.1";

  ServicePorts {
    new PortClaim(grpcPort, service.grpcLabel(), service.grpcOption());
    new PortClaim(httpPort, service.httpLabel(), service.httpOption());
  }

  List<PortClaim> claims() {
    return List.of(
        new PortClaim(grpcPort, service.grpcLabel(), service.grpcOption()),
        new PortClaim(httpPort, service.httpLabel(), service.httpOption()));
  }

  String grpcAddress() {
    return HOST + ":" + grpcPort;
  }

  String httpAddress() {
    return HOST + ":" + httpPort;
  }

  /** SmallRye Health readiness: 200 once the service and its Redis connection are ready. */
  URI readinessUri() {
    return URI.create("http://" + httpAddress() + "/q/health/ready");
  }
}
