package io.rehearsal.cli.ml;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.rehearsal.cli.CommandFailure;
import io.rehearsal.ml.nab.NabFiles;
import io.rehearsal.ml.nab.NabFormatException;
import io.rehearsal.ml.nab.NabLabels;
import io.rehearsal.ml.nab.NabScorer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code rehearsal ml nab-score}: NAB's scorer on result files — per detector and profile the one
 * threshold that maximises the raw score over every file, the raw score and the normalised score.
 */
@Command(
    name = "nab-score",
    mixinStandardHelpOptions = true,
    description = "Score NAB result files as NAB does (three profiles, optimised threshold).",
    footer = {
      "",
      "--results is one detector's folder (<detector>/<category>/<detector>_<file>.csv[.gz])",
      "or a folder of such folders; each detector is scored on its own.",
      "Exit codes: 0 scored, 1 a file could not be read (named with its line)."
    })
public final class MlNabScoreCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--results", required = true, paramLabel = "DIR", description = "Result files.")
  Path results;

  @Option(
      names = "--labels",
      required = true,
      paramLabel = "FILE",
      description = "NAB's combined_windows.json.")
  Path labels;

  @Option(names = "--json", description = "Print JSON instead of a table.")
  boolean json;

  @Override
  public Integer call() throws JsonProcessingException {
    PrintWriter out = spec.commandLine().getOut();
    Map<String, Object> detectors = new LinkedHashMap<>();
    try {
      NabLabels windows = NabFiles.readLabels(labels);
      for (Path dir : detectorDirs(results)) {
        String name = dir.getFileName().toString();
        NabScorer scorer = NabScorer.of(NabFiles.readResults(dir), windows);
        if (json) {
          detectors.put(name, NabJson.profiles(scorer));
        } else {
          NabJson.printText(out, name, scorer);
        }
      }
    } catch (NabFormatException | UncheckedIOException e) {
      throw new CommandFailure(e.getMessage(), e);
    }
    if (json) {
      out.println(NabJson.JSON.writeValueAsString(Map.of("detectors", detectors)));
    }
    out.flush();
    return 0;
  }

  /** The folder itself when it holds categories of CSV files, else each of its sub-folders. */
  static List<Path> detectorDirs(Path root) {
    if (!Files.isDirectory(root)) {
      throw new CommandFailure(root + ": not a folder");
    }
    List<Path> subdirs = list(root).filter(Files::isDirectory).toList();
    boolean holdsCsv =
        subdirs.stream().anyMatch(d -> list(d).anyMatch(f -> f.toString().contains(".csv")));
    List<Path> dirs = holdsCsv ? List.of(root) : subdirs;
    if (dirs.isEmpty()) {
      throw new CommandFailure(root + ": no result folders (<detector>/<category>/*.csv)");
    }
    return dirs;
  }

  private static Stream<Path> list(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.sorted().toList().stream();
    } catch (IOException e) {
      throw new CommandFailure(dir + ": cannot list: " + e.getMessage(), e);
    }
  }
}
