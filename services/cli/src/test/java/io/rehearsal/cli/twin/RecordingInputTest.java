package io.rehearsal.cli.twin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rehearsal.cli.CommandFailure;
import io.rehearsal.otlp.RecordingOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class RecordingInputTest {
  @TempDir Path dir;

  @Test
  void shouldFailNamingTheFileTwiceWhenAGzipIsCutShort() throws IOException {
    Path whole = CalibrateFixtures.recording(dir, "whole", 20, 10, 1);
    byte[] bytes = Files.readAllBytes(whole);
    Path cut = Files.write(dir.resolve("cut.otlp.jsonl.gz"), Arrays.copyOf(bytes, 200));
    RecordingOptions options = RecordingInput.skippingBadLines(new PrintWriter(new StringWriter()));

    assertThatThrownBy(() -> RecordingInput.read(cut, options))
        .isInstanceOf(CommandFailure.class)
        .hasMessageStartingWith("cannot read " + cut + ": " + cut + ":");
  }

  @Test
  void shouldSayNothingWhenNoLineWasSkipped() throws IOException {
    Path file = CalibrateFixtures.recording(dir, "clean", 20, 10, 1);
    StringWriter err = new StringWriter();

    RecordingInput.read(file, RecordingInput.skippingBadLines(new PrintWriter(err)));

    assertThat(err.toString()).isEmpty();
  }

  @Test
  void shouldBeAUsageErrorWhenSkipIsNotANumberOfSeconds() {
    CommandLine line = new CommandLine(new TwinFidelityCommand());

    assertThatThrownBy(
            () ->
                RecordingInput.skip(RecordingOptions.defaults(), Double.NaN, line.getCommandSpec()))
        .isInstanceOf(CommandLine.ParameterException.class)
        .hasMessage("--skip must be >= 0 seconds, but was NaN");
  }
}
