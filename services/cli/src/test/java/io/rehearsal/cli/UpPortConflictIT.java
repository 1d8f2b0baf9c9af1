package io.rehearsal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./rehearsal up} with a port already taken: a clear error, exit 1, nothing started. */
class UpPortConflictIT {

  @TempDir Path tmp;

  @Test
  void shouldExitWith1NamingThePortAndThisJvmWhenAPortIsTaken() throws Exception {
    List<Integer> p = FreePorts.pick(5);
    try (ServerSocket taken = new ServerSocket(0);
        LauncherRun run =
            LauncherRun.start(
                List.of(
                    "up",
                    "--otlp-grpc-port=" + p.get(0),
                    "--otlp-http-port=" + p.get(1),
                    "--sandbox-grpc-port=" + taken.getLocalPort(),
                    "--sandbox-http-port=" + p.get(2),
                    "--gateway-grpc-port=" + p.get(3),
                    "--gateway-http-port=" + p.get(4),
                    "--data-dir=" + tmp.resolve("redis"),
                    "--log-dir=" + tmp.resolve("logs")),
                tmp.resolve("out.txt"))) {

      int exitCode = run.awaitExit(Duration.ofSeconds(60));

      String output = run.output();
      assertThat(exitCode).as(output).isEqualTo(1);
      assertThat(output)
          .contains(
              "port "
                  + taken.getLocalPort()
                  + " (sandbox gRPC, --sandbox-grpc-port) is already in use by pid "
                  + ProcessHandle.current().pid())
          .contains("nothing was started")
          .doesNotContain(
              "started detector", "started sandbox", "started gateway", "Redis redis://");
      assertThat(tmp.resolve("logs")).doesNotExist();
      assertThat(tmp.resolve("redis")).doesNotExist();
    }
  }
}
