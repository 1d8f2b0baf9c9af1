package io.rehearsal.ml.nab;

import java.util.List;
import java.util.Map;

/**
 * A detector's NAB score under one cost profile: the corpus-wide threshold NAB's optimiser picked,
 * the raw score at that threshold, the null and perfect raw scores, and the normalised score {@code
 * 100 (S - S_null) / (S_perfect - S_null)}.
 *
 * @param profile the cost profile
 * @param threshold one threshold for every file: a row detects when its score is at least this
 * @param raw the raw score summed over every file
 * @param nullScore the raw score of a detector that never fires
 * @param perfectScore the raw score of a detector that fires on the first scorable row of each
 *     window only
 * @param normalized the normalised score, 0 for the null detector and 100 for the perfect one
 * @param windows windows with at least one scorable row
 * @param detectedWindows windows with a detection
 * @param falsePositiveRows scorable rows outside every window that detect
 * @param categories the same figures per category (folder)
 */
public record NabScore(
    CostProfile profile,
    double threshold,
    double raw,
    double nullScore,
    double perfectScore,
    double normalized,
    int windows,
    int detectedWindows,
    int falsePositiveRows,
    Map<String, Category> categories) {

  /** Copies the categories. */
  public NabScore {
    categories = Map.copyOf(categories);
  }

  /**
   * One category's share of the raw score at the corpus threshold.
   *
   * @param raw raw score of the category's files
   * @param windows windows in the category
   * @param detectedWindows windows detected
   * @param falsePositiveRows false-positive rows
   * @param files the category's files
   */
  public record Category(
      double raw, int windows, int detectedWindows, int falsePositiveRows, List<String> files) {
    /** Copies the file list. */
    public Category {
      files = List.copyOf(files);
    }
  }
}
