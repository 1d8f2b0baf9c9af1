package io.rehearsal.otlp;

import java.util.List;

/**
 * The records an export request mapped to, and what it had to reject.
 *
 * @param accepted the valid records, in request order
 * @param rejected how many items (spans or data points) were invalid and left out
 * @param reasons the reasons for the first few rejections, each naming the item's path
 * @param unexplained how many rejected items no kept reason covers
 * @param <T> the record type
 */
public record Mapped<T>(List<T> accepted, long rejected, List<String> reasons, long unexplained) {

  /** How many reasons are kept; the rest are only counted. */
  public static final int MAX_REASONS = 5;

  /** Copies the lists and checks the counts. */
  public Mapped {
    accepted = List.copyOf(accepted);
    reasons = List.copyOf(reasons);
    if (unexplained < 0 || unexplained > rejected) {
      throw new IllegalArgumentException(
          "unexplained must be between 0 and rejected " + rejected + ", but was " + unexplained);
    }
  }

  /** Accepted plus rejected. */
  public long total() {
    return accepted.size() + rejected;
  }

  /**
   * An error message for an OTLP partial-success response, e.g. {@code rejected 2 of 10 spans:
   * resourceSpans[0].scopeSpans[0].spans[3]: endTimeUnixNano ... (and 1 more)}; empty when none was
   * rejected.
   */
  public String errorMessage(String items) {
    if (rejected == 0) {
      return "";
    }
    String more = unexplained > 0 ? " (and " + unexplained + " more)" : "";
    return "rejected "
        + rejected
        + " of "
        + total()
        + " "
        + items
        + ": "
        + String.join("; ", reasons)
        + more;
  }
}
