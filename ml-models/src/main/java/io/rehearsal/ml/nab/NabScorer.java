package io.rehearsal.ml.nab;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * NAB's scorer: for each cost profile, the one threshold that maximises the raw score summed over
 * every file (NAB's optimiser sweeps thresholds from 1.1 down through every distinct score and
 * keeps the first maximum), then the raw score at that threshold, normalised against the null and
 * perfect detectors on the same files.
 */
public final class NabScorer {

  /** NAB's starting threshold: above every score, so nothing detects. */
  static final double NEVER = 1.1;

  private final List<ScoredFile> files;
  private final int[] order;
  private final int[] fileOf;
  private final int[] rowOf;
  private final int[] windowBase;
  private final int windowTotal;

  private NabScorer(List<ScoredFile> files) {
    this.files = files;
    this.windowBase = new int[files.size()];
    int base = 0;
    int rows = 0;
    for (int f = 0; f < files.size(); f++) {
      windowBase[f] = base;
      base += files.get(f).windowCount;
      rows += scorable(files.get(f));
    }
    this.windowTotal = base;
    this.fileOf = new int[rows];
    this.rowOf = new int[rows];
    this.order = sortByScoreDescending(rows);
  }

  /**
   * Prepares result series for scoring.
   *
   * @param results result series, each named like its labels entry ({@code category/file.csv})
   * @param labels the anomaly windows; a result with no labels entry is refused
   */
  public static NabScorer of(List<NabSeries> results, NabLabels labels) {
    List<ScoredFile> files = new ArrayList<>();
    for (NabSeries s : results) {
      if (!labels.covers(s.name())) {
        throw new NabFormatException(s.name() + ": no entry in the labels for this result file");
      }
      files.add(ScoredFile.of(s, labels.windows(s.name())));
    }
    return new NabScorer(files);
  }

  /** Optimises the threshold for the profile and scores every file at it. */
  public NabScore score(CostProfile profile) {
    return scoreAt(profile, optimalThreshold(profile));
  }

  /** Scores every file at a given threshold (a row detects when its score is at least that). */
  public NabScore scoreAt(CostProfile profile, double threshold) {
    Map<String, Tally> tallies = new TreeMap<>();
    Tally total = new Tally();
    double perfect = 0;
    for (ScoredFile f : files) {
      Tally t = tallyFile(f, profile, threshold);
      tallies.computeIfAbsent(category(f.name), c -> new Tally()).add(t, f.name);
      total.add(t, f.name);
      perfect += perfectScore(f, profile);
    }
    double nullScore = -profile.fnWeight() * total.windows;
    double normalized = 100.0 * (total.raw - nullScore) / (perfect - nullScore);
    Map<String, NabScore.Category> categories = new TreeMap<>();
    tallies.forEach((c, t) -> categories.put(c, t.toCategory()));
    return new NabScore(
        profile,
        threshold,
        total.raw,
        nullScore,
        perfect,
        normalized,
        total.windows,
        total.detected,
        total.falsePositives,
        categories);
  }

  /** NAB's optimiser: the highest threshold among those with the best corpus-wide raw score. */
  public double optimalThreshold(CostProfile profile) {
    double[] best = new double[windowTotal];
    Arrays.fill(best, -profile.fnWeight());
    double total = -profile.fnWeight() * windowTotal;
    double bestScore = total;
    double bestThreshold = NEVER;
    double current = NEVER;
    for (int k : order) {
      ScoredFile f = files.get(fileOf[k]);
      int row = rowOf[k];
      double score = f.scores[row];
      if (score != current) {
        if (total > bestScore) {
          bestScore = total;
          bestThreshold = current;
        }
        current = score;
      }
      double weighted = f.weighted(row, profile);
      int w = f.window[row];
      if (w == ScoredFile.OUTSIDE) {
        total += weighted;
      } else if (weighted > best[windowBase[fileOf[k]] + w]) {
        total += weighted - best[windowBase[fileOf[k]] + w];
        best[windowBase[fileOf[k]] + w] = weighted;
      }
    }
    return total > bestScore ? current : bestThreshold;
  }

  private int[] sortByScoreDescending(int rows) {
    int k = 0;
    for (int f = 0; f < files.size(); f++) {
      ScoredFile file = files.get(f);
      for (int i = 0; i < file.scores.length; i++) {
        if (file.window[i] != ScoredFile.PROBATION) {
          fileOf[k] = f;
          rowOf[k++] = i;
        }
      }
    }
    Integer[] boxed = new Integer[rows];
    for (int i = 0; i < rows; i++) {
      boxed[i] = i;
    }
    // Stable, so ties keep file order as NAB's concatenated list does; ties share a threshold.
    Arrays.sort(boxed, (a, b) -> Double.compare(scoreOf(b), scoreOf(a)));
    return Arrays.stream(boxed).mapToInt(Integer::intValue).toArray();
  }

  private double scoreOf(int k) {
    return files.get(fileOf[k]).scores[rowOf[k]];
  }

  private static int scorable(ScoredFile f) {
    return (int) Arrays.stream(f.window).filter(w -> w != ScoredFile.PROBATION).count();
  }

  private static Tally tallyFile(ScoredFile f, CostProfile p, double threshold) {
    double[] best = new double[f.windowCount];
    Arrays.fill(best, Double.NaN);
    Tally t = new Tally();
    for (int i = 0; i < f.scores.length; i++) {
      int w = f.window[i];
      if (w >= 0 && Double.isNaN(best[w])) {
        best[w] = -p.fnWeight();
      }
      if (w == ScoredFile.PROBATION || f.scores[i] < threshold) {
        continue;
      }
      if (w == ScoredFile.OUTSIDE) {
        t.raw += f.weighted(i, p);
        t.falsePositives++;
      } else {
        best[w] = Math.max(best[w], f.weighted(i, p));
      }
    }
    for (double b : best) {
      if (!Double.isNaN(b)) {
        t.windows++;
        t.raw += b;
        t.detected += b > -p.fnWeight() ? 1 : 0;
      }
    }
    return t;
  }

  private static double perfectScore(ScoredFile f, CostProfile p) {
    double[] best = new double[f.windowCount];
    Arrays.fill(best, Double.NaN);
    for (int i = 0; i < f.scores.length; i++) {
      int w = f.window[i];
      if (w >= 0) {
        best[w] = Double.isNaN(best[w]) ? f.weighted(i, p) : Math.max(best[w], f.weighted(i, p));
      }
    }
    return Arrays.stream(best).filter(b -> !Double.isNaN(b)).sum();
  }

  private static String category(String name) {
    int slash = name.lastIndexOf('/');
    return slash < 0 ? "" : name.substring(0, slash);
  }

  /** Running sums for one file, category or the corpus. */
  private static final class Tally {
    double raw;
    int windows;
    int detected;
    int falsePositives;
    final List<String> names = new ArrayList<>();

    void add(Tally t, String name) {
      raw += t.raw;
      windows += t.windows;
      detected += t.detected;
      falsePositives += t.falsePositives;
      names.add(name);
    }

    NabScore.Category toCategory() {
      return new NabScore.Category(raw, windows, detected, falsePositives, names);
    }
  }
}
