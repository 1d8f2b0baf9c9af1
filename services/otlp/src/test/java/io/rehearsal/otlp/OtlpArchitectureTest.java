package io.rehearsal.otlp;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The adapter is plain Java: no framework, transport or store, and no wall clock. */
class OtlpArchitectureTest {

  private static final JavaClasses OTLP =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.rehearsal.otlp");

  @Test
  void shouldDependOnNoFrameworkTransportOrStoreWhenCompiled() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.quarkus..",
            "jakarta..",
            "io.grpc..",
            "io.lettuce..",
            "io.rehearsal.store..",
            "io.rehearsal.proto..")
        .check(OTLP);
  }

  @Test
  void shouldNotReadTheClockWhenMapping() {
    noClasses()
        .should()
        .callMethod(System.class, "currentTimeMillis")
        .orShould()
        .callMethod(java.time.Instant.class, "now")
        .check(OTLP);
  }
}
