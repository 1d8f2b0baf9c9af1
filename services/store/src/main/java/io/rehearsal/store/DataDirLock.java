package io.rehearsal.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An exclusive, process-wide claim on a Redis data directory.
 *
 * <p>The lock is an OS file lock ({@link FileChannel#tryLock()}) on {@value #FILE_NAME}, held by
 * this Java process for as long as the embedded server runs. The OS releases it when the process
 * dies, so a crashed JVM never leaves a stale lock behind; a killed redis-server does not release
 * it either, because redis never held it. Within one JVM a registry is checked first: on Linux
 * closing <em>any</em> channel on a locked file drops the process's lock, so the file is opened at
 * most once per process.
 *
 * <p>The file's content is informational ({@code java-pid}, {@code redis-pid}, {@code url}) and is
 * used for the error message and to reap a redis-server orphaned by a JVM that died.
 */
final class DataDirLock implements AutoCloseable {

  static final String FILE_NAME = "rehearsal-redis.lock";

  private static final Map<Path, DataDirLock> HELD = new ConcurrentHashMap<>();

  private final Path dir;
  private final FileChannel channel;
  private final FileLock lock;
  private final Properties previous;

  private DataDirLock(Path dir, FileChannel channel, FileLock lock, Properties previous) {
    this.dir = dir;
    this.channel = channel;
    this.lock = lock;
    this.previous = previous;
  }

  /**
   * Claims {@code dir} (an existing, real path) or throws {@link IllegalStateException} naming the
   * directory, the holder and what to do instead.
   */
  static DataDirLock acquire(Path dir) {
    synchronized (HELD) {
      if (HELD.containsKey(dir)) {
        throw inUse(dir, readQuietly(HELD.get(dir).channel));
      }
      DataDirLock acquired = tryAcquire(dir);
      HELD.put(dir, acquired);
      return acquired;
    }
  }

  private static DataDirLock tryAcquire(Path dir) {
    Path file = dir.resolve(FILE_NAME);
    try {
      FileChannel channel =
          FileChannel.open(
              file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      FileLock lock = channel.tryLock();
      Properties previous = readQuietly(channel);
      if (lock == null) {
        channel.close();
        throw inUse(dir, previous);
      }
      DataDirLock acquired = new DataDirLock(dir, channel, lock, previous);
      acquired.record(OptionalLong.empty(), "");
      return acquired;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot lock Redis data directory " + dir, e);
    }
  }

  /** The pid of the redis-server recorded by the previous holder, if any. */
  OptionalLong previousRedisPid() {
    String value = previous.getProperty("redis-pid", "");
    return value.isBlank() ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(value.trim()));
  }

  /** The url recorded by the previous holder, or empty. */
  String previousUrl() {
    return previous.getProperty("url", "").trim();
  }

  /** Rewrites the lock file with this process's pid and the running server's pid and url. */
  void record(OptionalLong redisPid, String url) {
    String text =
        "java-pid="
            + ProcessHandle.current().pid()
            + "\n"
            + "redis-pid="
            + (redisPid.isPresent() ? redisPid.getAsLong() : "")
            + "\n"
            + "url="
            + url
            + "\n";
    try {
      channel.truncate(0);
      channel.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), 0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write lock file in " + dir, e);
    }
  }

  @Override
  public void close() {
    synchronized (HELD) {
      if (!HELD.remove(dir, this)) {
        return;
      }
      try (channel) {
        record(OptionalLong.empty(), "");
        lock.release();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot release lock on " + dir, e);
      }
    }
  }

  private static IllegalStateException inUse(Path dir, Properties holder) {
    String pid = holder.getProperty("java-pid", "").trim();
    String url = holder.getProperty("url", "").trim();
    return new IllegalStateException(
        "Redis data directory "
            + dir
            + " is already in use by "
            + (pid.isEmpty() ? "another process" : "process " + pid)
            + (url.isEmpty() ? "" : " (serving " + url + ")")
            + "; only one embedded Redis may run on a data directory (lock file "
            + dir.resolve(FILE_NAME)
            + "). Connect to the running Redis instead by setting the system property"
            + " rehearsal.redis.url or the environment variable REHEARSAL_REDIS_URL"
            + (url.isEmpty() ? "" : " to " + url)
            + ", or choose another data directory.");
  }

  private static Properties readQuietly(FileChannel channel) {
    Properties properties = new Properties();
    try {
      ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(channel.size(), 4096));
      channel.read(buffer, 0);
      properties.load(new java.io.StringReader(new String(buffer.array(), StandardCharsets.UTF_8)));
    } catch (IOException | IllegalArgumentException e) {
      // The content is only a hint for messages; an unreadable file means "holder unknown".
    }
    return properties;
  }
}
