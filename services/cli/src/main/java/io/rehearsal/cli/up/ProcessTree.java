package io.rehearsal.cli.up;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A process and the descendants it had when captured. Descendants must be captured before the
 * process is stopped: once it exits, its children are re-parented and no longer found through it.
 */
final class ProcessTree {

  private static final Duration POLL = Duration.ofMillis(50);
  private static final Duration AFTER_KILL = Duration.ofSeconds(2);

  private final ProcessHandle root;
  private final List<ProcessHandle> descendants;

  private ProcessTree(ProcessHandle root, List<ProcessHandle> descendants) {
    this.root = root;
    this.descendants = descendants;
  }

  static ProcessTree capture(ProcessHandle root) {
    return new ProcessTree(root, root.descendants().collect(Collectors.toList()));
  }

  ProcessHandle root() {
    return root;
  }

  List<ProcessHandle> descendants() {
    return descendants;
  }

  /**
   * Stops the trees together: SIGTERM to every root, up to {@code grace} for them to exit, then
   * SIGTERM to surviving descendants until the same deadline, then SIGKILL to whatever still runs.
   * Returns once nothing captured is running, or a short while after the SIGKILLs.
   */
  static void stopAll(List<ProcessTree> trees, Duration grace, Ticker ticker) {
    long deadline = ticker.nanos() + grace.toNanos();
    List<ProcessHandle> roots = trees.stream().map(ProcessTree::root).collect(Collectors.toList());
    roots.forEach(ProcessHandle::destroy);
    awaitExit(roots, deadline, ticker);
    List<ProcessHandle> all = allProcesses(trees);
    signalRunning(all, ProcessHandle::destroy);
    awaitExit(all, deadline, ticker);
    signalRunning(all, ProcessHandle::destroyForcibly);
    awaitExit(all, ticker.nanos() + AFTER_KILL.toNanos(), ticker);
  }

  private static List<ProcessHandle> allProcesses(List<ProcessTree> trees) {
    return trees.stream()
        .flatMap(tree -> Stream.concat(Stream.of(tree.root), tree.descendants.stream()))
        .collect(Collectors.toList());
  }

  private static void signalRunning(List<ProcessHandle> processes, Consumer<ProcessHandle> signal) {
    processes.stream().filter(ProcessTree::isRunning).forEach(signal);
  }

  private static void awaitExit(List<ProcessHandle> processes, long deadline, Ticker ticker) {
    while (processes.stream().anyMatch(ProcessTree::isRunning)
        && ticker.nanos() < deadline
        && !Thread.currentThread().isInterrupted()) {
      sleep(POLL);
    }
  }

  private static void sleep(Duration duration) {
    try {
      TimeUnit.NANOSECONDS.sleep(duration.toNanos());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Whether a process still runs. A killed orphan stays a zombie until init reaps it, and {@link
   * ProcessHandle#isAlive()} counts zombies as alive; procfs tells them apart.
   */
  static boolean isRunning(ProcessHandle process) {
    if (!process.isAlive()) {
      return false;
    }
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
      char state = stat.charAt(stat.lastIndexOf(')') + 2);
      return state != 'Z' && state != 'X';
    } catch (IOException | RuntimeException e) {
      return process.isAlive();
    }
  }
}
