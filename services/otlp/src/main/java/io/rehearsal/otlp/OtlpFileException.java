package io.rehearsal.otlp;

import java.io.IOException;
import java.nio.file.Path;

/** A bad line in an OTLP JSON-lines file; the message starts with {@code file:line: }. */
public final class OtlpFileException extends IOException {

  private static final long serialVersionUID = 1L;

  private final transient Path file;
  private final long line;

  /** A bad line with a reason. */
  public OtlpFileException(Path file, long line, String reason, Throwable cause) {
    super(file + ":" + line + ": " + reason, cause);
    this.file = file;
    this.line = line;
  }

  /** The file. */
  public Path file() {
    return file;
  }

  /** The 1-based line number. */
  public long line() {
    return line;
  }
}
