package io.rehearsal.cli.up;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ServiceLaunchTest {

  private static final Path HOME = Path.of("/repo");
  private static final ServiceLaunch SANDBOX =
      new ServiceLaunch(
          new ServicePorts(Service.SANDBOX, 19091, 18081),
          Path.of("/jdk/bin/java"),
          HOME,
          Path.of("/logs/sandbox.log"),
          "redis://127.0.0.1:6380");

  @Test
  void shouldPassBothPortsAsQuarkusPropertiesWhenBuildingTheCommand() {
    assertThat(SANDBOX.command())
        .containsExactly(
            "/jdk/bin/java",
            "-Dquarkus.http.port=18081",
            "-Dquarkus.grpc.server.port=19091",
            "-jar",
            "/repo/services/sandbox/target/quarkus-app/quarkus-run.jar");
  }

  @Test
  void shouldServeGrpcOnTheHttpPortAndPassLocalCredentialsWhenLaunchingTheGateway() {
    ServiceLaunch gateway =
        new ServiceLaunch(
            new ServicePorts(Service.GATEWAY, 19090, 18080),
            Path.of("/jdk/bin/java"),
            HOME,
            Path.of("/logs/gateway.log"),
            "redis://127.0.0.1:6380");

    assertThat(gateway.command())
        .containsExactly(
            "/jdk/bin/java",
            "-Dquarkus.http.port=19090",
            "-Dquarkus.management.port=18080",
            "-Drehearsal.gateway.auth.local-credentials=/repo/.rehearsal/credentials",
            "-Dmp.jwt.verify.publickey.location=/repo/.rehearsal/credentials/jwt-public.pem",
            "-Dmp.jwt.verify.issuer=rehearsal-local",
            "-jar",
            "/repo/services/gateway/target/quarkus-app/quarkus-run.jar");
  }

  @Test
  void shouldSetRedisUrlLogFileAndModuleDirectoryWhenBuildingTheProcess() {
    ProcessBuilder builder = SANDBOX.processBuilder();

    assertThat(builder.environment())
        .containsEntry("REHEARSAL_REDIS_URL", "redis://127.0.0.1:6380");
    assertThat(builder.redirectOutput().file()).isEqualTo(new File("/logs/sandbox.log"));
    assertThat(builder.redirectErrorStream()).isTrue();
    assertThat(builder.directory()).isEqualTo(new File("/repo/services/sandbox"));
  }

  @Test
  void shouldRejectABlankRedisUri() {
    assertThatThrownBy(
            () ->
                new ServiceLaunch(
                    new ServicePorts(Service.GATEWAY, 9090, 8080),
                    Path.of("java"),
                    HOME,
                    Path.of("g.log"),
                    " "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("redisUri must not be blank, but was ' '");
  }
}
