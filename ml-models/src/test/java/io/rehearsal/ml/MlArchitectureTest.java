package io.rehearsal.ml;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The models are plain, deterministic Java: no framework, transport or storage types, and no hidden
 * clocks or unseeded randomness. The module holds no classes until the detector's models arrive, so
 * the rules allow an empty set today and bite from the first class on.
 */
class MlArchitectureTest {

  private final JavaClasses classes =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.rehearsal.ml");

  @Test
  void shouldNotDependOnFrameworksWhenCompiled() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.quarkus..",
            "jakarta..",
            "io.grpc..",
            "io.lettuce..",
            "io.rehearsal.proto..",
            "io.rehearsal.store..")
        .allowEmptyShould(true)
        .check(classes);
  }

  @Test
  void shouldNotReadClocksOrUnseededRandomnessWhenCompiled() {
    noClasses()
        .should()
        .callMethod(System.class, "currentTimeMillis")
        .orShould()
        .callMethod(java.time.Instant.class, "now")
        .orShould()
        .callConstructor(java.util.Random.class)
        .orShould()
        .callMethod(Math.class, "random")
        .allowEmptyShould(true)
        .check(classes);
  }
}
