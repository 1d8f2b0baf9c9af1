package io.rehearsal.cli.up;

/**
 * One port that {@code rehearsal up} wants, with who wants it.
 *
 * @param port the TCP port
 * @param purpose the service and protocol, e.g. {@code gateway gRPC}
 * @param option the command-line option that sets it, e.g. {@code --gateway-grpc-port}
 */
record PortClaim(int port, String purpose, String option) {

  PortClaim {
    if (port < 1 || port > 65_535) {
      throw new IllegalArgumentException(option + " must be between 1 and 65535, but was " + port);
    }
  }
}
