package io.rehearsal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Runs the real {@code ./rehearsal up} (three Quarkus services and an embedded redis-server) on
 * free ports, checks every service over gRPC and HTTP, stops it with a signal and checks that
 * nothing it started is left running.
 */
class UpIT {

  private static final Duration READY_TIMEOUT = Duration.ofSeconds(330);
  private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(60);

  @TempDir Path tmp;

  @ParameterizedTest(name = "SIG{0}")
  @CsvSource({"INT, 130", "TERM, 143"})
  void shouldServeHealthAndLeaveNothingRunningWhenStoppedBySignal(String signal, int exitCode)
      throws Exception {
    List<Integer> p = FreePorts.pick(6);
    Map<String, Integer> grpcPorts =
        Map.of("detector", p.get(0), "sandbox", p.get(2), "gateway", p.get(4));
    Map<String, Integer> httpPorts =
        Map.of("detector", p.get(1), "sandbox", p.get(3), "gateway", p.get(5));
    try (LauncherRun run = LauncherRun.start(upArguments(p), tmp.resolve("out.txt"))) {
      String output = run.awaitOutput("Ctrl-C to stop", READY_TIMEOUT);
      System.out.println("[SIG" + signal + " run] rehearsal up printed:\n" + output);
      List<ProcessHandle> started = run.handle().descendants().toList();

      assertThat(started).filteredOn(p1 -> command(p1).contains("quarkus-run.jar")).hasSize(3);
      assertThat(started).filteredOn(p1 -> command(p1).contains("redis-server")).hasSize(1);
      grpcPorts.forEach(
          (service, port) ->
              assertThat(grpcHealth(port))
                  .as(service)
                  .isEqualTo(HealthCheckResponse.ServingStatus.SERVING));
      for (Map.Entry<String, Integer> http : httpPorts.entrySet()) {
        assertHealthUp(http.getKey(), http.getValue());
        assertThat(output)
            .containsPattern("(?m)^" + http.getKey() + " .*127\\.0\\.0\\.1:" + http.getValue());
      }

      run.signal(signal);

      assertThat(run.awaitExit(EXIT_TIMEOUT)).isEqualTo(exitCode);
      assertThat(started).noneMatch(LauncherRun::isRunning);
      assertThat(run.output()).contains("services stopped in", "stopped the embedded Redis");
      System.out.println(
          "[SIG" + signal + " run] after the signal:\n" + run.output().substring(output.length()));
    }
  }

  private List<String> upArguments(List<Integer> p) {
    return List.of(
        "up",
        "--otlp-grpc-port=" + p.get(0),
        "--otlp-http-port=" + p.get(1),
        "--sandbox-grpc-port=" + p.get(2),
        "--sandbox-http-port=" + p.get(3),
        "--gateway-grpc-port=" + p.get(4),
        "--gateway-http-port=" + p.get(5),
        "--data-dir=" + tmp.resolve("redis"),
        "--log-dir=" + tmp.resolve("logs"),
        "--timeout=" + (READY_TIMEOUT.toSeconds() - 30));
  }

  private static HealthCheckResponse.ServingStatus grpcHealth(int port) {
    ManagedChannel channel =
        ManagedChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
    try {
      return HealthGrpc.newBlockingStub(channel)
          .withDeadlineAfter(10, TimeUnit.SECONDS)
          .check(HealthCheckRequest.getDefaultInstance())
          .getStatus();
    } finally {
      channel.shutdownNow();
    }
  }

  private static void assertHealthUp(String service, int port) throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    HttpResponse<String> response =
        client.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health"))
                .timeout(Duration.ofSeconds(10))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(service + " /q/health status").isEqualTo(200);
    assertThat(response.body())
        .as(service + " /q/health body")
        .containsPattern("^\\s*\\{\\s*\"status\"\\s*:\\s*\"UP\"");
  }

  private static String command(ProcessHandle process) {
    return process.info().commandLine().orElse("");
  }
}
