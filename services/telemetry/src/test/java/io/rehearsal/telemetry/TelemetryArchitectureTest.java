package io.rehearsal.telemetry;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The telemetry records and windows are domain code: no wire formats, no frameworks, no clock. */
class TelemetryArchitectureTest {

  private static final JavaClasses TELEMETRY =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.rehearsal.telemetry");

  @Test
  void shouldDependOnNoWireFormatOrFrameworkWhenCompiled() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.quarkus..",
            "jakarta..",
            "io.grpc..",
            "com.google.protobuf..",
            "io.opentelemetry..",
            "io.lettuce..",
            "io.rehearsal.store..",
            "io.rehearsal.proto..")
        .check(TELEMETRY);
  }

  @Test
  void shouldTakeTimeAndRandomnessFromCallersWhenRunning() {
    noClasses()
        .should()
        .callMethod(System.class, "currentTimeMillis")
        .orShould()
        .callMethod(System.class, "nanoTime")
        .orShould()
        .callMethod(Instant.class, "now")
        .orShould()
        .callConstructor(Random.class)
        .check(TELEMETRY);
  }
}
