package io.rehearsal.cli.up;

import io.rehearsal.cli.CommandFailure;
import io.rehearsal.store.EmbeddedRedis;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;

/**
 * The Redis the services use: the one named by {@code REHEARSAL_REDIS_URL}, or else an embedded
 * redis-server that {@code rehearsal up} starts on its data directory and stops at the end.
 */
final class RedisSource implements AutoCloseable {

  private static final int CONNECT_TIMEOUT_MILLIS = 2_000;
  private static final int DEFAULT_PORT = 6379;

  private final String uri;
  private final String description;
  private final AutoCloseable owned;
  private final boolean embedded;

  private RedisSource(String uri, String description, AutoCloseable owned, boolean embedded) {
    this.uri = uri;
    this.description = description;
    this.owned = owned;
    this.embedded = embedded;
  }

  /**
   * @param envValue the value of {@code REHEARSAL_REDIS_URL}, or null when unset
   * @param dataDir where the embedded Redis keeps its data when {@code envValue} is unset
   */
  static RedisSource open(String envValue, Path dataDir) {
    if (envValue != null && !envValue.isBlank()) {
      return external(envValue.trim());
    }
    return embedded(dataDir);
  }

  /** Whether {@code rehearsal up} started this Redis (and so stops it). */
  boolean embedded() {
    return embedded;
  }

  String uri() {
    return uri;
  }

  /** One line for the terminal; never shows a password. */
  String description() {
    return description;
  }

  @Override
  public void close() throws Exception {
    owned.close();
  }

  static RedisSource external(String value) {
    URI parsed = parse(value);
    requireReachable(parsed, value);
    return new RedisSource(
        value, "Redis " + redact(parsed) + " (from REHEARSAL_REDIS_URL)", () -> {}, false);
  }

  private static RedisSource embedded(Path dataDir) {
    EmbeddedRedis redis;
    try {
      redis = EmbeddedRedis.start(dataDir);
    } catch (RuntimeException e) {
      throw new CommandFailure(
          "could not start the embedded Redis in " + dataDir + ": " + e.getMessage(), e);
    }
    String description =
        "Redis " + redis.uri() + " (embedded, pid " + redis.pid() + ", data " + dataDir + ")";
    return new RedisSource(redis.uri(), description, redis::close, true);
  }

  private static URI parse(String value) {
    try {
      URI uri = new URI(value);
      if (!"redis".equals(uri.getScheme()) && !"rediss".equals(uri.getScheme())
          || uri.getHost() == null) {
        throw new URISyntaxException(value, "expected redis://host:port or rediss://host:port");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new CommandFailure(
          "REHEARSAL_REDIS_URL must look like redis://host:port, but was " + safe(value));
    }
  }

  private static void requireReachable(URI uri, String value) {
    int port = uri.getPort() > 0 ? uri.getPort() : DEFAULT_PORT;
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(uri.getHost(), port), CONNECT_TIMEOUT_MILLIS);
    } catch (IOException e) {
      throw new CommandFailure(
          "REHEARSAL_REDIS_URL="
              + redact(uri)
              + " is not reachable ("
              + e.getMessage()
              + "); start that Redis, or unset REHEARSAL_REDIS_URL to use the embedded one");
    }
  }

  static String redact(URI uri) {
    if (uri.getUserInfo() == null) {
      return uri.toString();
    }
    return uri.toString().replace(uri.getRawUserInfo() + "@", "***@");
  }

  private static String safe(String value) {
    return value.replaceAll("//[^@/]*@", "//***@");
  }
}
