package io.rehearsal.detector.model;

import io.rehearsal.ml.model.ModelArtifact;
import io.rehearsal.ml.model.ModelArtifactException;
import io.rehearsal.ml.model.ModelArtifacts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Versioned model artifacts in a directory: {@code <name>-v<000001>.json}, one file per version,
 * each written whole (a temporary file moved into place), so a reader sees a version complete or
 * not at all. The version in use is the newest one that reads back: a corrupt or incompatible file
 * (edited, truncated, of a format this build does not read) is refused with the reason and the next
 * older good one is used.
 */
final class ModelStore {

  /** A version read back. */
  record Version(int number, Path file, ModelArtifact artifact) {}

  /** A file refused on reading, and why. */
  record Refusal(Path file, String reason) {}

  private final Path dir;
  private final String name;
  private final Pattern versionFile;

  ModelStore(Path dir, String name) {
    this.dir = dir;
    this.name = name;
    this.versionFile = Pattern.compile(Pattern.quote(name) + "-v(\\d{6})\\.json");
  }

  /** Writes {@code artifact} as the next version and returns its number. */
  synchronized int save(ModelArtifact artifact) {
    int next = numbers().stream().max(Integer::compare).orElse(0) + 1;
    Path target = file(next);
    try {
      Files.createDirectories(dir);
      Path tmp = Files.createTempFile(dir, name, ".tmp");
      Files.writeString(tmp, ModelArtifacts.write(artifact), StandardCharsets.UTF_8);
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
      return next;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write model " + target + ": " + e.getMessage(), e);
    }
  }

  /** The newest version that reads back, and the newer files refused on the way (newest first). */
  synchronized Lookup newestGood() {
    List<Refusal> refused = new ArrayList<>();
    List<Integer> numbers = numbers();
    numbers.sort(Comparator.reverseOrder());
    for (int n : numbers) {
      Path f = file(n);
      try {
        ModelArtifact artifact = ModelArtifacts.read(f.toString(), Files.readString(f));
        return new Lookup(Optional.of(new Version(n, f, artifact)), refused);
      } catch (ModelArtifactException e) {
        refused.add(new Refusal(f, e.getMessage()));
      } catch (IOException e) {
        refused.add(new Refusal(f, f + ": cannot be read: " + e.getMessage()));
      }
    }
    return new Lookup(Optional.empty(), refused);
  }

  /** Deletes all but the newest {@code kept} versions. */
  synchronized void prune(int kept) {
    List<Integer> numbers = numbers();
    numbers.sort(Comparator.reverseOrder());
    for (int n : numbers.subList(Math.min(kept, numbers.size()), numbers.size())) {
      try {
        Files.deleteIfExists(file(n));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot delete model " + file(n), e);
      }
    }
  }

  /** What {@link #newestGood} found. */
  record Lookup(Optional<Version> version, List<Refusal> refused) {}

  Path file(int version) {
    return dir.resolve(String.format("%s-v%06d.json", name, version));
  }

  private List<Integer> numbers() {
    if (!Files.isDirectory(dir)) {
      return new ArrayList<>();
    }
    try (Stream<Path> files = Files.list(dir)) {
      List<Integer> numbers = new ArrayList<>();
      files.forEach(
          f -> {
            Matcher m = versionFile.matcher(f.getFileName().toString());
            if (m.matches()) {
              numbers.add(Integer.parseInt(m.group(1)));
            }
          });
      return numbers;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list models in " + dir, e);
    }
  }
}
