package io.rehearsal.cli.sandbox;

import io.rehearsal.twin.bench.TwinBench;
import io.rehearsal.twin.spec.Scenario;
import io.rehearsal.twin.spec.TwinSpecs;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where {@code sandbox bench} finds its standard inputs: the reference shop and its incident ship
 * in the twin jar; the candidate file is {@code examples/twin/shop-candidates.yaml} under the
 * repository ({@code -Drehearsal.home}, set by the launcher, else the working directory or one of
 * its parents).
 */
final class BenchInputs {
  static final String CANDIDATES = "examples/twin/shop-candidates.yaml";

  private BenchInputs() {}

  static Scenario shopIncident() {
    String name = "/io/rehearsal/twin/examples/shop-incident.yaml";
    try (InputStream in = TwinBench.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(name + " is missing from the classpath");
      }
      return TwinSpecs.scenarioFromYaml(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + name, e);
    }
  }

  /** The shop's candidate file in the repository, or the relative path itself if none is found. */
  static Path shopCandidates() {
    String home = System.getProperty("rehearsal.home");
    if (home != null) {
      return Path.of(home).resolve(CANDIDATES);
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve(CANDIDATES))) {
        return dir.resolve(CANDIDATES);
      }
    }
    return Path.of(CANDIDATES);
  }
}
