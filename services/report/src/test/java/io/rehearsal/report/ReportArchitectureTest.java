package io.rehearsal.report;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The report module is plain Java: the model at the root, renderers beside each other below it,
 * Qute's template engine only in the HTML renderer, and no application framework anywhere, so the
 * CLI and the gateway can both call it.
 */
class ReportArchitectureTest {
  private static final JavaClasses REPORT =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.rehearsal.report");

  @Test
  void shouldUseNoApplicationFrameworkWhenCompiled() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.quarkus.runtime..",
            "io.quarkus.arc..",
            "jakarta..",
            "picocli..",
            "io.grpc..",
            "io.rehearsal.cli..",
            "io.rehearsal.gateway..")
        .check(REPORT);
  }

  @Test
  void shouldKeepTheTemplateEngineInTheHtmlRendererWhenOthersRender() {
    noClasses()
        .that()
        .resideOutsideOfPackage("io.rehearsal.report.html..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.quarkus..")
        .check(REPORT);
  }

  @Test
  void shouldLeaveTheModelUnawareOfRenderersWhenRenderersReadIt() {
    noClasses()
        .that()
        .resideInAPackage("io.rehearsal.report")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.rehearsal.report.text..",
            "io.rehearsal.report.json..",
            "io.rehearsal.report.html..")
        .check(REPORT);
  }

  @Test
  void shouldHaveNoPackageCyclesWhenSliced() {
    slices().matching("io.rehearsal.report.(**)").should().beFreeOfCycles().check(REPORT);
  }
}
