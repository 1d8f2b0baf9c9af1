package io.rehearsal.cli.up;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogTailTest {

  @TempDir Path dir;

  @Test
  void shouldReturnTheLastLinesWhenTheFileIsLonger() throws IOException {
    Path log = write(30, "line ");

    assertThat(LogTail.lastLines(log, 3)).containsExactly("line 27", "line 28", "line 29");
  }

  @Test
  void shouldReturnAllLinesWhenTheFileIsShorter() throws IOException {
    Path log = write(2, "line ");

    assertThat(LogTail.lastLines(log, 20)).containsExactly("line 0", "line 1");
  }

  @Test
  void shouldReturnNothingWhenTheFileIsMissing() {
    assertThat(LogTail.lastLines(dir.resolve("missing.log"), 5)).isEmpty();
  }

  @Test
  void shouldReturnOnlyWholeLinesWhenTheFileIsLargerThanTheReadWindow() throws IOException {
    String padding = "x".repeat(1000);
    Path log = write(200, padding + " ");

    List<String> tail = LogTail.lastLines(log, 500);

    assertThat(tail).isNotEmpty().allMatch(line -> line.startsWith(padding));
    assertThat(tail.get(tail.size() - 1)).endsWith(" 199");
  }

  private Path write(int lines, String prefix) throws IOException {
    Path log = dir.resolve("service.log");
    List<String> content =
        IntStream.range(0, lines).mapToObj(i -> prefix + i).collect(Collectors.toList());
    return Files.write(log, content);
  }
}
