package io.rehearsal.store;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

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

  /** Loads {@code name} (e.g. {@code audit_append.lua}) from beside this class. */
  static LuaScript load(String name) {
    try (InputStream in = LuaScript.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing script resource " + name);
      }
      return new LuaScript(name, in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read script resource " + name, e);
    }
  }

  /** Runs the script and returns its array reply (bulk strings as byte[], integers as Long). */
  List<Object> run(RedisCommands<byte[], byte[]> redis, byte[][] keys, byte[]... args) {
    try {
      return redis.evalsha(sha1, ScriptOutputType.MULTI, keys, args);
    } catch (RedisNoScriptException e) {
      return redis.eval(source, ScriptOutputType.MULTI, keys, args);
    }
  }

  @Override
  public String toString() {
    return name + "@" + sha1;
  }
}
