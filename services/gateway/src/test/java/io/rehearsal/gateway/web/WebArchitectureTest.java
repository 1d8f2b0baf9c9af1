package io.rehearsal.gateway.web;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The review page is an adapter like the gRPC service and Slack: it reaches decisions only through
 * the {@code decision} package's public API (the DecisionDesk), never the gateway's other internals
 * or gRPC, and nothing else in the gateway depends on it.
 */
class WebArchitectureTest {

  private static final JavaClasses GATEWAY =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.rehearsal.gateway");

  @Test
  void shouldReachDecisionsOnlyThroughTheDeskWhenCompiled() {
    noClasses()
        .that()
        .resideInAPackage("io.rehearsal.gateway.web..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.rehearsal.gateway.dispatch..",
            "io.rehearsal.gateway.mapping..",
            "io.rehearsal.gateway.security..",
            "io.rehearsal.gateway.slack..",
            "io.rehearsal.gateway.shadow..",
            "io.grpc..")
        .check(GATEWAY);
  }

  @Test
  void shouldHaveNoOtherPackageDependOnThePageWhenCompiled() {
    noClasses()
        .that()
        .resideOutsideOfPackage("io.rehearsal.gateway.web..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.rehearsal.gateway.web..")
        .check(GATEWAY);
  }
}
