package io.rehearsal.store;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The store is plain Java that services wrap: no framework, RPC or other Rehearsal types. */
class StoreArchitectureTest {

  private static final JavaClasses STORE =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.rehearsal.store");

  @Test
  void shouldDependOnNoFrameworkOrRehearsalModuleWhenCompiled() {
    noClasses()
        .that()
        .resideInAPackage("io.rehearsal.store..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.quarkus..",
            "jakarta.enterprise..",
            "jakarta.inject..",
            "javax.inject..",
            "io.grpc..",
            "io.rehearsal.proto..",
            "io.rehearsal.twin..",
            "io.rehearsal.ml..")
        .check(STORE);
  }

  @Test
  void shouldKeepEmbeddedServerLibraryBehindEmbeddedRedisWhenCompiled() {
    noClasses()
        .that()
        .resideInAPackage("io.rehearsal.store..")
        .and()
        .doNotHaveSimpleName("RedisBinary")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("redis.embedded..")
        .check(STORE);
  }
}
