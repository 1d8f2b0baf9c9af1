package io.rehearsal.charts;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The ports a service really listens on, read from its {@code application.properties} over the
 * shared defaults of {@code services/common} (as Quarkus layers them): the chart must match these.
 *
 * @param http {@code quarkus.http.port}
 * @param grpc the gRPC port: {@code quarkus.grpc.server.port} on the separate gRPC server, the HTTP
 *     port when gRPC runs on the unified HTTP server
 * @param management {@code quarkus.management.port} when the management interface (health, metrics)
 *     is enabled, else 0
 */
record ServicePorts(int http, int grpc, int management) {

  /** Quarkus' own default for {@code quarkus.grpc.server.use-separate-server}. */
  private static final String QUARKUS_SEPARATE_SERVER_DEFAULT = "true";

  /** Quarkus' own default for {@code quarkus.management.port}. */
  private static final String QUARKUS_MANAGEMENT_PORT_DEFAULT = "9000";

  static ServicePorts of(String service) {
    Path root = HelmChart.repositoryRoot();
    Properties common =
        load(
            root.resolve(
                "services/common/src/main/resources/META-INF/microprofile-config.properties"));
    Properties own =
        load(root.resolve("services/" + service + "/src/main/resources/application.properties"));
    int http = Integer.parseInt(required(own, "quarkus.http.port", service));
    String separate =
        own.getProperty(
            "quarkus.grpc.server.use-separate-server",
            common.getProperty(
                "quarkus.grpc.server.use-separate-server", QUARKUS_SEPARATE_SERVER_DEFAULT));
    int grpc =
        Boolean.parseBoolean(separate.trim())
            ? Integer.parseInt(required(own, "quarkus.grpc.server.port", service))
            : http;
    int management =
        Boolean.parseBoolean(own.getProperty("quarkus.management.enabled", "false").trim())
            ? Integer.parseInt(
                own.getProperty("quarkus.management.port", QUARKUS_MANAGEMENT_PORT_DEFAULT).trim())
            : 0;
    return new ServicePorts(http, grpc, management);
  }

  /** The named container port that serves health and metrics. */
  String healthPortName() {
    return management > 0 ? "management" : "http";
  }

  private static String required(Properties properties, String key, String service) {
    String value = properties.getProperty(key);
    if (value == null) {
      throw new IllegalStateException(service + " application.properties has no " + key);
    }
    return value.trim();
  }

  private static Properties load(Path file) {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file)) {
      properties.load(reader);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    return properties;
  }
}
