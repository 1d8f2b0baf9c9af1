package io.rehearsal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A shortened {@code rehearsal demo --once}: the real stack (three packaged Quarkus services and an
 * embedded redis-server), the real reference shop as eight JVMs under load, calibration from the
 * detector's recording, a latency fault on catalog, and the detector's own loop. Asserts what the
 * timeline says happened and that nothing it started is left running. About 3 minutes and eleven
 * JVMs, so it runs only with {@code -Pdemo-it} (services/cli/pom.xml).
 */
class DemoIT {

  @TempDir Path work;

  @Test
  void shouldOpenAnIncidentAndDecideWhenCatalogTurnsSlow() throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));

    int code =
        cli.execute(
            "demo",
            "--once",
            "--fault",
            "latency:catalog:400",
            "--baseline",
            "40",
            "--timeout",
            "150",
            "--work-dir",
            work.toString());

    String printed = "demo printed:\n" + out + "\nstderr:\n" + err;
    assertThat(out.toString())
        .as(printed)
        .contains("stack ready", "reference shop up", "twin calibrated", "fault injected")
        .containsPattern("incident inc-\\S+ opened \\d+\\.\\d s after the fault")
        .containsPattern("one-time password \\S+");
    assertThat(Files.readString(work.resolve("twin.yaml"))).as(printed).contains("catalog");
    // the detector's loop ran on the incident: suspects from the spans, proposals from the catalog
    assertThat(out.toString()).as(printed).contains("loop: suspects done", "detector proposed");
    if (code == 0) {
      assertThat(out.toString())
          .as(printed)
          .containsPattern("gateway decision \\S+: [A-Z_]+ for ")
          .containsPattern("fault -> decision \\d+\\.\\d s");
    } else {
      // no decision: allowed only when the loop itself says at which step it stopped
      assertThat(code).as(printed).isEqualTo(3);
      assertThat(out.toString()).as(printed).contains("no decision: the detector's loop stopped (");
    }
    assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive))
        .as("processes left running by the demo")
        .isEmpty();
  }
}
