package io.rehearsal.store;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.api.sync.RedisCommands;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A Lua script from this package's resources, run by digest ({@code EVALSHA}) and sent in full
 * ({@code EVAL}, which also caches it) only when the server does not know it, e.g. after a restart.
 * A script runs atomically, and a script whose {@code EVALSHA} failed with NOSCRIPT had no effect,
 * so the fallback never applies a write twice.
 */
final class LuaScript {

  private final String name;
  private final byte[] source;
  private final String sha1;

  private LuaScript(String name, byte[] source) {
    this.name = name;
    this.source = source;
    this.sha1 = Digests.sha1Hex(source);
  }

  /**
   * Loads {@code name} (e.g. {@code audit_append.lua}) from beside this class, after the libraries
   * it calls (e.g. {@code buckets.lua}), as one script.
   */
  static LuaScript load(String name, String... libraries) {
    ByteArrayOutputStream source = new ByteArrayOutputStream();
    for (String part : libraries) {
      source.writeBytes(resource(part));
    }
    source.writeBytes(resource(name));
    return new LuaScript(
        libraries.length == 0 ? name : String.join("+", libraries) + "+" + name,
        source.toByteArray());
  }

  private static byte[] resource(String name) {
    try (InputStream in = LuaScript.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing script resource " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read script resource " + name, e);
    }
  }

  /** Runs the script and returns its array reply (bulk strings as byte[], integers as Long). */
  List<Object> run(RedisCommands<byte[], byte[]> redis, byte[][] keys, byte[]... args) {
    return Reads.await(runAsync(redis.getStatefulConnection().async(), keys, args));
  }

  /** {@link #run} without waiting: the reply, or the failure, when it comes. */
  CompletableFuture<List<Object>> runAsync(
      RedisAsyncCommands<byte[], byte[]> redis, byte[][] keys, byte[]... args) {
    CompletableFuture<List<Object>> bySha =
        redis.<List<Object>>evalsha(sha1, ScriptOutputType.MULTI, keys, args).toCompletableFuture();
    return bySha.exceptionallyCompose(
        e -> {
          Throwable cause =
              e instanceof java.util.concurrent.CompletionException ? e.getCause() : e;
          if (cause instanceof RedisNoScriptException) {
            return redis
                .<List<Object>>eval(source, ScriptOutputType.MULTI, keys, args)
                .toCompletableFuture();
          }
          return CompletableFuture.failedFuture(cause);
        });
  }

  @Override
  public String toString() {
    return name + "@" + sha1;
  }
}
