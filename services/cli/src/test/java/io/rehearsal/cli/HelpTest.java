package io.rehearsal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Every command's {@code --help} prints its usage without a picocli warning. Picocli writes its
 * warnings (an unescaped {@code %} in a description, say) through its tracer to {@code System.err},
 * not to the command line's own streams, so both are captured.
 */
class HelpTest {

  /** Every command, the root included, as the arguments that reach it ({@code twin simulate}). */
  static Stream<List<String>> commands() {
    List<List<String>> out = new ArrayList<>();
    walk(Main.commandLine(), List.of(), out, Collections.newSetFromMap(new IdentityHashMap<>()));
    return out.stream();
  }

  private static void walk(
      CommandLine command, List<String> path, List<List<String>> out, Set<Object> seen) {
    if (!seen.add(command.getCommandSpec())) {
      return; // an alias of a command already walked
    }
    out.add(path);
    for (Map.Entry<String, CommandLine> sub : command.getSubcommands().entrySet()) {
      List<String> next = new ArrayList<>(path);
      next.add(sub.getValue().getCommandName());
      walk(sub.getValue(), List.copyOf(next), out, seen);
    }
  }

  @Test
  void shouldFindEveryVerbAndTheirSubcommandsWhenWalkingTheTree() {
    List<String> names = commands().map(path -> String.join(" ", path)).toList();

    assertThat(names).contains("", "up", "twin", "sandbox");
    assertThat(names).as("subcommands of the verbs").anyMatch(n -> n.startsWith("twin "));
    assertThat(names).as("subcommands of the verbs").anyMatch(n -> n.startsWith("sandbox "));
  }

  @ParameterizedTest(name = "rehearsal {0} --help")
  @MethodSource("commands")
  void shouldPrintUsageWithoutWarningsWhenAskedForHelp(List<String> path) {
    List<String> args = new ArrayList<>(path);
    args.add("--help");

    Help help = help(Main::commandLine, args.toArray(String[]::new));

    String qualified =
        String.join(" ", Stream.concat(Stream.of("rehearsal"), path.stream()).toList());
    assertThat(help.code()).as("exit code; %s", help).isZero();
    assertThat(help.out())
        .as("help of '%s'", qualified)
        .isNotBlank()
        .containsPattern("Usage: " + Pattern.quote(qualified) + "(\\s|$)");
    assertThat(help.err()).as("command line err of '%s'", qualified).doesNotContain("WARN");
    assertThat(help.systemErr()).as("System.err of '%s'", qualified).doesNotContain("WARN");
    assertThat(help.out()).as("help of '%s'", qualified).doesNotContain("WARN");
  }

  @Test
  void shouldCatchTheWarningWhenADescriptionHasABarePercent() {
    Help help = help(() -> new CommandLine(new BarePercent()), "--help");

    assertThat(help.systemErr()).contains("WARN");
  }

  /** A command whose description picocli cannot format. */
  @Command(
      name = "bare-percent",
      mixinStandardHelpOptions = true,
      description = "Keeps the service at 50% load.")
  static final class BarePercent implements Runnable {
    @Override
    public void run() {}
  }

  /** What one {@code --help} printed: the exit code and every stream picocli may write to. */
  private record Help(int code, String out, String err, String systemErr) {}

  /** Builds the command line and runs it while System.err is captured: both may warn. */
  private static Help help(Supplier<CommandLine> build, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    ByteArrayOutputStream systemErr = new ByteArrayOutputStream();
    PrintStream savedErr = System.err;
    String savedTrace = System.getProperty("picocli.trace");
    System.setProperty("picocli.trace", "WARN");
    System.setErr(new PrintStream(systemErr, true, StandardCharsets.UTF_8));
    try {
      CommandLine commandLine = build.get();
      commandLine.setOut(new PrintWriter(out, true));
      commandLine.setErr(new PrintWriter(err, true));
      int code = commandLine.execute(args);
      return new Help(
          code, out.toString(), err.toString(), systemErr.toString(StandardCharsets.UTF_8));
    } finally {
      System.setErr(savedErr);
      if (savedTrace == null) {
        System.clearProperty("picocli.trace");
      } else {
        System.setProperty("picocli.trace", savedTrace);
      }
    }
  }
}
