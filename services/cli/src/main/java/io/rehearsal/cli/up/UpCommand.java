package io.rehearsal.cli.up;

import io.rehearsal.cli.CommandFailure;
import io.rehearsal.cli.ports.PortOwner;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code rehearsal up}: Redis (embedded unless {@code REHEARSAL_REDIS_URL} is set), then the
 * detector, sandbox and gateway as separate JVMs; waits until all are ready, prints where they
 * listen, and stops everything on Ctrl-C or SIGTERM.
 */
@Command(
    name = "up",
    mixinStandardHelpOptions = true,
    description = "Start Redis, detector, sandbox and gateway locally; Ctrl-C stops them all.",
    footer = {
      "",
      "Uses REHEARSAL_REDIS_URL (redis://host:port) when set, else an embedded redis-server.",
      "Exit codes: 1 failure (nothing left running), 2 usage error;",
      "after Ctrl-C or SIGTERM everything is stopped and the exit code is 130 or 143."
    })
public final class UpCommand implements Callable<Integer> {

  /** System property with the repository root, set by the {@code ./rehearsal} launcher. */
  public static final String HOME_PROPERTY = "rehearsal.home";

  private static final Duration STOP_GRACE = Duration.ofSeconds(10);
  private static final Duration POLL_INTERVAL = Duration.ofMillis(250);
  private static final int LOG_TAIL_LINES = 20;

  @Spec CommandSpec spec;

  @Mixin PortOptions ports;

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      defaultValue = "${sys:user.home}/.rehearsal/redis",
      description = "Data directory of the embedded Redis (default: ${DEFAULT-VALUE}).")
  Path dataDir;

  @Option(
      names = "--log-dir",
      paramLabel = "DIR",
      description = "Where <service>.log files go (default: <repository>/.rehearsal/logs).")
  Path logDir;

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      defaultValue = "120",
      description = "How long to wait for all services to be ready (default: ${DEFAULT-VALUE}).")
  int timeoutSeconds;

  @Override
  public Integer call() throws IOException, InterruptedException {
    List<ServicePorts> services = validatedPorts();
    Duration timeout = validatedTimeout();
    Path home = home();
    Preflight.requireJars(home, services);
    Preflight.requireFreePorts(services, PortOwner.system());
    Path logs = logDir != null ? logDir : home.resolve(".rehearsal").resolve("logs");
    Files.createDirectories(logs);
    Shutdown shutdown = new Shutdown(err());
    Runtime.getRuntime().addShutdownHook(new Thread(shutdown::run, "rehearsal-up-stop"));
    try {
      return run(new Stack(home, logs, services, shutdown), timeout);
    } catch (RuntimeException | IOException e) {
      if (shutdown.isStarted()) {
        return 0; // Ctrl-C during start-up: the shutdown hook is stopping what had started.
      }
      shutdown.run();
      throw e;
    }
  }

  private int run(Stack stack, Duration timeout) throws IOException, InterruptedException {
    RedisSource redis = RedisSource.open(System.getenv(ServiceLaunch.REDIS_ENV), dataDir);
    stack.shutdown.register(() -> stopRedis(redis));
    say(redis.description());
    GatewayCredentials credentials = GatewayCredentials.before(stack.home);
    Supervisor supervisor = new Supervisor(Ticker.system(), STOP_GRACE, out());
    stack.shutdown.register(supervisor);
    for (ServicePorts service : stack.services) {
      ServiceProcess started = supervisor.start(stack.launch(service, redis.uri()));
      say("started " + started.name() + " (pid " + started.pid() + "), log " + started.logFile());
    }
    Readiness readiness =
        new ReadinessWaiter(new HealthProbe(), Ticker.system(), POLL_INTERVAL)
            .await(supervisor.services(), timeout);
    if (stack.shutdown.isStarted()) {
      return 0;
    }
    if (readiness instanceof Readiness.NotReady) {
      return fail(stack, (Readiness.NotReady) readiness);
    }
    printReady(stack, (Readiness.Ready) readiness, redis);
    credentials.lines().forEach(this::say);
    return awaitEnd(stack, supervisor);
  }

  private void stopRedis(RedisSource redis) throws Exception {
    redis.close();
    if (redis.embedded()) {
      say("stopped the embedded Redis");
    }
  }

  private void printReady(Stack stack, Readiness.Ready ready, RedisSource redis) {
    List<ReadyTable.Row> rows = new ArrayList<>();
    for (int i = 0; i < ready.services().size(); i++) {
      Readiness.ReadyService service = ready.services().get(i);
      ServiceProcess process = service.service();
      rows.add(
          new ReadyTable.Row(
              stack.services.get(i), process.pid(), service.startup(), process.logFile()));
    }
    out().print(ReadyTable.render(rows, "Rehearsal is up. " + redis.description()));
    say("Ctrl-C to stop");
  }

  /** Runs until Ctrl-C/SIGTERM (the shutdown hook stops everything) or a service dies. */
  private int awaitEnd(Stack stack, Supervisor supervisor) {
    ServiceProcess exited = supervisor.awaitAnyExit();
    if (stack.shutdown.isStarted()) {
      return 0;
    }
    String reason = "exited with code " + exited.process().exitValue();
    return fail(
        stack,
        new Readiness.NotReady(
            exited.name() + " stopped unexpectedly; stopping everything",
            List.of(new Readiness.Problem(exited, reason))));
  }

  private int fail(Stack stack, Readiness.NotReady notReady) {
    PrintWriter err = err();
    err.println("rehearsal up: " + notReady.summary());
    notReady.problems().forEach(problem -> printProblem(err, problem));
    err.flush();
    stack.shutdown.run();
    return 1;
  }

  private static void printProblem(PrintWriter err, Readiness.Problem problem) {
    ServiceProcess service = problem.service();
    err.println();
    err.println(service.name() + " (pid " + service.pid() + "): " + problem.reason());
    err.println("last lines of " + service.logFile() + ":");
    List<String> tail = LogTail.lastLines(service.logFile(), LOG_TAIL_LINES);
    tail.forEach(line -> err.println("  " + line));
    if (tail.isEmpty()) {
      err.println("  (nothing logged yet)");
    }
  }

  private List<ServicePorts> validatedPorts() {
    try {
      return ports.resolve();
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  private Duration validatedTimeout() {
    if (timeoutSeconds < 1) {
      throw new ParameterException(
          spec.commandLine(), "--timeout must be at least 1 second, but was " + timeoutSeconds);
    }
    return Duration.ofSeconds(timeoutSeconds);
  }

  private static Path home() {
    String home = System.getProperty(HOME_PROPERTY);
    if (home == null || home.isBlank()) {
      throw new CommandFailure(
          "system property "
              + HOME_PROPERTY
              + " is not set; run through the ./rehearsal launcher at the repository root");
    }
    return Paths.get(home).toAbsolutePath().normalize();
  }

  private void say(String line) {
    out().println(line);
    out().flush();
  }

  private PrintWriter out() {
    return spec.commandLine().getOut();
  }

  private PrintWriter err() {
    return spec.commandLine().getErr();
  }

  /** What one run has to work with. */
  private static final class Stack {
    final Path home;
    final Path logs;
    final List<ServicePorts> services;
    final Shutdown shutdown;

    Stack(Path home, Path logs, List<ServicePorts> services, Shutdown shutdown) {
      this.home = home;
      this.logs = logs;
      this.services = services;
      this.shutdown = shutdown;
    }

    ServiceLaunch launch(ServicePorts ports, String redisUri) {
      Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
      Path log = logs.resolve(ports.service().id() + ".log");
      return new ServiceLaunch(ports, java, home, log, redisUri);
    }
  }
}
