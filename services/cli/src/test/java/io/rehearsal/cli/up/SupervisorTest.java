package io.rehearsal.cli.up;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs real processes: a stand-in "java" script that records its arguments and environment, then
 * runs until stopped (or exits with the code in its EXIT_CODE file).
 */
class SupervisorTest {

  @TempDir Path home;

  private final StringWriter out = new StringWriter();
  private Supervisor supervisor;
  private Path java;

  @BeforeEach
  void setUp() throws IOException {
    supervisor = new Supervisor(Ticker.system(), Duration.ofSeconds(5), new PrintWriter(out, true));
    java = home.resolve("fake-java");
    Files.writeString(
        java,
        "#!/bin/bash\n"
            + "echo \"args: $*\"\n"
            + "echo \"redis: $REHEARSAL_REDIS_URL\"\n"
            + "echo \"cwd: $PWD\"\n"
            + "if [ -f EXIT_CODE ]; then exit \"$(cat EXIT_CODE)\"; fi\n"
            + "sleep 300 & wait\n");
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwx------"));
    for (Service service : Service.values()) {
      Files.createDirectories(service.moduleDir(home));
    }
  }

  @AfterEach
  void tearDown() {
    supervisor.close();
  }

  @Test
  void shouldRunEachServiceWithItsPortsRedisAndLogFileWhenStarted() throws Exception {
    ServiceProcess sandbox = supervisor.start(launch(Service.SANDBOX, 19091, 18081));

    String log = awaitLog(sandbox, "cwd: ");

    assertThat(log)
        .contains("args: -Dquarkus.http.port=18081 -Dquarkus.grpc.server.port=19091 -jar ")
        .contains("redis: redis://127.0.0.1:7000")
        .contains("cwd: " + Service.SANDBOX.moduleDir(home).toRealPath());
    assertThat(sandbox.isAlive()).isTrue();
  }

  @Test
  void shouldReturnTheServiceThatExitedWhenOneDies() throws Exception {
    supervisor.start(launch(Service.GATEWAY, 19090, 18080));
    Files.writeString(Service.DETECTOR.moduleDir(home).resolve("EXIT_CODE"), "7");
    ServiceProcess detector = supervisor.start(launch(Service.DETECTOR, 14317, 14318));

    ServiceProcess exited = supervisor.awaitAnyExit();

    assertThat(exited).isEqualTo(detector);
    assertThat(exited.process().exitValue()).isEqualTo(7);
  }

  @Test
  void shouldStopEveryServiceAndItsChildrenWhenClosed() throws Exception {
    ServiceProcess gateway = supervisor.start(launch(Service.GATEWAY, 19090, 18080));
    ServiceProcess sandbox = supervisor.start(launch(Service.SANDBOX, 19091, 18081));
    awaitLog(gateway, "cwd: ");
    awaitLog(sandbox, "cwd: ");
    List<ProcessHandle> children =
        List.of(gateway, sandbox).stream()
            .flatMap(s -> s.process().toHandle().descendants())
            .toList();

    supervisor.close();

    assertThat(gateway.isAlive()).isFalse();
    assertThat(sandbox.isAlive()).isFalse();
    assertThat(children).isNotEmpty().noneMatch(ProcessTree::isRunning);
    assertThat(out.toString())
        .contains("stopping gateway, sandbox...")
        .contains("stopped gateway (pid " + gateway.pid() + ")")
        .contains("stopped sandbox (pid " + sandbox.pid() + ")");
  }

  @Test
  void shouldRefuseToStartWhenAlreadyClosed() {
    supervisor.close();

    assertThatThrownBy(() -> supervisor.start(launch(Service.GATEWAY, 19090, 18080)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("stopping: gateway not started");
  }

  private ServiceLaunch launch(Service service, int grpc, int http) {
    return new ServiceLaunch(
        new ServicePorts(service, grpc, http),
        java,
        home,
        home.resolve(service.id() + ".log"),
        "redis://127.0.0.1:7000");
  }

  private static String awaitLog(ServiceProcess service, String marker) throws Exception {
    for (int i = 0; i < 500; i++) {
      String log = Files.readString(service.logFile());
      if (log.contains(marker) && !service.process().toHandle().descendants().findAny().isEmpty()) {
        return log;
      }
      Thread.sleep(10);
    }
    throw new AssertionError("no '" + marker + "' in " + Files.readString(service.logFile()));
  }
}
