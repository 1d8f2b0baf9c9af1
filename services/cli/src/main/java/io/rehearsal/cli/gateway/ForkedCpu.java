package io.rehearsal.cli.gateway;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The CPU time of a process's children, exited and running: what Redis spends in the children it
 * forks (AOF rewrite, RDB save), which its own CPU time leaves out. Exited children are counted by
 * the kernel in the parent's {@code cutime} and {@code cstime} ({@code /proc/<pid>/stat}, in clock
 * ticks of 1/100 s, Linux's USER_HZ); running ones are asked for directly. Empty where there is no
 * {@code /proc}.
 */
final class ForkedCpu {

  private static final long TICKS_PER_SECOND = 100;

  private ForkedCpu() {}

  static Optional<Duration> of(ProcessHandle parent) {
    Path stat = Path.of("/proc", Long.toString(parent.pid()), "stat");
    try {
      String text = Files.readString(stat);
      // fields after the command name (in parentheses, which may hold spaces): state is field 3
      String[] fields = text.substring(text.lastIndexOf(')') + 2).trim().split(" ");
      long ticks = Long.parseLong(fields[16 - 3]) + Long.parseLong(fields[17 - 3]);
      Duration total = Duration.ofMillis(ticks * 1000 / TICKS_PER_SECOND);
      for (ProcessHandle child : parent.children().toList()) {
        total = total.plus(child.info().totalCpuDuration().orElse(Duration.ZERO));
      }
      return Optional.of(total);
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
