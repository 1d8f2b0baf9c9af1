package io.rehearsal.cli.up;

import io.rehearsal.cli.CommandFailure;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Redis and the three services on free loopback ports, for commands other than {@code up} that need
 * a whole local stack ({@code rehearsal demo}): the same launch, supervision and readiness checks
 * as {@code up}, with extra system properties per service.
 */
public final class LocalStack implements AutoCloseable {

  private static final Duration STOP_GRACE = Duration.ofSeconds(10);
  private static final Duration POLL_INTERVAL = Duration.ofMillis(250);
  private static final int LOG_TAIL_LINES = 15;

  private final RedisSource redis;
  private final Supervisor supervisor;
  private final Map<String, ServicePorts> ports;
  private final Map<String, Path> logs = new LinkedHashMap<>();

  private LocalStack(RedisSource redis, Supervisor supervisor, Map<String, ServicePorts> ports) {
    this.redis = redis;
    this.supervisor = supervisor;
    this.ports = ports;
  }

  /**
   * Starts an embedded Redis in {@code redisDir} and the detector, sandbox and gateway, and waits
   * until all are ready.
   *
   * @param home the repository root (the services' jars are under it)
   * @param logDir where {@code <service>.log} go
   * @param properties extra system properties by service id ({@code detector}, {@code sandbox},
   *     {@code gateway}), given the stack with its ports chosen (so one service can be pointed at
   *     another)
   * @throws CommandFailure naming the service and showing its log tail if one does not get ready
   */
  public static LocalStack start(
      Path home,
      Path redisDir,
      Path logDir,
      java.util.function.Function<LocalStack, Map<String, Map<String, String>>> properties,
      Duration timeout,
      PrintWriter out)
      throws IOException, InterruptedException {
    // Redis first: once it listens, the free ports picked for the services cannot be its port (they
    // are released before the services bind them, so one picked earlier could go to Redis).
    RedisSource redis = RedisSource.open(null, redisDir);
    Map<String, ServicePorts> ports;
    try {
      ports = freePorts();
      Preflight.requireJars(home, List.copyOf(ports.values()));
      Files.createDirectories(logDir);
    } catch (IOException | RuntimeException e) {
      stopAfter(redis, e);
      throw e;
    }
    LocalStack stack =
        new LocalStack(redis, new Supervisor(Ticker.system(), STOP_GRACE, out), ports);
    try {
      stack.launch(home, logDir, properties.apply(stack));
      stack.awaitReady(timeout);
      return stack;
    } catch (IOException | RuntimeException | InterruptedException e) {
      stack.close();
      throw e;
    }
  }

  private void launch(Path home, Path logDir, Map<String, Map<String, String>> properties)
      throws IOException {
    Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
    for (ServicePorts service : ports.values()) {
      String id = service.service().id();
      Path log = logDir.resolve(id + ".log");
      logs.put(id, log);
      supervisor.start(
          new ServiceLaunch(
              service, java, home, log, redis.uri(), properties.getOrDefault(id, Map.of())));
    }
  }

  private void awaitReady(Duration timeout) throws InterruptedException {
    Readiness readiness =
        new ReadinessWaiter(new HealthProbe(), Ticker.system(), POLL_INTERVAL)
            .await(supervisor.services(), timeout);
    if (readiness instanceof Readiness.NotReady notReady) {
      StringBuilder message = new StringBuilder(notReady.summary());
      for (Readiness.Problem problem : notReady.problems()) {
        message.append("\n").append(problem.service().name()).append(": ");
        message.append(problem.reason()).append("; last lines of ");
        message.append(problem.service().logFile()).append(":");
        LogTail.lastLines(problem.service().logFile(), LOG_TAIL_LINES)
            .forEach(line -> message.append("\n  ").append(line));
      }
      throw new CommandFailure(message.toString());
    }
  }

  /** The Redis every service uses, {@code redis://127.0.0.1:PORT}. */
  public String redisUri() {
    return redis.uri();
  }

  /** {@code 127.0.0.1:PORT} of a service's gRPC server (the detector's is OTLP/gRPC too). */
  public String grpcAddress(String serviceId) {
    return portsOf(serviceId).grpcAddress();
  }

  /** The port of a service's HTTP server (the gateway's review page is on its gRPC port). */
  public int httpPort(String serviceId) {
    return portsOf(serviceId).httpPort();
  }

  /** The log file of a service. */
  public Path logFile(String serviceId) {
    return logs.get(serviceId);
  }

  /** A description of a service that has exited, or empty while all run. */
  public java.util.Optional<String> exited() {
    return supervisor.services().stream()
        .filter(s -> !s.process().isAlive())
        .findFirst()
        .map(
            s ->
                s.name() + " exited with code " + s.process().exitValue() + "; log " + s.logFile());
  }

  private ServicePorts portsOf(String serviceId) {
    ServicePorts found = ports.get(serviceId);
    if (found == null) {
      throw new IllegalArgumentException("no service '" + serviceId + "' in " + ports.keySet());
    }
    return found;
  }

  /** Stops the services (SIGTERM, then SIGKILL after 10 s), then Redis. */
  @Override
  public void close() {
    supervisor.close();
    try {
      redis.close();
    } catch (Exception e) {
      throw new IllegalStateException("could not stop the embedded Redis: " + e.getMessage(), e);
    }
  }

  private static void stopAfter(RedisSource redis, Exception failure) {
    try {
      redis.close();
    } catch (Exception e) {
      failure.addSuppressed(e);
    }
  }

  private static Map<String, ServicePorts> freePorts() throws IOException {
    Map<String, ServicePorts> ports = new LinkedHashMap<>();
    List<ServerSocket> held = new ArrayList<>();
    try {
      for (Service service : Service.values()) {
        ports.put(service.id(), new ServicePorts(service, freePort(held), freePort(held)));
      }
    } finally {
      for (ServerSocket socket : held) {
        socket.close();
      }
    }
    return ports;
  }

  /** A free port, held open until all are picked so that no two are the same. */
  private static int freePort(List<ServerSocket> held) throws IOException {
    ServerSocket socket = new ServerSocket(0);
    held.add(socket);
    return socket.getLocalPort();
  }
}
