package io.rehearsal.cli.twin;

import io.rehearsal.cli.CommandFailure;
import io.rehearsal.twin.spec.InvalidSpecException;
import io.rehearsal.twin.spec.Scenario;
import io.rehearsal.twin.spec.TwinSpec;
import io.rehearsal.twin.spec.TwinSpecs;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** Reads specs and scenarios for the twin verbs; a bad file is a failure naming the file. */
final class SpecFiles {
  private SpecFiles() {}

  static TwinSpec spec(Path file) {
    try {
      return TwinSpecs.read(file);
    } catch (InvalidSpecException e) {
      throw new CommandFailure(file + ": " + e.getMessage(), e);
    } catch (UncheckedIOException e) {
      throw new CommandFailure("cannot read " + file + ": " + e.getCause().getMessage(), e);
    }
  }

  /** The scenario in {@code file}, checked against {@code spec}; {@link Scenario#NONE} if null. */
  static Scenario scenario(Path file, TwinSpec spec) {
    if (file == null) {
      return Scenario.NONE;
    }
    Scenario scenario;
    try {
      scenario = TwinSpecs.readScenario(file);
    } catch (InvalidSpecException e) {
      throw new CommandFailure(file + ": " + e.getMessage(), e);
    } catch (UncheckedIOException e) {
      throw new CommandFailure("cannot read " + file + ": " + e.getCause().getMessage(), e);
    }
    try {
      scenario.validateAgainst(spec);
    } catch (InvalidSpecException e) {
      throw new CommandFailure(file + ": " + e.getMessage(), e);
    }
    return scenario;
  }
}
