package io.rehearsal.gateway;

import io.rehearsal.service.testing.ServiceArchitecture;
import org.junit.jupiter.api.Test;

class GatewayArchitectureTest {

  @Test
  void shouldNotImportOtherServicesWhenCompiled() {
    ServiceArchitecture.assertImportsNoOtherService("io.rehearsal.gateway");
  }
}
