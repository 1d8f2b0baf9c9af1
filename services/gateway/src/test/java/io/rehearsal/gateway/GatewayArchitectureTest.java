package io.rehearsal.gateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.rehearsal.service.testing.ServiceArchitecture;
import org.junit.jupiter.api.Test;

class GatewayArchitectureTest {

  @Test
  void shouldNotImportOtherServicesWhenCompiled() {
    ServiceArchitecture.assertImportsNoOtherService("io.rehearsal.gateway");
  }

  @Test
  void shouldKeepDecisionAndMappingFreeOfQuarkusAndGrpcWhenCompiled() {
    noClasses()
        .that()
        .resideInAnyPackage("io.rehearsal.gateway.decision..", "io.rehearsal.gateway.mapping..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.quarkus..", "jakarta..", "io.grpc..", "io.vertx..")
        .check(
            new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.rehearsal.gateway"));
  }
}
