package io.rehearsal.otlp;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads lines of at most {@code maxChars} characters; a longer line is skipped to its end without
 * being held, and reported as too long. Lines end at {@code \n}; a trailing {@code \r} is dropped.
 */
final class LineReader {

  /** One line: its text, or null with {@code tooLong} when it exceeded the bound. */
  record Line(long number, String text, boolean tooLong) {}

  private final Reader in;
  private final int maxChars;
  private final char[] buffer = new char[64 * 1024];
  private final StringBuilder current = new StringBuilder();
  private int position;
  private int limit;
  private long number;

  LineReader(Reader in, int maxChars) {
    this.in = in;
    this.maxChars = maxChars;
  }

  /** The next line, or null at the end of the input. */
  Line next() throws IOException {
    current.setLength(0);
    boolean tooLong = false;
    boolean any = false;
    while (fill()) {
      any = true;
      int end = indexOfNewline();
      int stop = end < 0 ? limit : end;
      if (!tooLong && current.length() + (stop - position) > maxChars) {
        tooLong = true;
        current.setLength(0);
      }
      if (!tooLong) {
        current.append(buffer, position, stop - position);
      }
      position = end < 0 ? limit : end + 1;
      if (end >= 0) {
        return line(tooLong);
      }
    }
    return any ? line(tooLong) : null;
  }

  private Line line(boolean tooLong) {
    number++;
    if (tooLong) {
      return new Line(number, null, true);
    }
    int length = current.length();
    if (length > 0 && current.charAt(length - 1) == '\r') {
      current.setLength(length - 1);
    }
    return new Line(number, current.toString(), false);
  }

  private boolean fill() throws IOException {
    if (position < limit) {
      return true;
    }
    limit = in.read(buffer);
    position = 0;
    if (limit <= 0) {
      limit = 0;
      return false;
    }
    return true;
  }

  private int indexOfNewline() {
    for (int i = position; i < limit; i++) {
      if (buffer[i] == '\n') {
        return i;
      }
    }
    return -1;
  }
}
