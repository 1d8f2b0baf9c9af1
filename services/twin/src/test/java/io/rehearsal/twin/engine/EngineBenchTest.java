package io.rehearsal.twin.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.rehearsal.twin.RunResult;
import io.rehearsal.twin.Scenario;
import io.rehearsal.twin.SimulationConfig;
import io.rehearsal.twin.TwinSpec;
import io.rehearsal.twin.TwinSpecs;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * A one-core measurement of the engine on the shop topology, printed as one JSON line: events per
 * second, simulated seconds per wall second, and heap bytes allocated per event in steady state
 * (the difference between a long and a short run, so set-up and histogram growth cancel out).
 */
class EngineBenchTest {
  private static final TwinSpec SHOP = TwinSpecs.read(Path.of("examples/shop.yaml"));

  @Test
  void shouldAllocateAlmostNothingPerEventWhenRunningTheShop() {
    Engine engine = new Engine(SHOP);
    run(engine, 200);
    long[] shortRun = measure(engine, 300);
    long[] longRun = measure(engine, 900);
    double events = longRun[0] - shortRun[0];
    double bytesPerEvent = (longRun[1] - shortRun[1]) / events;
    double seconds = longRun[2] / 1e9;
    System.out.printf(
        "BENCH {\"events_per_sec\": %.0f, \"sim_speedup\": %.1f, \"bytes_per_event\": %.2f, \"events\": %d}%n",
        longRun[0] / seconds, 900 / seconds, bytesPerEvent, longRun[0]);
    // Buckets, autoscaler decisions and pool growth allocate per bucket or per period, never per
    // event; 8 bytes per event on average leaves room for those.
    assertThat(bytesPerEvent).isLessThan(8);
  }

  private static long[] measure(Engine engine, double duration) {
    com.sun.management.ThreadMXBean bean =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long thread = Thread.currentThread().getId();
    long before = bean.getThreadAllocatedBytes(thread);
    long start = System.nanoTime();
    RunResult r = run(engine, duration);
    long wall = System.nanoTime() - start;
    return new long[] {r.events(), bean.getThreadAllocatedBytes(thread) - before, wall};
  }

  private static RunResult run(Engine engine, double duration) {
    return engine.run(Scenario.NONE, SimulationConfig.of(duration), 1, 0);
  }
}
