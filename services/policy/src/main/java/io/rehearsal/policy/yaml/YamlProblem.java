package io.rehearsal.policy.yaml;

/**
 * A problem in a YAML file, located at a line: printed as {@code file:line: message}, the form
 * editors and CI annotate.
 */
public final class YamlProblem extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String file;
  private final int line;
  private final String detail;

  /**
   * @param file the file as the user named it
   * @param line 1-based line; 0 when unknown
   * @param detail what is wrong, naming the field and the bad value
   */
  public YamlProblem(String file, int line, String detail) {
    super(file + ":" + line + ": " + detail);
    this.file = file;
    this.line = line;
    this.detail = detail;
  }

  /** The file as the user named it. */
  public String file() {
    return file;
  }

  /** 1-based line of the problem; 0 when unknown. */
  public int line() {
    return line;
  }

  /** What is wrong, without the location. */
  public String detail() {
    return detail;
  }
}
