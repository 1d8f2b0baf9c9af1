package io.rehearsal.cli.demo;

import io.rehearsal.cli.CommandFailure;
import io.rehearsal.cli.up.LocalStack;
import io.rehearsal.cli.up.UpCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code rehearsal demo}: the whole loop in one command. Redis and the three services, the
 * reference shop under load exporting OTLP to the detector, a twin calibrated from what the
 * detector recorded, a fault, and then the loop as the services run it — observed, never driven,
 * over their public gRPC APIs — with an actuating webhook receiver for what the gateway approves.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = "Run the whole loop on the reference shop: fault, incident, decision, fix.",
    footer = {
      "",
      "Nothing to install but a JDK: Redis is embedded, every process is a local JVM on free",
      "loopback ports, and all files go under --work-dir. Ctrl-C stops everything.",
      "Exit codes: 0 a decision was made; 3 an incident opened but the loop made no decision",
      "within --timeout; 1 failure (no incident, a process died); 2 usage error."
    })
public final class DemoCommand implements Callable<Integer> {

  /** Exit code when the incident opened but no decision followed within the timeout. */
  static final int NO_DECISION = 3;

  @Spec CommandSpec spec;

  @Option(
      names = "--fault",
      paramLabel = "KIND:SERVICE:MAGNITUDE",
      defaultValue = "latency:catalog:400",
      description =
          "The fault injected after calibration: latency (added ms), error (rate 0..1) or"
              + " fewer-workers (per replica) on a shop service (default: ${DEFAULT-VALUE}).")
  String fault;

  @Option(
      names = "--once",
      description =
          "Stop everything at the end of the loop (or at --timeout) instead of on Ctrl-C.")
  boolean once;

  @Option(
      names = "--approve",
      description =
          "Approve a decision that waits on people as the local on-call reviewer (local-oncall,"
              + " group sre), over the gateway's Approve as a person would: for unattended runs."
              + " Without it, approve on the review page (user admin).")
  boolean approve;

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      defaultValue = "240",
      description =
          "How long after the fault to wait for the loop (incident, proposals, rehearsal, decision,"
              + " recovery) (default: ${DEFAULT-VALUE}).")
  int timeoutSeconds;

  @Option(
      names = "--baseline",
      paramLabel = "SECONDS",
      defaultValue = "60",
      description =
          "Seconds of fault-free load before calibrating and injecting (default: ${DEFAULT-VALUE}).")
  int baselineSeconds;

  @Option(
      names = "--rate",
      paramLabel = "PER_SECOND",
      defaultValue = "25",
      description = "Poisson arrival rate of the load generator (default: ${DEFAULT-VALUE}).")
  double rate;

  @Option(
      names = "--environment",
      paramLabel = "ENV",
      defaultValue = "staging",
      description =
          "The environment the loop submits remediations for; the example policy lets small"
              + " scale-ups in staging run on their own and sends everything in production to review"
              + " (default: ${DEFAULT-VALUE}).")
  String environment;

  @Option(
      names = "--seed",
      defaultValue = "1",
      description = "Seed of the load generator (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--work-dir",
      paramLabel = "DIR",
      description =
          "Where logs, recordings, the twin and Redis data go (default:"
              + " <repository>/.rehearsal/demo/<start time>).")
  Path workDir;

  @Option(
      names = "--shop-base-port",
      paramLabel = "PORT",
      defaultValue = "19100",
      description =
          "First port tried for the shop's processes; the next free block of 100 is used"
              + " (default: ${DEFAULT-VALUE}).")
  int shopBasePort;

  @Override
  public Integer call() throws IOException, InterruptedException {
    FaultSpec faultSpec = validated();
    // The Lettuce and embedded-Redis classes on the class path log through SLF4J without a binding.
    System.setProperty("slf4j.internal.verbosity", "ERROR");
    Path home = home();
    Path work = workDir != null ? workDir : defaultWorkDir(home);
    Files.createDirectories(work);
    Resources resources = new Resources(err());
    Thread hook = new Thread(resources::stopOnSignal, "rehearsal-demo-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    DemoSettings settings =
        new DemoSettings(
            home,
            work.toAbsolutePath(),
            faultSpec,
            Duration.ofSeconds(baselineSeconds),
            Duration.ofSeconds(timeoutSeconds),
            rate,
            seed,
            environment,
            shopBasePort,
            once,
            approve);
    try {
      return new DemoRun(settings, resources, out()).run();
    } catch (RuntimeException | IOException | InterruptedException e) {
      if (resources.signalled()) {
        return 130;
      }
      throw e;
    } finally {
      if (!resources.signalled()) {
        resources.close();
        Runtime.getRuntime().removeShutdownHook(hook);
      }
    }
  }

  private FaultSpec validated() {
    require(timeoutSeconds >= 10, "--timeout must be at least 10 seconds", timeoutSeconds);
    require(
        baselineSeconds >= 40,
        "--baseline must be at least 40 seconds (the first 20 are the cold start, left out)",
        baselineSeconds);
    require(rate > 0 && rate <= 500, "--rate must be in (0, 500]", rate);
    require(
        shopBasePort >= 1024 && shopBasePort <= 60000,
        "--shop-base-port must be in [1024, 60000]",
        shopBasePort);
    require(
        environment.matches("(?i)production|staging|development"),
        "--environment must be production, staging or development",
        environment);
    try {
      return FaultSpec.parse(fault);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  private void require(boolean ok, String message, Object value) {
    if (!ok) {
      throw new ParameterException(spec.commandLine(), message + ", but was " + value);
    }
  }

  private static Path defaultWorkDir(Path home) {
    String stamp =
        java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(java.time.ZoneOffset.UTC)
            .format(java.time.Instant.now());
    return home.resolve(".rehearsal").resolve("demo").resolve(stamp);
  }

  private static Path home() {
    String home = System.getProperty(UpCommand.HOME_PROPERTY);
    if (home == null || home.isBlank()) {
      throw new CommandFailure(
          "system property "
              + UpCommand.HOME_PROPERTY
              + " is not set; run through the ./rehearsal launcher at the repository root");
    }
    return Paths.get(home).toAbsolutePath().normalize();
  }

  private PrintWriter out() {
    return spec.commandLine().getOut();
  }

  private PrintWriter err() {
    return spec.commandLine().getErr();
  }

  /** Properties of the stack a demo starts, by service id. */
  static Map<String, Map<String, String>> stackProperties(
      DemoSettings s, LocalStack stack, String hookUrl, String hookSecret) {
    Path home = s.home();
    Path work = s.work();
    return Map.of(
        "detector",
        Map.ofEntries(
            Map.entry("rehearsal.recording.dir", work.resolve("recording").toString()),
            Map.entry("rehearsal.drift.twin-file", work.resolve("twin.yaml").toString()),
            Map.entry("rehearsal.drift.period", "15s"),
            Map.entry("rehearsal.drift.lookback", "30s"),
            Map.entry("rehearsal.drift.simulated", "30s"),
            Map.entry("rehearsal.drift.warmup", "5s"),
            Map.entry("rehearsal.drift.replications", "1"),
            Map.entry(
                "rehearsal.detector.loop.catalog",
                home.resolve("examples/reference-shop/catalog.yaml").toString()),
            Map.entry(
                "rehearsal.detector.loop.token-file",
                home.resolve(".rehearsal/credentials/automation.jwt").toString()),
            Map.entry("rehearsal.detector.loop.sandbox", stack.grpcAddress("sandbox")),
            Map.entry("rehearsal.detector.loop.gateway", stack.grpcAddress("gateway")),
            Map.entry(
                "rehearsal.detector.loop.environment",
                s.environment().toLowerCase(java.util.Locale.ROOT)),
            Map.entry("rehearsal.detector.loop.horizon", "120s"),
            Map.entry("rehearsal.detector.loop.recovery-window", "90s"),
            Map.entry("rehearsal.detector.loop.telemetry-wait", "15s")),
        "sandbox",
        Map.of(
            "rehearsal.sandbox.evaluation.warmup-seconds", "30",
            "rehearsal.sandbox.evaluation.max-replications", "30",
            "rehearsal.sandbox.fitting.refine", "1",
            "rehearsal.sandbox.fitting.refine-evaluations", "3"),
        "gateway",
        Map.of(
            "rehearsal.gateway.policy-file",
            home.resolve("examples/reference-shop/policy/shop.yaml").toString(),
            "rehearsal.gateway.hooks.demo.url",
            hookUrl,
            "rehearsal.gateway.hooks.demo.secret",
            hookSecret,
            "rehearsal.gateway.web.users-file",
            work.resolve("review-users").toString(),
            // the example policy asks for a reviewer from group sre: the page's first user and
            // the local on-call token's subject are the demo's SREs
            "rehearsal.gateway.approvers.admin.groups",
            "sre",
            "rehearsal.gateway.approvers." + LoopWatcher.REVIEWER + ".groups",
            "sre"));
  }
}
