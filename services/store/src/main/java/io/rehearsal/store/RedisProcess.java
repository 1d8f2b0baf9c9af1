package io.rehearsal.store;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One redis-server OS process: configuration file, launch, readiness and stop.
 *
 * <p>The server logs to stdout, which is drained for the life of the process (an undrained pipe
 * would eventually block redis); the last lines are kept for error messages and every line is
 * logged at DEBUG through {@link System.Logger}.
 */
final class RedisProcess {

  static final String CONFIG_FILE = "rehearsal-redis.conf";

  private static final System.Logger LOG = System.getLogger(RedisProcess.class.getName());
  private static final String READY = "Ready to accept connections";
  private static final int TAIL_LINES = 40;
  private static final Duration STOP_GRACE = Duration.ofSeconds(10);

  private final Process process;
  private final Deque<String> tail = new ArrayDeque<>();
  private final CountDownLatch ready = new CountDownLatch(1);
  private final Thread drainer;

  private RedisProcess(Process process) {
    this.process = process;
    this.drainer = new Thread(this::drain, "redis-server-" + process.pid() + "-log");
  }

  /**
   * Writes the configuration into {@code dir} and starts redis-server, waiting until it accepts
   * connections. Throws {@link IllegalStateException} with the server's last log lines if it exits
   * or does not become ready within {@code timeout}.
   */
  static RedisProcess launch(Path binary, Path dir, int port, Duration timeout) {
    Path config = writeConfig(dir, port);
    ProcessBuilder builder =
        new ProcessBuilder(binary.toString(), config.toString())
            .directory(dir.toFile())
            .redirectErrorStream(true);
    try {
      RedisProcess redis = new RedisProcess(builder.start());
      redis.startDraining();
      redis.awaitReady(timeout);
      return redis;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + binary, e);
    }
  }

  static String config(Path dir, int port) {
    return String.join(
        "\n",
        "# Written by Rehearsal on every start; edits are overwritten.",
        "bind 127.0.0.1",
        "port " + port,
        "protected-mode yes",
        "daemonize no",
        "logfile \"\"",
        "dir " + quote(dir.toString()),
        "appendonly yes",
        "appendfilename \"appendonly.aof\"",
        "appendfsync always",
        "aof-load-truncated yes",
        "save \"\"",
        "");
  }

  private static Path writeConfig(Path dir, int port) {
    try {
      return Files.writeString(dir.resolve(CONFIG_FILE), config(dir, port));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + dir.resolve(CONFIG_FILE), e);
    }
  }

  private static String quote(String value) {
    return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }

  long pid() {
    return process.pid();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** The last lines the server logged, oldest first. */
  synchronized String recentLog() {
    return String.join("\n", tail);
  }

  /**
   * Stops the server gracefully (SIGTERM: redis flushes the AOF), forcibly after a grace period.
   */
  void stop() {
    process.destroy();
    try {
      if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private void startDraining() {
    drainer.setDaemon(true);
    drainer.start();
  }

  private void drain() {
    try (BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        remember(line);
      }
    } catch (IOException e) {
      // The stream closes when the process dies; nothing left to drain.
    }
  }

  private synchronized void remember(String line) {
    if (tail.size() == TAIL_LINES) {
      tail.removeFirst();
    }
    tail.addLast(line);
    if (line.contains(READY)) {
      ready.countDown();
    }
    LOG.log(Level.DEBUG, line);
  }

  private void awaitReady(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    try {
      while (!ready.await(20, TimeUnit.MILLISECONDS)) {
        if (!process.isAlive() || System.nanoTime() > deadline) {
          throw notReady(timeout);
        }
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting redis-server", e);
    }
  }

  private IllegalStateException notReady(Duration timeout) throws InterruptedException {
    String why = process.isAlive() ? "within " + timeout : "exited with " + process.exitValue();
    process.destroyForcibly().waitFor();
    drainer.join(STOP_GRACE.toMillis());
    return new IllegalStateException(
        "redis-server did not become ready (" + why + "); last log lines:\n" + recentLog());
  }
}
