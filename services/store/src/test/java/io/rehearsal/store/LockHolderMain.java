package io.rehearsal.store;

import java.nio.file.Path;

/**
 * A separate JVM for lock tests: starts an embedded Redis on the directory in {@code args[0]},
 * prints {@code locked <redis pid>} and waits to be killed (which orphans its redis-server).
 */
public final class LockHolderMain {

  private LockHolderMain() {}

  public static void main(String[] args) throws InterruptedException {
    EmbeddedRedis redis = EmbeddedRedis.start(Path.of(args[0]));
    System.out.println("locked " + redis.pid());
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}
