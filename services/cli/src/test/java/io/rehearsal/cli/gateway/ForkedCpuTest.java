package io.rehearsal.cli.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ForkedCpuTest {

  @Test
  void shouldCountTheCpuOfAChildThatRanAndExitedWhenItsParentReapedIt() throws Exception {
    // the parent forks a child that counts for a while, reaps it, then idles
    Process parent =
        new ProcessBuilder(
                "sh",
                "-c",
                "sh -c 'i=0; while [ $i -lt 300000 ]; do i=$((i+1)); done'; echo reaped; sleep 30")
            .redirectErrorStream(true)
            .start();
    try {
      ProcessHandle handle = parent.toHandle();
      Duration atStart = ForkedCpu.of(handle).orElseThrow();
      String line = new String(parent.getInputStream().readNBytes("reaped".length()));
      assertThat(line).isEqualTo("reaped");

      Duration afterChild = ForkedCpu.of(handle).orElseThrow();
      Duration own = handle.info().totalCpuDuration().orElseThrow();

      assertThat(afterChild.minus(atStart)).isGreaterThan(Duration.ofMillis(100));
      assertThat(own).isLessThan(afterChild.minus(atStart)); // the parent itself only waited
    } finally {
      parent.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }
}
