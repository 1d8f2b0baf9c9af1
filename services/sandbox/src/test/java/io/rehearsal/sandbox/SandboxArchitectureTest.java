package io.rehearsal.sandbox;

import io.rehearsal.service.testing.ServiceArchitecture;
import org.junit.jupiter.api.Test;

class SandboxArchitectureTest {

  @Test
  void shouldNotImportOtherServicesWhenCompiled() {
    ServiceArchitecture.assertImportsNoOtherService("io.rehearsal.sandbox");
  }
}
