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
    Ticker ticker = Ticker.system();
    long start = ticker.nanos();

    ProcessTree.stopAll(List.of(tree), Duration.ofMillis(500), ticker);

    assertNothingRuns(tree);
    assertThat(ticker.since(start)).isBetween(Duration.ofMillis(500), Duration.ofSeconds(5));
  }

  @Test
  void shouldReturnAtOnceWhenEverythingHasAlreadyExited() throws Exception {
    Process process = new ProcessBuilder("true").start();
    process.waitFor(10, TimeUnit.SECONDS);
    ProcessTree tree = ProcessTree.capture(process.toHandle());
    Ticker ticker = Ticker.system();
    long start = ticker.nanos();

    ProcessTree.stopAll(List.of(tree), Duration.ofSeconds(10), ticker);

    assertThat(ticker.since(start)).isLessThan(Duration.ofSeconds(1));
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

  private static void assertNothingRuns(ProcessTree tree) {
    assertThat(ProcessTree.isRunning(tree.root())).isFalse();
    assertThat(tree.descendants()).noneMatch(ProcessTree::isRunning);
  }
}
