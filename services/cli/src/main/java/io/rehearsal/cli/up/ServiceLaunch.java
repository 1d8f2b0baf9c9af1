package io.rehearsal.cli.up;

import java.nio.file.Path;
import java.util.List;

/**
 * How to start one service: {@code java -Dquarkus.http.port=.. -Dquarkus.grpc.server.port=.. -jar
 * services/<svc>/target/quarkus-app/quarkus-run.jar} with {@code REHEARSAL_REDIS_URL} set, output
 * to a log file.
 *
 * @param ports the service and its ports
 * @param java the java executable
 * @param home the repository root
 * @param logFile where the service's stdout and stderr go (truncated at start)
 * @param redisUri the Redis the service must use
 */
record ServiceLaunch(ServicePorts ports, Path java, Path home, Path logFile, String redisUri) {

  /** The environment variable every service reads its Redis address from. */
  static final String REDIS_ENV = "REHEARSAL_REDIS_URL";

  ServiceLaunch {
    if (redisUri == null || redisUri.isBlank()) {
      throw new IllegalArgumentException("redisUri must not be blank, but was '" + redisUri + "'");
    }
  }

  Service service() {
    return ports.service();
  }

  List<String> command() {
    return List.of(
        java.toString(),
        "-Dquarkus.http.port=" + ports.httpPort(),
        "-Dquarkus.grpc.server.port=" + ports.grpcPort(),
        "-jar",
        service().runJar(home).toString());
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
