package io.rehearsal.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class CliArchitectureTest {

  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.rehearsal.cli");

  @Test
  void shouldKeepPortLookupIndependentOfVerbs() {
    noClasses()
        .that()
        .resideInAPackage("io.rehearsal.cli.ports..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.rehearsal.cli.up..")
        .check(CLASSES);
  }

  @Test
  void shouldLeaveExitingTheJvmToMainOnly() {
    noClasses()
        .that()
        .doNotHaveFullyQualifiedName(Main.class.getName())
        .should()
        .callMethod(System.class, "exit", int.class)
        .orShould()
        .callMethod(Runtime.class, "halt", int.class)
        .check(CLASSES);
  }
}
