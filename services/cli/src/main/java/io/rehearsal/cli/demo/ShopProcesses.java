package io.rehearsal.cli.demo;

import io.rehearsal.cli.CommandFailure;
import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The reference shop ({@code examples/reference-shop}) as separate JVMs, as its {@code run.sh} runs
 * it: one {@code io.rehearsal.shop.ShopMain --instance NAME-N} per process on the ports its {@code
 * PlanMain} plans from {@code overlay.yaml}, exporting OTLP to the detector, and its open-loop load
 * generator. Faults and remediations go through each replica's admin endpoints.
 */
final class ShopProcesses implements AutoCloseable {

  static final String JAR = "target/rehearsal-reference-shop-0.1.0-SNAPSHOT.jar";
  private static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(90);
  private static final Duration STOP_GRACE = Duration.ofSeconds(10);

  /** One planned process: {@code service instance port}. */
  record Instance(String service, String instance, int port) {}

  private final Path shopDir;
  private final Path work;
  private final int basePort;
  private final List<Instance> plan;
  private final List<String[]> calls;
  private final Map<String, Process> processes = new java.util.concurrent.ConcurrentHashMap<>();
  private String redisUri;
  private String otlpEndpoint;
  private int nextExtraPort;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private ShopProcesses(
      Path shopDir, Path work, int basePort, List<Instance> plan, List<String[]> calls) {
    this.shopDir = shopDir;
    this.work = work;
    this.basePort = basePort;
    this.plan = new java.util.concurrent.CopyOnWriteArrayList<>(plan);
    this.calls = calls;
    this.nextExtraPort = basePort + 50; // where run.sh puts extra replicas too
  }

  /**
   * Plans the shop on the first base port from {@code basePort} (in steps of 100) whose ports are
   * all free.
   */
  static ShopProcesses plan(Path home, Path work, int basePort)
      throws IOException, InterruptedException {
    Path shopDir = home.resolve("examples").resolve("reference-shop");
    if (!Files.isRegularFile(shopDir.resolve(JAR))
        || !Files.isDirectory(shopDir.resolve("target/lib"))) {
      throw new CommandFailure(
          "the reference shop is not built ("
              + shopDir.resolve(JAR)
              + " and target/lib/); build it once: ./mvnw -q -pl examples/reference-shop -am"
              + " package -DskipTests");
    }
    Files.createDirectories(work);
    for (int base = basePort; base < basePort + 2000; base += 100) {
      List<Instance> plan = readPlan(shopDir, work, base);
      if (plan.stream().allMatch(i -> free(i.port())) && free(base + 50) && free(base + 51)) {
        return new ShopProcesses(shopDir, work, base, plan, readCalls(shopDir, work));
      }
    }
    throw new CommandFailure(
        "no free ports for the shop from " + basePort + " to " + (basePort + 2000));
  }

  private static List<Instance> readPlan(Path shopDir, Path work, int base)
      throws IOException, InterruptedException {
    List<String> lines =
        runMain(
            shopDir,
            work.resolve("plan.txt"),
            "io.rehearsal.shop.PlanMain",
            overlay(shopDir),
            Integer.toString(base));
    List<Instance> plan = new ArrayList<>();
    for (String line : lines) {
      String[] f = line.trim().split("\\s+");
      if (f.length == 3) {
        plan.add(new Instance(f[0], f[1], Integer.parseInt(f[2])));
      }
    }
    if (plan.isEmpty()) {
      throw new CommandFailure("the shop's PlanMain planned no process: " + lines);
    }
    return plan;
  }

  /** The overlay's calls, {@code [from, to]}, from the shop's {@code DecisionMain calls}. */
  private static List<String[]> readCalls(Path shopDir, Path work)
      throws IOException, InterruptedException {
    List<String[]> calls = new ArrayList<>();
    for (String line :
        runMain(
            shopDir,
            work.resolve("calls.txt"),
            "io.rehearsal.shop.decision.DecisionMain",
            "calls",
            overlay(shopDir))) {
      String[] f = line.trim().split("\\s+");
      if (f.length == 2) {
        calls.add(f);
      }
    }
    return calls;
  }

  private static List<String> runMain(Path shopDir, Path out, String main, String... args)
      throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder(java(shopDir, main, args))
            .redirectErrorStream(true)
            .redirectOutput(out.toFile())
            .start();
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      p.destroyForcibly();
      throw new CommandFailure("the shop's " + main + " failed: " + Files.readString(out));
    }
    return Files.readAllLines(out);
  }

  /** The services that call {@code service}. */
  List<String> callersOf(String service) {
    return calls.stream().filter(c -> c[1].equals(service)).map(c -> c[0]).distinct().toList();
  }

  List<Instance> instances() {
    return plan;
  }

  /** The replicas of a service, e.g. catalog-1 and catalog-2 of catalog. */
  List<Instance> replicasOf(String service) {
    List<Instance> replicas = plan.stream().filter(i -> i.service().equals(service)).toList();
    if (replicas.isEmpty()) {
      throw new IllegalArgumentException(
          "the shop has no service '"
              + service
              + "'; it has "
              + plan.stream().map(Instance::service).distinct().toList());
    }
    return replicas;
  }

  /** Starts every process with {@code redisUri} as its cache and OTLP to {@code otlpEndpoint}. */
  void start(String redisUri, String otlpEndpoint) throws IOException {
    this.redisUri = redisUri;
    this.otlpEndpoint = otlpEndpoint;
    Files.createDirectories(work.resolve("logs"));
    for (Instance i : List.copyOf(plan)) {
      launchInstance(i, false);
    }
  }

  /** Starts a fresh replica of {@code service} on the next extra port and waits for its health. */
  synchronized Instance startReplica(String service) throws IOException, InterruptedException {
    int n = replicasOf(service).size() + 1;
    Instance added = new Instance(service, service + "-" + n, nextExtraPort++);
    launchInstance(added, true);
    plan.add(added);
    awaitHealthy(added);
    return added;
  }

  /** SIGTERM to one replica, then a fresh JVM on its port, healthy before this returns. */
  synchronized void restart(Instance i) throws IOException, InterruptedException {
    Process old = processes.get(i.instance());
    old.destroy();
    if (!old.waitFor(STOP_GRACE.toSeconds(), TimeUnit.SECONDS)) {
      old.destroyForcibly().waitFor();
    }
    launchInstance(i, i.port() >= basePort + 50);
    awaitHealthy(i);
  }

  private void launchInstance(Instance i, boolean extra) throws IOException {
    List<String> command =
        java(
            shopDir,
            "io.rehearsal.shop.ShopMain",
            "--instance",
            i.instance(),
            "--base-port",
            Integer.toString(basePort),
            "--overlay",
            overlay(shopDir),
            "--costs",
            shopDir.resolve("costs.yaml").toString(),
            "--redis",
            redisUri,
            "--telemetry-dir",
            work.resolve("telemetry").toString(),
            "--metric-interval-ms",
            "2000",
            "--otlp-endpoint",
            otlpEndpoint);
    if (extra) { // a replica beyond the plan: its port is not the planned one
      command.addAll(List.of("--port", Integer.toString(i.port())));
    }
    processes.put(i.instance(), launch(command, logOf(i.instance())));
  }

  /** Waits until every process answers {@code GET /health}. */
  void awaitHealthy() throws InterruptedException {
    for (Instance i : plan) {
      awaitHealthy(i);
    }
  }

  private void awaitHealthy(Instance i) throws InterruptedException {
    long deadline = System.nanoTime() + HEALTH_TIMEOUT.toNanos();
    while (!healthy(i)) {
      Process p = processes.get(i.instance());
      if (!p.isAlive()) {
        throw new CommandFailure(
            i.instance() + " exited with " + p.exitValue() + "; log " + logOf(i.instance()));
      }
      if (System.nanoTime() > deadline) {
        throw new CommandFailure(
            i.instance() + " did not answer /health within " + HEALTH_TIMEOUT.toSeconds() + " s");
      }
      Thread.sleep(300);
    }
  }

  /** Starts the load generator: Poisson arrivals at {@code rate}/s for {@code seconds}. */
  void startLoad(double rate, long seconds, long seed) throws IOException {
    Instance frontend = replicasOf("frontend").get(0);
    writeTargets();
    List<String> command =
        new ArrayList<>(
            java(
                shopDir,
                "io.rehearsal.shop.load.LoadMain",
                "--target",
                "http://127.0.0.1:" + frontend.port(),
                "--rate",
                Double.toString(rate),
                "--duration",
                Long.toString(seconds),
                "--seed",
                Long.toString(seed),
                "--targets-file",
                targetsFile().toString(),
                "--out",
                work.resolve("loadgen.json").toString()));
    command.set(command.indexOf("-Xmx256m"), "-Xmx512m");
    processes.put("loadgen", launch(command, work.resolve("logs/loadgen.log")));
  }

  /** {@code METHOD path} with a JSON body (or none) on every replica of {@code service}. */
  void admin(String service, String method, String path, String json)
      throws IOException, InterruptedException {
    for (Instance i : replicasOf(service)) {
      adminAt(i, method, path, json);
    }
  }

  void adminAt(Instance i, String method, String path, String json)
      throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + i.port() + path))
            .timeout(Duration.ofSeconds(5))
            .header("Content-Type", "application/json")
            .method(
                method,
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
            .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() / 100 != 2) {
      throw new IOException(
          i.instance()
              + " answered "
              + response.statusCode()
              + " to "
              + method
              + " "
              + path
              + ": "
              + response.body());
    }
  }

  /**
   * The entry service's replicas, which the load generator re-reads when the file changes (so a
   * scaled-out frontend gets traffic).
   */
  void writeTargets() throws IOException {
    StringBuilder text = new StringBuilder();
    for (Instance i : replicasOf("frontend")) {
      text.append("http://127.0.0.1:").append(i.port()).append('\n');
    }
    Path next = work.resolve("targets.txt.new");
    Files.writeString(next, text);
    Files.move(
        next,
        targetsFile(),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  private Path targetsFile() {
    return work.resolve("targets.txt");
  }

  Path logOf(String instance) {
    return work.resolve("logs/" + instance + ".log");
  }

  /** The first shop process that has exited, if any. */
  java.util.Optional<String> exited() {
    return processes.entrySet().stream()
        .filter(e -> !e.getKey().equals("loadgen") && !e.getValue().isAlive())
        .findFirst()
        .map(
            e ->
                e.getKey()
                    + " exited with "
                    + e.getValue().exitValue()
                    + "; log "
                    + logOf(e.getKey()));
  }

  /** SIGTERM to the load generator and every shop process, SIGKILL after 10 s. */
  @Override
  public void close() {
    processes.values().forEach(Process::destroy);
    long deadline = System.nanoTime() + STOP_GRACE.toNanos();
    for (Process p : processes.values()) {
      try {
        p.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      if (p.isAlive()) {
        p.destroyForcibly();
      }
    }
    processes.clear();
  }

  private boolean healthy(Instance i) {
    try {
      adminAt(i, "GET", "/health", null);
      return true;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static Process launch(List<String> command, Path log) throws IOException {
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
        .start();
  }

  private static String overlay(Path shopDir) {
    return shopDir.resolve("overlay.yaml").toString();
  }

  /** {@code java -XX:+UseSerialGC -Xms64m -Xmx256m -cp JAR:lib/* MAIN ARGS}, as run.sh does. */
  private static List<String> java(Path shopDir, String main, String... args) {
    List<String> command = new ArrayList<>();
    command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of("-XX:+UseSerialGC", "-Xms64m", "-Xmx256m", "-cp"));
    command.add(shopDir.resolve(JAR) + File.pathSeparator + shopDir.resolve("target/lib") + "/*");
    command.add(main);
    command.addAll(List.of(args));
    return command;
  }

  private static boolean free(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
      return false;
    } catch (IOException e) {
      return true;
    }
  }
}
