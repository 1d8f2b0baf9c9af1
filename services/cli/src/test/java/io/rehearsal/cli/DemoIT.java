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
 * detector's recording, a latency fault on catalog, and the detector's own loop through the
 * sandbox, the gateway (approved with {@code --approve}), the signed webhook and the actuation, to
 * the detector's recovery check (recovered, or symptoms persist after the remediation ran). Asserts
 * what the timeline says happened and that nothing it started is left running. About 3 minutes and
 * eleven JVMs, so it runs only with {@code -Pdemo-it} (services/cli/pom.xml).
 */
class DemoIT {

  @TempDir Path work;

  @Test
  void shouldRunTheLoopFromFaultToTheRecoveryCheckWhenCatalogTurnsSlow() throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));

    int code =
        cli.execute(
            "demo",
            "--once",
            "--approve",
            "--fault",
            "latency:catalog:400",
            "--timeout",
            "180",
            "--work-dir",
            work.toString());

    String printed = "demo printed:\n" + out + "\nstderr:\n" + err;
    assertThat(code).as(printed).isZero();
    assertThat(out.toString())
        .as(printed)
        .contains("stack ready", "reference shop up", "twin calibrated", "fault injected")
        .containsPattern("incident inc-\\S+ opened \\d+\\.\\d s after the fault")
        .containsPattern("one-time password \\S+")
        // the detector's loop: suspects from the spans, proposals from the catalog, the sandbox
        .contains("loop: suspects done", "detector proposed", "sandbox rehearsed evaluation")
        // the gateway decided under the example policy; --approve stood in for the reviewer
        .containsPattern("gateway decision \\S+: [A-Z_]+ for ")
        // the approved remediation reached the signed webhook and was carried out on the shop
        .containsPattern("webhook: decision \\S+ delivered, signature verified")
        .contains("actuated: ")
        // and the detector checked the SLOs afterwards and said whether they recovered
        .containsPattern(
            "fault -> decision \\d+\\.\\d s; (fault -> recovery verified \\d+\\.\\d s"
                + "|the remediation ran but did not restore the SLOs \\(symptoms persist)");
    assertThat(Files.readString(work.resolve("twin.yaml")))
        .as(printed)
        .contains("catalog")
        .contains("- endpoint: frontend/GET /browse\n  percentile: 99.0");
    assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive))
        .as("processes left running by the demo")
        .isEmpty();
  }
}
