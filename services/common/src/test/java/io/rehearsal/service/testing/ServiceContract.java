package io.rehearsal.service.testing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;

import grpc.health.v1.HealthOuterClass.HealthCheckResponse.ServingStatus;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every Rehearsal service promises operators, checked over real gRPC and HTTP on loopback. A
 * service's {@code @QuarkusTest} extends this and names the v1 services it hosts.
 */
public abstract class ServiceContract {

  protected ServiceProbe probe;

  /** The gRPC services (fully qualified) that this service must host. */
  protected abstract List<String> hostedServices();

  @BeforeEach
  void openProbe() {
    int port = ConfigProvider.getConfig().getValue("quarkus.grpc.server.test-port", Integer.class);
    probe = ServiceProbe.onPort(port);
  }

  @AfterEach
  void closeProbe() throws InterruptedException {
    probe.close();
  }

  @Test
  void shouldReportServingOverGrpcHealthWhenStarted() {
    assertThat(probe.health("")).isEqualTo(ServingStatus.SERVING);
  }

  @Test
  void shouldListHostedServicesByReflectionInTestMode() throws Exception {
    assertThat(probe.reflectedServices())
        .containsAll(hostedServices())
        .contains("grpc.health.v1.Health");
  }

  @Test
  void shouldBeReadyWithRedisWhenStarted() {
    given()
        .when()
        .get("/q/health/ready")
        .then()
        .statusCode(200)
        .body("status", org.hamcrest.Matchers.equalTo("UP"))
        .body("checks.name", hasItem("redis"));
    given().when().get("/q/health").then().statusCode(200);
  }

  @Test
  void shouldExposePrometheusMetricsWhenScraped() {
    given()
        .when()
        .get("/q/metrics")
        .then()
        .statusCode(200)
        .body(containsString("# TYPE jvm_memory_used_bytes gauge"));
  }
}
