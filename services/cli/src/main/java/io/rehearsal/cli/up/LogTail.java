package io.rehearsal.cli.up;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The last lines of a log file, read from its end so a large log costs no more than a small one.
 */
final class LogTail {

  private static final int MAX_BYTES = 64 * 1024;

  private LogTail() {}

  /**
   * @param file the log file
   * @param lines how many lines at most
   * @return its last {@code lines} lines; empty when the file is missing or unreadable
   */
  static List<String> lastLines(Path file, int lines) {
    if (lines < 0) {
      throw new IllegalArgumentException("lines must be >= 0, but was " + lines);
    }
    try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
      long length = in.length();
      int size = (int) Math.min(length, MAX_BYTES);
      byte[] tail = new byte[size];
      in.seek(length - size);
      in.readFully(tail);
      return lastOf(new String(tail, StandardCharsets.UTF_8), lines, size < length);
    } catch (IOException e) {
      return List.of();
    }
  }

  private static List<String> lastOf(String text, int lines, boolean truncated) {
    List<String> all = Arrays.asList(text.split("\\R", -1));
    int end = !all.isEmpty() && all.get(all.size() - 1).isEmpty() ? all.size() - 1 : all.size();
    // When the read window starts mid-file, its first line is likely cut: drop it.
    int first = truncated ? 1 : 0;
    return List.copyOf(all.subList(Math.max(first, end - lines), end));
  }
}
