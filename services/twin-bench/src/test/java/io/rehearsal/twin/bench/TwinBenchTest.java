package io.rehearsal.twin.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.rehearsal.twin.spec.TwinSpec;
import io.rehearsal.twin.spec.TwinSpecs;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The benchmark's bookkeeping, with a fake meter: no speed is asserted. */
class TwinBenchTest {
  private static final TwinSpec SHOP = TwinSpecs.read(Path.of("../../examples/twin/shop.yaml"));

  /** Each reading of the clock moves it on by 10 ms; each reading of allocation by 1 kB. */
  private static final class FakeMeter implements Meter {
    private long nanos;
    private long bytes;

    @Override
    public long nanoTime() {
      return nanos += 10_000_000;
    }

    @Override
    public long allocatedBytes() {
      return bytes += 1024;
    }
  }

  @Test
  void shouldReportConsistentFiguresWhenPhasesAreShort() {
    List<String> phases = new ArrayList<>();
    BenchConfig config = new BenchConfig(0, 0, 20, 1000, 1);
    BenchResult r = new TwinBench(SHOP, config, new FakeMeter()).run(phases::add);

    assertThat(phases).hasSize(2);
    assertThat(phases.get(1)).startsWith("engine on shop scaled x3.");
    assertThat(r.engineRuns()).isEqualTo(1);
    assertThat(r.leanRuns()).isEqualTo(1);
    assertThat(r.requestsPerSec()).isPositive();
    assertThat(r.engineVsLean())
        .isCloseTo(r.requestsPerSec() / r.leanRequestsPerSec(), within(1e-9));
    assertThat(r.scaledRequestRate()).isCloseTo(1000, within(60.0));
    assertThat(r.leanVisitsPerRequest()).isCloseTo(r.expectedVisitsPerRequest(), within(1.0));
    assertThat(r.eventsPerRequest()).isGreaterThan(10);
    assertThat(r.targetsMet()).isEqualTo(r.engineVsLean() >= 0.3 && r.simSpeedup1000rps() >= 300);
  }

  @Test
  void shouldWriteOneJsonObjectWithTheAgreedKeysWhenSerialised() {
    BenchResult r =
        new TwinBench(SHOP, new BenchConfig(0, 0, 5, 1000, 1), new FakeMeter()).run(p -> {});
    String json = r.toJson();
    assertThat(json).startsWith("{").endsWith("}").doesNotContain("\n");
    assertThat(json)
        .contains(
            "\"requests_per_sec\":",
            "\"lean_requests_per_sec\":",
            "\"engine_vs_lean\":",
            "\"sim_speedup_1000rps\":",
            "\"events_per_sec\":",
            "\"allocated_bytes_per_event\":",
            "\"warmup_seconds\":",
            "\"measure_seconds\":");
  }
}
