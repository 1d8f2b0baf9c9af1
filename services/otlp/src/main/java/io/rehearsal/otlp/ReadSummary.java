package io.rehearsal.otlp;

import java.util.List;

/**
 * What reading an OTLP JSON-lines file yielded.
 *
 * @param traceLines lines holding trace exports
 * @param metricLines lines holding metric exports
 * @param ignoredLines lines holding logs, profiles or an empty object
 * @param badLines lines skipped as bad (only when skipping)
 * @param spans valid spans passed on
 * @param rejectedSpans invalid spans left out
 * @param points valid metric points passed on
 * @param rejectedPoints invalid metric points left out
 * @param errors the first bad-line errors, each naming file and line
 */
public record ReadSummary(
    long traceLines,
    long metricLines,
    long ignoredLines,
    long badLines,
    long spans,
    long rejectedSpans,
    long points,
    long rejectedPoints,
    List<OtlpFileException> errors) {

  /** Copies the error list. */
  public ReadSummary {
    errors = List.copyOf(errors);
  }
}
