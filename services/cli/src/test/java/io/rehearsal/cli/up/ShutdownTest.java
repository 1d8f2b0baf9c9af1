package io.rehearsal.cli.up;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShutdownTest {

  private final StringWriter err = new StringWriter();
  private final Shutdown shutdown = new Shutdown(new PrintWriter(err, true));
  private final List<String> closed = new ArrayList<>();

  @Test
  void shouldCloseNewestFirstWhenRun() {
    shutdown.register(() -> closed.add("redis"));
    shutdown.register(() -> closed.add("services"));

    shutdown.run();

    assertThat(closed).containsExactly("services", "redis");
    assertThat(shutdown.isStarted()).isTrue();
  }

  @Test
  void shouldCloseOnlyOnceWhenRunTwice() {
    shutdown.register(() -> closed.add("redis"));

    shutdown.run();
    shutdown.run();

    assertThat(closed).containsExactly("redis");
  }

  @Test
  void shouldCloseTheRestAndReportWhenOneFails() {
    shutdown.register(() -> closed.add("redis"));
    shutdown.register(
        () -> {
          throw new IllegalStateException("boom");
        });

    shutdown.run();

    assertThat(closed).containsExactly("redis");
    assertThat(err.toString()).contains("error while stopping", "boom");
  }

  @Test
  void shouldCloseAtOnceWhenRegisteredAfterRun() {
    shutdown.run();

    shutdown.register(() -> closed.add("late"));

    assertThat(closed).containsExactly("late");
  }
}
