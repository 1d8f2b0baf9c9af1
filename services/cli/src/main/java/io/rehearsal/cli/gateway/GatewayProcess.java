package io.rehearsal.cli.gateway;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.MetadataUtils;
import io.rehearsal.cli.CommandFailure;
import io.rehearsal.proto.v1.GetDecisionRequest;
import io.rehearsal.proto.v1.PolicyGatewayGrpc;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The packaged gateway ({@code services/gateway/target/quarkus-app/quarkus-run.jar}) as a process
 * of its own, for the chaos campaign and the self-contained bench: on free ports, over the caller's
 * Redis and audit key, with local credentials and the given policy in a work directory, rate limits
 * lifted; ready once an authenticated GetDecision answers.
 */
final class GatewayProcess implements AutoCloseable {

  private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);

  /**
   * The policy the process decides with: the bench candidate (a scale in staging on strong
   * evidence) is allowed on its own, so a Submit takes the whole automatic path (budget token,
   * outbox); anything else needs one person.
   */
  static final String POLICY =
      """
      name: bench
      rules:
        - name: staging-scale
          description: The bench candidate runs on its own on strong evidence.
          when: |
            remediation.environment == "STAGING" && remediation.kind == "SCALE" &&
            evidence.best && evidence.p_improvement >= 0.9
          effect: ALLOW
        - name: anything-else
          description: Anything else needs one person.
          when: "true"
          effect: REQUIRE_APPROVAL
          approvers: {count: 1}
      """;

  private final Process process;
  private final Path log;
  private final Path credentials;
  private final int port;

  private GatewayProcess(Process process, Path log, Path credentials, int port) {
    this.process = process;
    this.log = log;
    this.credentials = credentials;
    this.port = port;
  }

  /**
   * Starts the gateway of {@code home} on {@code redisUri} and waits until it answers.
   *
   * @throws CommandFailure when the jar is missing, or the gateway exits or is not ready in time
   */
  static GatewayProcess start(Path home, Path work, String redisUri, String auditKey) {
    Path jar = home.resolve("services/gateway/target/quarkus-app/quarkus-run.jar");
    if (!Files.isRegularFile(jar)) {
      throw new CommandFailure(
          "the packaged gateway is missing: "
              + jar
              + " (build it: ./mvnw -DskipTests -pl services/gateway package)");
    }
    Path policy = writePolicy(work);
    int[] ports = freePorts(2);
    Path credentials = work.resolve("credentials");
    Path log = work.resolve("gateway.log");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Dquarkus.http.port=" + ports[0]);
    command.add("-Dquarkus.management.port=" + ports[1]);
    command.add("-Drehearsal.gateway.auth.local-credentials=" + credentials);
    command.add("-Dmp.jwt.verify.publickey.location=" + credentials.resolve("jwt-public.pem"));
    command.add("-Dmp.jwt.verify.issuer=rehearsal-local");
    command.add("-Drehearsal.gateway.policy-file=" + policy);
    command.add("-Drehearsal.gateway.rate-limits.per-target=1000000/1h");
    command.add("-Drehearsal.gateway.rate-limits.global=1000000/1h");
    command.add("-jar");
    command.add(jar.toString());
    ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile());
    builder.environment().put("REHEARSAL_REDIS_URL", redisUri);
    builder.environment().put("REHEARSAL_REDIS_AUDIT_KEY", auditKey);
    builder.redirectErrorStream(true).redirectOutput(log.toFile());
    builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    try {
      GatewayProcess gateway = new GatewayProcess(builder.start(), log, credentials, ports[0]);
      gateway.awaitReady();
      return gateway;
    } catch (IOException e) {
      throw new CommandFailure("cannot start the gateway " + jar + ": " + e.getMessage(), e);
    }
  }

  private static Path writePolicy(Path work) {
    try {
      return Files.writeString(work.resolve("bench-policy.yaml"), POLICY);
    } catch (IOException e) {
      throw new CommandFailure("cannot write the policy in " + work + ": " + e.getMessage(), e);
    }
  }

  /** The gateway's operating-system process (its CPU time for the bench's figures). */
  ProcessHandle handle() {
    return process.toHandle();
  }

  /** The gRPC address. */
  String target() {
    return "127.0.0.1:" + port;
  }

  /** A plaintext channel whose calls carry the local automation token. */
  ManagedChannel channel() {
    Metadata headers = new Metadata();
    headers.put(
        Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER),
        "Bearer " + token("automation"));
    return ManagedChannelBuilder.forTarget(target())
        .usePlaintext()
        .intercept(MetadataUtils.newAttachHeadersInterceptor(headers))
        .build();
  }

  String token(String role) {
    try {
      return Files.readString(credentials.resolve(role + ".jwt")).strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void awaitReady() {
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new CommandFailure("the gateway exited at start-up; its log:\n" + tail());
      }
      if (Files.isRegularFile(credentials.resolve("automation.jwt")) && answers()) {
        return;
      }
      sleep(250);
    }
    close();
    throw new CommandFailure("the gateway was not ready in " + READY_TIMEOUT + "; log:\n" + tail());
  }

  /** Whether an authenticated GetDecision of an unknown decision answers NOT_FOUND. */
  private boolean answers() {
    ManagedChannel channel = channel();
    try {
      PolicyGatewayGrpc.newBlockingStub(channel)
          .withDeadlineAfter(2, TimeUnit.SECONDS)
          .getDecision(GetDecisionRequest.newBuilder().setDecisionId("dec-ready").build());
      return true;
    } catch (StatusRuntimeException e) {
      return e.getStatus().getCode() == Status.Code.NOT_FOUND;
    } finally {
      channel.shutdownNow();
    }
  }

  /** The last lines of the gateway's log. */
  String tail() {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

  static int[] freePorts(int count) {
    List<ServerSocket> sockets = new ArrayList<>();
    try {
      for (int i = 0; i < count; i++) {
        sockets.add(new ServerSocket(0));
      }
      return sockets.stream().mapToInt(ServerSocket::getLocalPort).toArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      for (ServerSocket s : sockets) {
        try {
          s.close();
        } catch (IOException ignored) {
          // a port we could not close stays taken; the launch will say so
        }
      }
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CommandFailure("interrupted", e);
    }
  }
}
