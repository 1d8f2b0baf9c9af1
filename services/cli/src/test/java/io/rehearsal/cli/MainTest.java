package io.rehearsal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class MainTest {

  /** The verbs that exist today; a new verb must be added here and to RehearsalCommand. */
  private static final List<String> VERBS =
      List.of("up", "twin", "sandbox", "policy", "audit", "gateway", "ml", "incidents", "demo");

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine commandLine = Main.commandLine();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    return commandLine.execute(args);
  }

  @Test
  void shouldListEveryVerbWithAOneLineDescriptionWhenAskedForHelp() {
    int code = run("--help");

    assertThat(code).isZero();
    Map<String, String> verbs = commandsSection(out.toString());
    assertThat(verbs.keySet()).containsExactlyElementsOf(VERBS);
    assertThat(verbs.values()).allSatisfy(description -> assertThat(description).isNotBlank());
  }

  @Test
  void shouldPrintTheProjectVersionWhenAskedForVersion() {
    int code = run("--version");

    assertThat(code).isZero();
    assertThat(out.toString()).startsWith("rehearsal " + VersionProvider.projectVersion());
    assertThat(VersionProvider.projectVersion()).matches("\\d+\\.\\d+\\.\\d+.*");
  }

  @Test
  void shouldExitWithUsageErrorWhenNoVerbIsGiven() {
    int code = run();

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("Missing required command: up, twin, sandbox");
  }

  @Test
  void shouldExitWithUsageErrorAndSuggestWhenTheVerbIsUnknown() {
    int code = run("upp");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("Unmatched argument", "'upp'", "up");
  }

  @Test
  void shouldExitWithUsageErrorWhenAnOptionIsUnknown() {
    int code = run("up", "--gateway-port", "1");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("--gateway-port", "rehearsal up --help");
  }

  @Test
  void shouldExitWithUsageErrorWhenAPortIsNotANumber() {
    int code = run("up", "--sandbox-http-port", "eighty");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("--sandbox-http-port", "eighty");
  }

  @Test
  void shouldExitWithUsageErrorNamingTheOptionWhenAPortIsOutOfRange() {
    int code = run("up", "--gateway-grpc-port", "70000");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString())
        .contains("--gateway-grpc-port must be between 1 and 65535, but was 70000");
  }

  @Test
  void shouldExitWithUsageErrorNamingBothOptionsWhenTwoPortsAreEqual() {
    int code = run("up", "--otlp-http-port", "8080");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString())
        .contains("--otlp-http-port and --gateway-http-port must differ, but both are 8080");
  }

  @Test
  void shouldExitWithUsageErrorWhenTheTimeoutIsNotPositive() {
    int code = run("up", "--timeout", "0");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("--timeout must be at least 1 second, but was 0");
  }

  /** Parses the "Commands:" section of the usage text: one " verb description" line each. */
  private static Map<String, String> commandsSection(String usage) {
    List<String> lines = new ArrayList<>(usage.lines().toList());
    int start = lines.indexOf("Commands:");
    assertThat(start).as("usage has a Commands: section:%n%s", usage).isNotNegative();
    Map<String, String> verbs = new LinkedHashMap<>();
    for (String line : lines.subList(start + 1, lines.size())) {
      if (line.isBlank()) {
        break;
      }
      assertThat(line).as("one line per verb").matches("  \\S+\\s{2,}\\S.*");
      String[] parts = line.trim().split("\\s{2,}", 2);
      verbs.put(parts[0], parts[1]);
    }
    return verbs;
  }

  @Test
  void shouldListTwinVerbsWhenAskedForTwinHelp() {
    int code = run("twin", "--help");

    assertThat(code).isZero();
    assertThat(commandsSection(out.toString()).keySet())
        .containsExactly("validate", "simulate", "bench", "calibrate", "fidelity", "capacity");
  }
}
