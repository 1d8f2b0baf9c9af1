package io.rehearsal.twin;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The twin is plain, deterministic Java: no frameworks, no wall clock, no unseeded randomness. */
class TwinArchitectureTest {
  private static final JavaClasses TWIN =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.rehearsal.twin");

  @Test
  void shouldNotDependOnFrameworksOrOtherModulesWhenCompiled() {
    noClasses()
        .that()
        .resideInAPackage("io.rehearsal.twin..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.quarkus..",
            "jakarta..",
            "io.grpc..",
            "io.lettuce..",
            "io.rehearsal.proto..",
            "io.rehearsal.store..")
        .check(TWIN);
  }

  @Test
  void shouldNotReadTheWallClockWhenSimulating() {
    noClasses()
        .that()
        .resideInAPackage("io.rehearsal.twin..")
        .should()
        .callMethod(System.class, "currentTimeMillis")
        .orShould()
        .callMethod(System.class, "nanoTime")
        .orShould()
        .callMethod(java.time.Instant.class, "now")
        .orShould()
        .callMethod(java.time.LocalDateTime.class, "now")
        .check(TWIN);
  }

  @Test
  void shouldNotUseUnseededRandomnessWhenSimulating() {
    noClasses()
        .that()
        .resideInAPackage("io.rehearsal.twin..")
        .should()
        .callConstructor(java.util.Random.class)
        .orShould()
        .callConstructor(java.util.Random.class, long.class)
        .orShould()
        .callMethod(Math.class, "random")
        .orShould()
        .callMethod(java.util.concurrent.ThreadLocalRandom.class, "current")
        .check(TWIN);
  }
}
