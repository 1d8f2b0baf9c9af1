package io.rehearsal.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * A real redis-server, started from the binary shipped in the embedded-redis artifact, serving one
 * data directory on a loopback port.
 *
 * <p>It is the zero-setup default for a laptop or a test: durability comes from the append-only
 * file with {@code appendfsync always} (an acknowledged write survives {@code kill -9} of the
 * server), the data lives in {@code dir} (by default {@code ~/.rehearsal/redis}), and the server
 * binds only to 127.0.0.1. Production points {@code rehearsal.redis.url} at a managed Redis
 * instead.
 *
 * <p>A data directory is claimed by an OS file lock held by this Java process (not by redis), so
 * two processes never run Redis on the same files: the second {@link #start(Path)} fails with an
 * {@link IllegalStateException} naming the directory and the holder. Because the lock belongs to
 * the JVM, a server that was killed can be replaced on the same directory after {@link #close()};
 * and a redis-server orphaned by a JVM that died is stopped by the next holder before it starts.
 *
 * <pre>{@code
 * try (EmbeddedRedis redis = EmbeddedRedis.start(dataDir)) {
 *   connect(redis.uri());
 * }
 * }</pre>
 */
public final class EmbeddedRedis implements AutoCloseable {

  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
  private static final int PORT_ATTEMPTS = 5;

  private final Path dataDir;
  private final int port;
  private final RedisProcess process;
  private final DataDirLock lock;
  private final Thread shutdownHook;
  private boolean closed;

  private EmbeddedRedis(Path dataDir, int port, RedisProcess process, DataDirLock lock) {
    this.dataDir = dataDir;
    this.port = port;
    this.process = process;
    this.lock = lock;
    this.shutdownHook = new Thread(this::stopServer, "embedded-redis-shutdown-" + port);
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  /** The data directory used when none is configured: {@code ~/.rehearsal/redis}. */
  public static Path defaultDataDir() {
    return Path.of(System.getProperty("user.home"), ".rehearsal", "redis");
  }

  /** Starts redis-server on {@link #defaultDataDir()}, see {@link #start(Path)}. */
  public static EmbeddedRedis start() {
    return start(defaultDataDir());
  }

  /**
   * Starts redis-server on a free loopback port with its data in {@code dataDir} (created if
   * missing), returning once it accepts connections.
   *
   * @throws IllegalStateException if another process (or another instance in this JVM) is using
   *     {@code dataDir}, or the server fails to start; the message says why
   * @throws UncheckedIOException if the directory cannot be created or locked
   */
  public static EmbeddedRedis start(Path dataDir) {
    return start(dataDir, 0);
  }

  /**
   * Like {@link #start(Path)} but on a given port; {@code 0} picks a free one. A fixed port is for
   * restarting a server where connected clients expect it.
   */
  public static EmbeddedRedis start(Path dataDir, int port) {
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be between 0 and 65535, but was " + port);
    }
    Path dir = realDirectory(dataDir);
    DataDirLock lock = DataDirLock.acquire(dir);
    try {
      reapOrphan(lock);
      return launch(dir, port, lock);
    } catch (RuntimeException e) {
      lock.close();
      throw e;
    }
  }

  /** The URI clients connect to: {@code redis://127.0.0.1:PORT}. */
  public String uri() {
    return "redis://127.0.0.1:" + port;
  }

  /** The loopback port the server listens on. */
  public int port() {
    return port;
  }

  /** The OS process id of the redis-server process (the same as {@code INFO server} reports). */
  public long pid() {
    return process.pid();
  }

  /** The data directory (real path) holding the append-only file. */
  public Path dataDir() {
    return dataDir;
  }

  /** Whether the redis-server process is still running. */
  public boolean isRunning() {
    return process.isAlive();
  }

  /**
   * Stops the server (SIGTERM, so redis flushes and closes the append-only file; forcibly after a
   * grace period) and releases the data directory. Safe to call more than once and after the server
   * died.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      stopServer();
      removeShutdownHook();
    } finally {
      lock.close();
    }
  }

  @Override
  public String toString() {
    return "EmbeddedRedis[" + uri() + ", pid " + pid() + ", " + dataDir + "]";
  }

  private static EmbeddedRedis launch(Path dir, int port, DataDirLock lock) {
    Path binary = RedisBinary.path();
    for (int attempt = 1; ; attempt++) {
      int chosen = port == 0 ? freePort() : port;
      try {
        RedisProcess process = RedisProcess.launch(binary, dir, chosen, START_TIMEOUT);
        EmbeddedRedis redis = new EmbeddedRedis(dir, chosen, process, lock);
        lock.record(OptionalLong.of(process.pid()), redis.uri());
        return redis;
      } catch (IllegalStateException e) {
        // Another process may take a free port between the probe and redis binding it.
        boolean portTaken = String.valueOf(e.getMessage()).contains("Address already in use");
        if (port != 0 || !portTaken || attempt == PORT_ATTEMPTS) {
          throw e;
        }
      }
    }
  }

  private void stopServer() {
    if (process.isAlive()) {
      process.stop();
    }
  }

  private void removeShutdownHook() {
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      // The JVM is already shutting down; the hook is running or has run.
    }
  }

  /**
   * Stops a redis-server left running on this directory by a holder that died without closing. It
   * is recognised by the pid and address recorded in the lock file: the executable must be a
   * redis-server and, where /proc exists, its title must show the recorded address (redis rewrites
   * its command line to {@code redis-server 127.0.0.1:PORT}), so a reused pid is never killed.
   */
  private static void reapOrphan(DataDirLock lock) {
    OptionalLong pid = lock.previousRedisPid();
    String address = lock.previousUrl().replace("redis://", "");
    if (pid.isEmpty() || address.isEmpty()) {
      return;
    }
    ProcessHandle.of(pid.getAsLong())
        .filter(p -> p.info().command().orElse("").contains("redis-server"))
        .filter(p -> titleShows(p.pid(), address))
        .ifPresent(EmbeddedRedis::kill);
  }

  private static boolean titleShows(long pid, String address) {
    Path cmdline = Path.of("/proc", Long.toString(pid), "cmdline");
    try {
      return !Files.exists(cmdline) || Files.readString(cmdline).contains(address);
    } catch (IOException e) {
      return false;
    }
  }

  private static void kill(ProcessHandle orphan) {
    orphan.destroyForcibly();
    orphan.onExit().orTimeout(10, TimeUnit.SECONDS).join();
  }

  private static Path realDirectory(Path dataDir) {
    try {
      return Files.createDirectories(dataDir.toAbsolutePath()).toRealPath();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create Redis data directory " + dataDir, e);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot find a free loopback port", e);
    }
  }
}
