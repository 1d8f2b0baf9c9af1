package io.rehearsal.cli.sandbox;

import io.rehearsal.rehearse.evaluation.CandidateSet;
import io.rehearsal.rehearse.incident.Incident;
import io.rehearsal.rehearse.incident.IncidentFiles;
import io.rehearsal.rehearse.incident.InvalidIncidentException;
import io.rehearsal.twin.spec.InvalidSpecException;
import io.rehearsal.twin.spec.Scenario;
import io.rehearsal.twin.spec.TwinSpec;
import io.rehearsal.twin.spec.TwinSpecs;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * Reads the sandbox verbs' input files. A missing, unreadable or invalid file is a usage error
 * (exit code 2) whose message names the option, the file and the path (or line) of the bad field,
 * e.g. {@code --candidates c.yaml: candidates[2].remediations[0].target: unknown service 'paymnt'}.
 */
final class SandboxFiles {
  private final CommandLine line;

  SandboxFiles(CommandLine line) {
    this.line = line;
  }

  TwinSpec twin(String option, Path file) {
    return read(option, file, TwinSpecs::read);
  }

  Incident incident(String option, Path file) {
    return read(option, file, IncidentFiles::read);
  }

  /** The scenario in {@code file}, checked against the twin. */
  Scenario scenario(String option, Path file, TwinSpec twin) {
    Scenario scenario = read(option, file, TwinSpecs::readScenario);
    try {
      scenario.validateAgainst(twin);
    } catch (InvalidSpecException e) {
      throw fail(option, file, e.getMessage());
    }
    return scenario;
  }

  /** The candidate set in {@code file}, checked against the twin it will run on. */
  CandidateSet candidates(String option, Path file, TwinSpec twin) {
    CandidateSet set = read(option, file, CandidateSet::read);
    try {
      set.validateAgainst(twin);
    } catch (InvalidSpecException e) {
      throw fail(option, file, e.getMessage());
    }
    return set;
  }

  private <T> T read(String option, Path file, Function<Path, T> reader) {
    if (!Files.isRegularFile(file)) {
      throw fail(option, file, "no such file");
    }
    try {
      return reader.apply(file);
    } catch (InvalidSpecException e) {
      throw fail(option, file, e.getMessage());
    } catch (InvalidIncidentException e) {
      // IncidentFiles already starts the message with the file name.
      throw new ParameterException(line, option + " " + e.getMessage(), e, null, file.toString());
    } catch (UncheckedIOException e) {
      throw fail(option, file, "cannot read: " + e.getCause().getMessage());
    }
  }

  private ParameterException fail(String option, Path file, String message) {
    return new ParameterException(line, option + " " + file + ": " + message);
  }
}
