package io.rehearsal.gateway.slack;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class SlackArchitectureTest {

  @Test
  void shouldKeepThePlainSlackPartsFreeOfQuarkusWhenCompiled() {
    noClasses()
        .that()
        .resideInAPackage("io.rehearsal.gateway.slack")
        .and()
        .haveNameNotMatching(
            "io\\.rehearsal\\.gateway\\.slack\\.(SlackBeans|SlackConfig|PageConfig|SlackIntegration"
                + "|SlackInteractionResource|DecisionFeed)(\\$.*)?")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.quarkus..", "jakarta..", "io.vertx..", "io.smallrye..", "io.grpc..")
        .check(
            new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.rehearsal.gateway.slack"));
  }
}
