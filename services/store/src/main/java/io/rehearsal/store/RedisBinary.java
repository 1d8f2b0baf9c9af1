package io.rehearsal.store;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import redis.embedded.core.ExecutableProvider;

/**
 * Locates the redis-server executable shipped inside the embedded-redis artifact.
 *
 * <p>The artifact's own provider copies the ~10 MB binary into a fresh temporary directory on every
 * call; here it is extracted once per JVM (into a directory deleted on exit) and reused.
 */
final class RedisBinary {

  private static File extracted;

  private RedisBinary() {}

  /** The path of an executable redis-server for this OS and architecture. */
  static synchronized Path path() {
    if (extracted == null || !extracted.canExecute()) {
      extracted = extract();
    }
    return extracted.toPath();
  }

  private static File extract() {
    try {
      File dir = Files.createTempDirectory("rehearsal-redis-bin-").toFile();
      dir.deleteOnExit();
      return ExecutableProvider.newJarResourceProvider(dir).get();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot extract the embedded redis-server binary", e);
    }
  }
}
