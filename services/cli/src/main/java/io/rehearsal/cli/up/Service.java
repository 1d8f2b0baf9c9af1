package io.rehearsal.cli.up;

import java.nio.file.Path;

/**
 * The Quarkus services that {@code rehearsal up} runs, in start order. Their default ports are the
 * defaults of the options in {@link PortOptions}.
 */
enum Service {
  DETECTOR("detector", "OTLP gRPC", "OTLP HTTP", "otlp"),
  SANDBOX("sandbox", "gRPC", "HTTP", "sandbox"),
  GATEWAY("gateway", "gRPC", "HTTP", "gateway");

  private final String id;
  private final String grpcLabel;
  private final String httpLabel;
  private final String optionPrefix;

  Service(String id, String grpcLabel, String httpLabel, String optionPrefix) {
    this.id = id;
    this.grpcLabel = grpcLabel;
    this.httpLabel = httpLabel;
    this.optionPrefix = optionPrefix;
  }

  /** The module directory name under {@code services/} and the name printed to the user. */
  String id() {
    return id;
  }

  String grpcOption() {
    return "--" + optionPrefix + "-grpc-port";
  }

  String httpOption() {
    return "--" + optionPrefix + "-http-port";
  }

  String grpcLabel() {
    return id + " " + grpcLabel;
  }

  String httpLabel() {
    return id + " " + httpLabel;
  }

  /** The runnable jar that {@code ./mvnw package} builds for this service. */
  Path runJar(Path home) {
    return home.resolve("services").resolve(id).resolve("target/quarkus-app/quarkus-run.jar");
  }

  /** The working directory of the service process: its module, so its {@code config/} applies. */
  Path moduleDir(Path home) {
    return home.resolve("services").resolve(id);
  }
}
