package io.rehearsal.policy.cases;

import io.rehearsal.policy.GuardSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A file of test cases for one policy.
 *
 * @param path the case file
 * @param policy the policy file it names (resolved against the case file's folder); empty when it
 *     names none
 * @param guards the guard bounds its cases run with
 * @param cases the cases, in file order
 */
public record CaseFile(
    Path path, Optional<Path> policy, GuardSettings guards, List<PolicyCase> cases) {

  /** Copies the list. */
  public CaseFile {
    cases = List.copyOf(cases);
  }
}
