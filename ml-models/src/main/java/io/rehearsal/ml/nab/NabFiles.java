package io.rehearsal.ml.nab;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * NAB's folder layout: data files at {@code <root>/<category>/<file>.csv}, result files at {@code
 * <results>/<detector>/<category>/<detector>_<file>.csv} (optionally gzipped). The only file I/O of
 * the module, kept here so the detectors and the scorer stay pure.
 */
public final class NabFiles {

  private NabFiles() {}

  /** Every {@code .csv} under a data folder, in name order, named relative to it. */
  public static List<NabSeries> readCorpus(Path root) {
    List<NabSeries> out = new ArrayList<>();
    for (Path file : csvFiles(root)) {
      out.add(read(file, relative(root, file), false));
    }
    if (out.isEmpty()) {
      throw new NabFormatException(root + ": no .csv files under this folder");
    }
    return out;
  }

  /**
   * Every result file of one detector, named like the data file it scores ({@code
   * category/file.csv}): the {@code <detector>_} prefix (the folder's name) is dropped.
   */
  public static List<NabSeries> readResults(Path detectorDir) {
    String prefix = detectorDir.getFileName() + "_";
    List<NabSeries> out = new ArrayList<>();
    for (Path file : csvFiles(detectorDir)) {
      String name = relative(detectorDir, file);
      int slash = name.lastIndexOf('/');
      String base = name.substring(slash + 1);
      if (base.startsWith(prefix)) {
        name = name.substring(0, slash + 1) + base.substring(prefix.length());
      }
      out.add(read(file, name, true));
    }
    return out;
  }

  /** Reads the labels ({@code combined_windows.json}). */
  public static NabLabels readLabels(Path file) {
    try {
      return NabLabels.parse(file.toString(), Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": cannot read: " + e.getMessage(), e);
    }
  }

  /**
   * Writes one result file at {@code <out>/<detector>/<category>/<detector>_<file>.csv}.
   *
   * @param series the scored series, named {@code category/file.csv}
   * @param labels per row 1 inside a window, else 0
   * @return the file written
   */
  public static Path writeResult(Path out, String detector, NabSeries series, int[] labels) {
    String name = series.name();
    int slash = name.lastIndexOf('/');
    Path dir = out.resolve(detector);
    if (slash >= 0) {
      dir = dir.resolve(name.substring(0, slash));
    }
    Path file = dir.resolve(detector + "_" + name.substring(slash + 1));
    try {
      Files.createDirectories(dir);
      try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        NabCsv.writeResult(series, labels, w);
      }
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": cannot write: " + e.getMessage(), e);
    }
  }

  private static NabSeries read(Path file, String name, boolean withScores) {
    try (InputStream raw = Files.newInputStream(file);
        InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      return NabCsv.read(name, reader, withScores);
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": cannot read: " + e.getMessage(), e);
    }
  }

  private static List<Path> csvFiles(Path root) {
    if (!Files.isDirectory(root)) {
      throw new NabFormatException(root + ": not a folder");
    }
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .filter(Files::isRegularFile)
          .filter(p -> p.toString().endsWith(".csv") || p.toString().endsWith(".csv.gz"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(root + ": cannot list: " + e.getMessage(), e);
    }
  }

  private static String relative(Path root, Path file) {
    String name = root.relativize(file).toString().replace('\\', '/');
    return name.endsWith(".gz") ? name.substring(0, name.length() - 3) : name;
  }
}
