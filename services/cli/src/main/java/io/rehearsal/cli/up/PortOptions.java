package io.rehearsal.cli.up;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** The six port options of {@code rehearsal up}; validated together before anything starts. */
final class PortOptions {

  @Option(
      names = "--gateway-grpc-port",
      paramLabel = "PORT",
      defaultValue = "9090",
      description = "Gateway gRPC port (default: ${DEFAULT-VALUE}).")
  int gatewayGrpc;

  @Option(
      names = "--gateway-http-port",
      paramLabel = "PORT",
      defaultValue = "8080",
      description = "Gateway HTTP port (default: ${DEFAULT-VALUE}).")
  int gatewayHttp;

  @Option(
      names = "--sandbox-grpc-port",
      paramLabel = "PORT",
      defaultValue = "9091",
      description = "Sandbox gRPC port (default: ${DEFAULT-VALUE}).")
  int sandboxGrpc;

  @Option(
      names = "--sandbox-http-port",
      paramLabel = "PORT",
      defaultValue = "8081",
      description = "Sandbox HTTP port (default: ${DEFAULT-VALUE}).")
  int sandboxHttp;

  @Option(
      names = "--otlp-grpc-port",
      paramLabel = "PORT",
      defaultValue = "4317",
      description = "Detector OTLP/gRPC receiver port (default: ${DEFAULT-VALUE}).")
  int otlpGrpc;

  @Option(
      names = "--otlp-http-port",
      paramLabel = "PORT",
      defaultValue = "4318",
      description = "Detector OTLP/HTTP and health port (default: ${DEFAULT-VALUE}).")
  int otlpHttp;

  /**
   * The ports per service, in start order.
   *
   * @throws IllegalArgumentException naming the option when a port is out of range or two options
   *     name the same port
   */
  List<ServicePorts> resolve() {
    List<ServicePorts> ports =
        List.of(
            new ServicePorts(Service.DETECTOR, otlpGrpc, otlpHttp),
            new ServicePorts(Service.SANDBOX, sandboxGrpc, sandboxHttp),
            new ServicePorts(Service.GATEWAY, gatewayGrpc, gatewayHttp));
    requireDistinct(ports);
    return ports;
  }

  private static void requireDistinct(List<ServicePorts> ports) {
    Map<Integer, PortClaim> seen = new HashMap<>();
    for (ServicePorts service : ports) {
      for (PortClaim claim : service.claims()) {
        PortClaim earlier = seen.putIfAbsent(claim.port(), claim);
        if (earlier != null) {
          throw new IllegalArgumentException(
              earlier.option()
                  + " and "
                  + claim.option()
                  + " must differ, but both are "
                  + claim.port());
        }
      }
    }
  }
}
