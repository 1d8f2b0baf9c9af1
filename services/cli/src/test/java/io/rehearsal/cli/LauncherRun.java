package io.rehearsal.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One run of the real {@code ./rehearsal} launcher in a child process, for integration tests. The
 * launcher's build step is skipped (REHEARSAL_SKIP_BUILD=1): Maven has just built the jars, and a
 * Maven build nested in this one would race with it. Output (stdout and stderr) goes to a file.
 */
final class LauncherRun implements AutoCloseable {

  private final Process process;
  private final Path output;

  private LauncherRun(Process process, Path output) {
    this.process = process;
    this.output = output;
  }

  /** The repository root: set by failsafe, or two levels above this module. */
  static Path home() {
    String home = System.getProperty("rehearsal.home", "../..");
    try {
      return Path.of(home).toRealPath();
    } catch (IOException e) {
      throw new IllegalStateException("rehearsal.home " + home + " does not exist", e);
    }
  }

  static LauncherRun start(List<String> args, Path output) throws IOException {
    return start(args, Map.of(), output);
  }

  /** Starts the launcher with extra environment variables, which the services inherit. */
  static LauncherRun start(List<String> args, Map<String, String> env, Path output)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add("./rehearsal");
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command).directory(home().toFile());
    builder.environment().put("REHEARSAL_SKIP_BUILD", "1");
    builder.environment().remove("REHEARSAL_REDIS_URL");
    builder.environment().putAll(env);
    builder.redirectErrorStream(true).redirectOutput(output.toFile());
    return new LauncherRun(builder.start(), output);
  }

  ProcessHandle handle() {
    return process.toHandle();
  }

  String output() throws IOException {
    return Files.readString(output);
  }

  /** Waits for {@code marker} in the output; fails with the output if the run ends first. */
  String awaitOutput(String marker, Duration timeout) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      String text = output();
      if (text.contains(marker)) {
        return text;
      }
      if (!process.isAlive()) {
        throw new AssertionError(
            "exited with " + process.exitValue() + " before '" + marker + "':\n" + text);
      }
      TimeUnit.MILLISECONDS.sleep(200);
    }
    throw new AssertionError("no '" + marker + "' after " + timeout + ":\n" + output());
  }

  int awaitExit(Duration timeout) throws InterruptedException, IOException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError("still running after " + timeout + ":\n" + output());
    }
    return process.exitValue();
  }

  /** Sends a signal the way a shell does, e.g. {@code signal("INT")} is {@code kill -INT pid}. */
  void signal(String name) throws IOException, InterruptedException {
    Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).start();
    if (kill.waitFor() != 0) {
      throw new AssertionError("kill -" + name + " " + process.pid() + " failed");
    }
  }

  /** Whatever a failed test left behind is killed, so one failure does not poison the next run. */
  @Override
  public void close() {
    process.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
  }

  /** A process counts as gone once it exited, even if nobody reaped it yet (a zombie). */
  static boolean isRunning(ProcessHandle handle) {
    if (!handle.isAlive()) {
      return false;
    }
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(handle.pid()), "stat"));
      char state = stat.charAt(stat.lastIndexOf(')') + 2);
      return state != 'Z' && state != 'X';
    } catch (IOException e) {
      return false;
    }
  }
}
