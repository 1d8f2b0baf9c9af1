package io.rehearsal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.reflection.v1.ServerReflectionGrpc;
import io.grpc.reflection.v1.ServerReflectionRequest;
import io.grpc.reflection.v1.ServerReflectionResponse;
import io.grpc.stub.StreamObserver;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
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

  @ParameterizedTest(name = "SIG{0}, JSON logs {2}")
  @CsvSource({"INT, 130, false", "TERM, 143, true"})
  void shouldServeHealthAndLeaveNothingRunningWhenStoppedBySignal(
      String signal, int exitCode, boolean jsonLogs) throws Exception {
    List<Integer> p = FreePorts.pick(6);
    Map<String, Integer> grpcPorts =
        Map.of("detector", p.get(0), "sandbox", p.get(2), "gateway", p.get(4));
    Map<String, Integer> httpPorts =
        Map.of("detector", p.get(1), "sandbox", p.get(3), "gateway", p.get(5));
    Map<String, String> env = Map.of("REHEARSAL_LOG_JSON", String.valueOf(jsonLogs));
    try (LauncherRun run = LauncherRun.start(upArguments(p), env, tmp.resolve("out.txt"))) {
      String output = run.awaitOutput("Ctrl-C to stop", READY_TIMEOUT);
      String printed = "[SIG" + signal + " run] rehearsal up printed:\n" + output;
      List<ProcessHandle> started = run.handle().descendants().toList();

      assertThat(started)
          .as("%s", printed)
          .filteredOn(p1 -> command(p1).contains("quarkus-run.jar"))
          .hasSize(3);
      assertThat(started)
          .as("%s", printed)
          .filteredOn(p1 -> command(p1).contains("redis-server"))
          .hasSize(1);
      grpcPorts.forEach(
          (service, port) ->
              assertThat(grpcHealth(port))
                  .as(service)
                  .isEqualTo(HealthCheckResponse.ServingStatus.SERVING));
      for (Map.Entry<String, Integer> grpc : grpcPorts.entrySet()) {
        assertThat(reflectionStatus(grpc.getValue()))
            .as(grpc.getKey() + ": reflection is for dev and test only")
            .isEqualTo(Status.Code.UNIMPLEMENTED);
      }
      for (String service : grpcPorts.keySet()) {
        assertLogFormat(tmp.resolve("logs").resolve(service + ".log"), jsonLogs);
      }
      for (Map.Entry<String, Integer> http : httpPorts.entrySet()) {
        assertHealthUp(http.getKey(), http.getValue());
        assertThat(output)
            .containsPattern("(?m)^" + http.getKey() + " .*127\\.0\\.0\\.1:" + http.getValue());
      }

      run.signal(signal);

      int exit = run.awaitExit(EXIT_TIMEOUT);
      String stopped =
          "[SIG" + signal + " run] after the signal:\n" + run.output().substring(output.length());
      assertThat(exit).as("exit code; %s", stopped).isEqualTo(exitCode);
      assertThat(started).as("%s", stopped).noneMatch(LauncherRun::isRunning);
      assertThat(run.output()).contains("services stopped in", "stopped the embedded Redis");
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

  /** The status of a server-reflection call: OK when reflection is on, else UNIMPLEMENTED. */
  private static Status.Code reflectionStatus(int port) throws InterruptedException {
    ManagedChannel channel =
        ManagedChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
    CompletableFuture<Status.Code> status = new CompletableFuture<>();
    try {
      StreamObserver<ServerReflectionRequest> requests =
          ServerReflectionGrpc.newStub(channel)
              .withDeadlineAfter(10, TimeUnit.SECONDS)
              .serverReflectionInfo(
                  new StreamObserver<>() {
                    @Override
                    public void onNext(ServerReflectionResponse value) {
                      status.complete(Status.Code.OK);
                    }

                    @Override
                    public void onError(Throwable t) {
                      status.complete(Status.fromThrowable(t).getCode());
                    }

                    @Override
                    public void onCompleted() {
                      status.complete(Status.Code.OK);
                    }
                  });
      requests.onNext(ServerReflectionRequest.newBuilder().setListServices("").build());
      requests.onCompleted();
      return status.get(15, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      throw new AssertionError("reflection call on port " + port + " did not finish", e);
    } finally {
      channel.shutdownNow();
    }
  }

  /** Every log line is a JSON object when JSON logs are on, and none is when they are off. */
  private static void assertLogFormat(Path log, boolean json) throws Exception {
    List<String> lines = Files.readAllLines(log).stream().filter(line -> !line.isBlank()).toList();
    assertThat(lines).as(log.toString()).isNotEmpty();
    if (json) {
      assertThat(lines)
          .as(log + " in JSON")
          .allSatisfy(
              line -> assertThat(line).startsWith("{").endsWith("}").contains("\"message\""));
    } else {
      assertThat(lines).as(log + " in plain text").noneMatch(line -> line.startsWith("{\""));
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
