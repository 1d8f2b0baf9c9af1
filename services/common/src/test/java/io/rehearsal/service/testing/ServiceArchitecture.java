package io.rehearsal.service.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;

/**
 * The dependency rule between services: each is an adapter over shared libraries, never over
 * another service.
 */
public final class ServiceArchitecture {

  private static final List<String> SERVICES =
      List.of(
          "io.rehearsal.detector",
          "io.rehearsal.sandbox",
          "io.rehearsal.gateway",
          "io.rehearsal.cli");

  private ServiceArchitecture() {}

  /** Fails when a main class of {@code ownPackage} uses a class of another service. */
  public static void assertImportsNoOtherService(String ownPackage) {
    JavaClasses classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ownPackage);
    String[] others =
        SERVICES.stream()
            .filter(p -> !p.equals(ownPackage))
            .map(p -> p + "..")
            .toArray(String[]::new);
    noClasses().should().dependOnClassesThat().resideInAnyPackage(others).check(classes);
  }
}
