package io.rehearsal.shop;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import redis.embedded.core.ExecutableProvider;

/**
 * Copies the redis-server binary that the embedded-redis artifact ships to a path and prints it, so
 * {@code run.sh} can start and stop Redis as its own child process. (The artifact's own copy is a
 * temporary file deleted when this JVM exits.)
 */
public final class RedisBinaryMain {
  private RedisBinaryMain() {}

  /** {@code RedisBinaryMain DESTINATION}. */
  public static void main(String[] argv) throws Exception {
    if (argv.length != 1) {
      throw new IllegalArgumentException("usage: RedisBinaryMain DESTINATION");
    }
    Path destination = Path.of(argv[0]).toAbsolutePath();
    Path extracted = ExecutableProvider.newJarResourceProvider().get().toPath();
    Files.createDirectories(destination.getParent());
    Files.copy(extracted, destination, StandardCopyOption.REPLACE_EXISTING);
    if (!destination.toFile().setExecutable(true)) {
      throw new IllegalStateException("cannot make " + destination + " executable");
    }
    System.out.println(destination);
  }
}
