package io.rehearsal.sandbox;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.rehearsal.service.testing.ServiceArchitecture;
import org.junit.jupiter.api.Test;

class SandboxArchitectureTest {

  @Test
  void shouldNotImportOtherServicesWhenCompiled() {
    ServiceArchitecture.assertImportsNoOtherService("io.rehearsal.sandbox");
  }

  @Test
  void shouldKeepMappingAndEvaluationFreeOfQuarkusAndGrpcWhenCompiled() {
    noClasses()
        .that()
        .resideInAnyPackage("io.rehearsal.sandbox.mapping..", "io.rehearsal.sandbox.evaluation..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.quarkus..", "jakarta..", "io.grpc..", "io.vertx..")
        .check(
            new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.rehearsal.sandbox"));
  }
}
