package io.rehearsal.cli.up;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How to start one service: {@code java -Dquarkus.http.port=.. -Dquarkus.grpc.server.port=.. -jar
 * services/<svc>/target/quarkus-app/quarkus-run.jar} with {@code REHEARSAL_REDIS_URL} set, output
 * to a log file. The gateway differs: gRPC on {@code quarkus.http.port}, health on {@code
 * quarkus.management.port}, and local credentials under {@code .rehearsal/credentials}.
 *
 * @param ports the service and its ports
 * @param java the java executable
 * @param home the repository root
 * @param logFile where the service's stdout and stderr go (truncated at start)
 * @param redisUri the Redis the service must use
 * @param properties extra {@code -Dkey=value} settings ({@code rehearsal demo} points the detector,
 *     gateway and sandbox at its own twin file, hook and directories)
 */
record ServiceLaunch(
    ServicePorts ports,
    Path java,
    Path home,
    Path logFile,
    String redisUri,
    Map<String, String> properties) {

  /** The gateway's local verification key file (io.rehearsal.gateway.security.LocalCredentials). */
  static final String GATEWAY_PUBLIC_KEY = "jwt-public.pem";

  /** The issuer of the gateway's local tokens. */
  static final String GATEWAY_ISSUER = "rehearsal-local";

  /** The environment variable every service reads its Redis address from. */
  static final String REDIS_ENV = "REHEARSAL_REDIS_URL";

  ServiceLaunch {
    if (redisUri == null || redisUri.isBlank()) {
      throw new IllegalArgumentException("redisUri must not be blank, but was '" + redisUri + "'");
    }
    properties = Map.copyOf(new TreeMap<>(properties));
  }

  /** A launch with the service's own configuration only. */
  ServiceLaunch(ServicePorts ports, Path java, Path home, Path logFile, String redisUri) {
    this(ports, java, home, logFile, redisUri, Map.of());
  }

  Service service() {
    return ports.service();
  }

  /** Where the gateway keeps the local stack's signing key and tokens (owner-only files). */
  static Path credentialsDir(Path home) {
    return home.resolve(".rehearsal").resolve("credentials");
  }

  List<String> command() {
    List<String> command = new ArrayList<>();
    command.add(java.toString());
    command.addAll(portProperties());
    if (service() == Service.GATEWAY) {
      command.addAll(gatewayCredentials());
    }
    new TreeMap<>(properties).forEach((key, value) -> command.add("-D" + key + "=" + value));
    command.add("-jar");
    command.add(service().runJar(home).toString());
    return command;
  }

  /**
   * The gateway serves gRPC on Quarkus' HTTP server (so HTTP security applies to it) and health on
   * its management interface; the other services run a separate gRPC server.
   */
  private List<String> portProperties() {
    if (service() == Service.GATEWAY) {
      return List.of(
          "-Dquarkus.http.port=" + ports.grpcPort(),
          "-Dquarkus.management.port=" + ports.httpPort());
    }
    return List.of(
        "-Dquarkus.http.port=" + ports.httpPort(),
        "-Dquarkus.grpc.server.port=" + ports.grpcPort());
  }

  /**
   * Local credentials: the gateway writes a key pair and a token per role on first start and
   * verifies tokens against that key like any configured key set (production mode refuses to start
   * with no key set at all).
   */
  private List<String> gatewayCredentials() {
    Path dir = credentialsDir(home);
    return List.of(
        "-Drehearsal.gateway.auth.local-credentials=" + dir,
        "-Dmp.jwt.verify.publickey.location=" + dir.resolve(GATEWAY_PUBLIC_KEY),
        "-Dmp.jwt.verify.issuer=" + GATEWAY_ISSUER);
  }

  ProcessBuilder processBuilder() {
    ProcessBuilder builder = new ProcessBuilder(command());
    builder.directory(service().moduleDir(home).toFile());
    builder.environment().put(REDIS_ENV, redisUri);
    builder.redirectErrorStream(true);
    builder.redirectOutput(logFile.toFile());
    builder.redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
    return builder;
  }

  /** Services never read the terminal: Ctrl-C and typing stay with the CLI. */
  private static java.io.File nullDevice() {
    return new java.io.File("/dev/null");
  }
}
