package io.rehearsal.rehearse;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The domain libraries as one house: the twin core at the bottom, telemetry beside it, calibration
 * on both, rehearsal on top; no package cycles anywhere; no frameworks, wall clock or unseeded
 * randomness in any of them. Maven already keeps a lower module from seeing a higher one; these
 * rules also keep the packages inside each module acyclic.
 */
class DomainArchitectureTest {
  private static final JavaClasses DOMAIN =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages(
              "io.rehearsal.twin",
              "io.rehearsal.telemetry",
              "io.rehearsal.calibration",
              "io.rehearsal.rehearse");

  @Test
  void shouldDependOnlyInwardWhenModulesAreLayered() {
    layeredArchitecture()
        .consideringOnlyDependenciesInLayers()
        .layer("twin core")
        .definedBy("io.rehearsal.twin..")
        .layer("telemetry")
        .definedBy("io.rehearsal.telemetry..")
        .layer("calibration")
        .definedBy("io.rehearsal.calibration..")
        .layer("rehearsal")
        .definedBy("io.rehearsal.rehearse..")
        .whereLayer("rehearsal")
        .mayNotBeAccessedByAnyLayer()
        .whereLayer("calibration")
        .mayOnlyBeAccessedByLayers("rehearsal")
        .whereLayer("telemetry")
        .mayOnlyBeAccessedByLayers("calibration", "rehearsal")
        .whereLayer("twin core")
        .mayOnlyBeAccessedByLayers("calibration", "rehearsal")
        .check(DOMAIN);
  }

  @Test
  void shouldHaveNoPackageCyclesWhenAnyPackageIsSliced() {
    slices().matching("io.rehearsal.(**)").should().beFreeOfCycles().check(DOMAIN);
  }

  @Test
  void shouldUseNoFrameworkOrWireFormatWhenCompiled() {
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
            "io.rehearsal.proto..",
            "io.rehearsal.store..")
        .check(DOMAIN);
  }

  @Test
  void shouldTakeTimeAndRandomnessFromCallersWhenRunning() {
    noClasses()
        .should()
        .callMethod(System.class, "currentTimeMillis")
        .orShould()
        .callMethod(Instant.class, "now")
        .orShould()
        .callConstructor(Random.class)
        .orShould()
        .callMethod(Math.class, "random")
        .orShould()
        .callMethod(java.util.concurrent.ThreadLocalRandom.class, "current")
        .check(DOMAIN);
  }
}
