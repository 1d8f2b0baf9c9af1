package io.rehearsal.cli.up;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ProcessTreeTest {

  private final List<ProcessHandle> started = new ArrayList<>();

  @AfterEach
  void killLeftovers() {
    started.forEach(ProcessHandle::destroyForcibly);
  }

  @Test
  void shouldStopRootAndDescendantsWhenRootExitsOnSigterm() throws Exception {
    ProcessTree tree = ProcessTree.capture(startWithChildren("sleep 300 & sleep 300 & wait", 2));

    ProcessTree.stopAll(List.of(tree), Duration.ofSeconds(5), Ticker.system());

    assertThat(tree.descendants()).hasSize(2);
    assertNothingRuns(tree);
  }

  @Test
  void shouldKillEverythingAfterTheGraceWhenSigtermIsIgnored() throws Exception {
    ProcessTree tree =
        ProcessTree.capture(startWithChildren("trap '' TERM; sleep 300 & wait; wait", 1));
    SteppingTicker ticker = new SteppingTicker(tree.root());

    ProcessTree.stopAll(List.of(tree), Duration.ofSeconds(1), ticker);

    assertNothingRuns(tree);
    assertThat(ticker.elapsed())
        .as("the grace was waited out before the SIGKILL")
        .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    assertThat(ticker.rootRunningAt(Duration.ofSeconds(1)))
        .as("the root ignored SIGTERM and still ran when the grace ended")
        .isTrue();
  }

  @Test
  void shouldReturnAtOnceWhenEverythingHasAlreadyExited() throws Exception {
    Process process = new ProcessBuilder("true").start();
    process.waitFor(10, TimeUnit.SECONDS);
    ProcessTree tree = ProcessTree.capture(process.toHandle());
    SteppingTicker ticker = new SteppingTicker(tree.root());

    ProcessTree.stopAll(List.of(tree), Duration.ofSeconds(10), ticker);

    assertThat(ticker.elapsed())
        .as("stopAll polled nothing (each poll reads the ticker once)")
        .isLessThan(Duration.ofSeconds(1));
    assertNothingRuns(tree);
  }

  private ProcessHandle startWithChildren(String script, int children)
      throws IOException, InterruptedException {
    ProcessHandle root = new ProcessBuilder("bash", "-c", script).start().toHandle();
    started.add(root);
    for (int i = 0; i < 200 && root.descendants().count() < children; i++) {
      TimeUnit.MILLISECONDS.sleep(10);
    }
    root.descendants().forEach(started::add);
    assertThat(root.descendants().count()).isEqualTo(children);
    return root;
  }

  /**
   * A fake clock that moves {@link #STEP} each time it is read (stopAll reads it once per poll), so
   * the grace ends after a known number of polls whatever the machine's speed. It notes whether the
   * root still ran at each reading.
   */
  private static final class SteppingTicker implements Ticker {
    static final Duration STEP = Duration.ofMillis(100);

    private final ProcessHandle root;
    private final List<Boolean> rootRunning = new ArrayList<>();

    SteppingTicker(ProcessHandle root) {
      this.root = root;
    }

    @Override
    public long nanos() {
      rootRunning.add(ProcessTree.isRunning(root));
      return rootRunning.size() * STEP.toNanos();
    }

    /** Fake time read so far, from zero. */
    Duration elapsed() {
      return STEP.multipliedBy(rootRunning.size());
    }

    /** Whether the root ran at the first reading at or after {@code time}. */
    boolean rootRunningAt(Duration time) {
      int reading = (int) (time.toNanos() / STEP.toNanos());
      return reading <= rootRunning.size() && rootRunning.get(reading - 1);
    }
  }

  private static void assertNothingRuns(ProcessTree tree) {
    assertThat(ProcessTree.isRunning(tree.root())).isFalse();
    assertThat(tree.descendants()).noneMatch(ProcessTree::isRunning);
  }
}
