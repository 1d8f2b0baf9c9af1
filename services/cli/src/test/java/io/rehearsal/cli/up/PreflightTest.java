package io.rehearsal.cli.up;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rehearsal.cli.CommandFailure;
import io.rehearsal.cli.ports.PortOwner;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreflightTest {

  private static final long SELF = ProcessHandle.current().pid();

  @Test
  void shouldNamePortPurposeOptionAndHolderWhenAPortIsTaken() throws IOException {
    try (ServerSocket taken = new ServerSocket(0);
        ServerSocket free = new ServerSocket(0)) {
      int port = taken.getLocalPort();
      int other = free.getLocalPort();
      free.close();
      List<ServicePorts> services = List.of(new ServicePorts(Service.SANDBOX, other, port));

      assertThatThrownBy(() -> Preflight.requireFreePorts(services, PortOwner.system()))
          .isInstanceOf(CommandFailure.class)
          .hasMessageStartingWith(
              "port "
                  + port
                  + " (sandbox HTTP, --sandbox-http-port) is already in use by pid "
                  + SELF)
          .hasMessageContaining("nothing was started")
          .hasMessageNotContaining("port " + other);
    }
  }

  @Test
  void shouldPassWhenEveryPortIsFree() throws IOException {
    int grpc;
    int http;
    try (ServerSocket a = new ServerSocket(0);
        ServerSocket b = new ServerSocket(0)) {
      grpc = a.getLocalPort();
      http = b.getLocalPort();
    }
    List<ServicePorts> services = List.of(new ServicePorts(Service.GATEWAY, grpc, http));

    assertThatCode(() -> Preflight.requireFreePorts(services, PortOwner.system()))
        .doesNotThrowAnyException();
  }

  @Test
  void shouldNameEachMissingJarWhenServicesAreNotBuilt(@TempDir Path home) throws IOException {
    Path gatewayJar = Service.GATEWAY.runJar(home);
    Files.createDirectories(gatewayJar.getParent());
    Files.createFile(gatewayJar);
    List<ServicePorts> services =
        List.of(
            new ServicePorts(Service.DETECTOR, 4317, 4318),
            new ServicePorts(Service.GATEWAY, 9090, 8080));

    assertThatThrownBy(() -> Preflight.requireJars(home, services))
        .isInstanceOf(CommandFailure.class)
        .hasMessageContaining(Service.DETECTOR.runJar(home).toString())
        .hasMessageNotContaining(gatewayJar.toString())
        .hasMessageContaining("./mvnw -DskipTests package");
  }
}
