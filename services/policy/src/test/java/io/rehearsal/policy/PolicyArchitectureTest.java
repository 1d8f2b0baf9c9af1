package io.rehearsal.policy;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.time.Clock;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The policy engine is plain domain code: no framework, transport or store; no wall clock (the
 * engine takes a {@link Clock}); CEL stays behind package-private classes so the public API speaks
 * only in the module's own records.
 */
class PolicyArchitectureTest {

  private static final JavaClasses POLICY =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.rehearsal.policy");

  @Test
  void shouldUseNoFrameworkTransportOrStoreWhenCompiled() {
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
        .check(POLICY);
  }

  @Test
  void shouldTakeTimeFromTheInjectedClockWhenDeciding() {
    noClasses()
        .should()
        .callMethod(System.class, "currentTimeMillis")
        .orShould()
        .callMethod(Instant.class, "now")
        .orShould()
        .callMethod(Clock.class, "systemUTC")
        .orShould()
        .callMethod(Clock.class, "systemDefaultZone")
        .orShould()
        .callConstructor(Random.class)
        .check(POLICY);
  }

  @Test
  void shouldKeepCelBehindPackagePrivateClassesWhenPublic() {
    classes()
        .that()
        .arePublic()
        .should()
        .onlyDependOnClassesThat()
        .resideOutsideOfPackages("dev.cel..", "org.yaml..")
        .orShould()
        .haveSimpleName("YamlNode")
        .orShould()
        .haveSimpleName("PolicyEngine")
        .check(POLICY);
  }

  @Test
  void shouldHaveNoPackageCyclesWhenSliced() {
    slices().matching("io.rehearsal.policy.(*)..").should().beFreeOfCycles().check(POLICY);
  }
}
