package io.rehearsal.detector;

import io.rehearsal.service.testing.ServiceArchitecture;
import org.junit.jupiter.api.Test;

class DetectorArchitectureTest {

  @Test
  void shouldNotImportOtherServicesWhenCompiled() {
    ServiceArchitecture.assertImportsNoOtherService("io.rehearsal.detector");
  }
}
