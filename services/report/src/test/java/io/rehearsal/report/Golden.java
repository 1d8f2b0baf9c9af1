package io.rehearsal.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Compares a rendering with its golden file under {@code src/test/resources/golden/}. Run the tests
 * with {@code -Drehearsal.golden.update=true} to rewrite the files after an intended change, then
 * review the diff.
 */
public final class Golden {
  private static final String DIR = "golden/";

  private Golden() {}

  /** Asserts that {@code actual} equals the golden file {@code name}, byte for byte. */
  public static void assertMatches(String name, String actual) {
    if (Boolean.getBoolean("rehearsal.golden.update")) {
      write(name, actual);
    }
    assertThat(actual).as("rendering against golden file " + DIR + name).isEqualTo(read(name));
  }

  private static String read(String name) {
    try (InputStream in = Golden.class.getClassLoader().getResourceAsStream(DIR + name)) {
      if (in == null) {
        throw new AssertionError(
            "no golden file " + DIR + name + " (run with -Drehearsal.golden.update=true)");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(String name, String text) {
    try {
      Path file = Path.of("src/test/resources", DIR, name);
      Files.createDirectories(file.getParent());
      Files.writeString(file, text);
      Path copy = Path.of("target/test-classes", DIR, name);
      Files.createDirectories(copy.getParent());
      Files.writeString(copy, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
