package io.rehearsal.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;

/** Test helpers for killing real redis-server processes. */
final class Servers {

  private Servers() {}

  /** Sends SIGKILL (no shutdown, no AOF flush) to {@code pid} and waits until it is gone. */
  static void killHard(long pid) {
    ProcessHandle process = ProcessHandle.of(pid).orElseThrow();
    assertThat(process.destroyForcibly()).isTrue();
    process.onExit().orTimeout(10, TimeUnit.SECONDS).join();
    assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
  }
}
