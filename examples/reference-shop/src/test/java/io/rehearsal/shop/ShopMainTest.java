package io.rehearsal.shop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The process-level actuators run.sh uses: a restart is a SIGKILL/SIGTERM and a fresh JVM on the
 * same port; a scale-out starts an extra replica on its own port ({@code --port}).
 */
class ShopMainTest {
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();

  private static Topology topology() throws Exception {
    return Topology.plan(Overlay.load(Path.of("overlay.yaml")), 9100);
  }

  @Test
  void shouldTakeThePlannedPortWhenNoPortIsGiven() throws Exception {
    Topology.ProcessSpec me = ShopMain.me(topology(), Args.parse("--instance", "catalog-2"));
    assertThat(me).isEqualTo(new Topology.ProcessSpec("catalog", "catalog-2", 9102));
  }

  @Test
  void shouldStartAnExtraReplicaOutsideThePlanWhenAPortIsGiven() throws Exception {
    Topology.ProcessSpec me =
        ShopMain.me(topology(), Args.parse("--instance", "catalog-3", "--port", "9153"));
    assertThat(me).isEqualTo(new Topology.ProcessSpec("catalog", "catalog-3", 9153));
  }

  @Test
  void shouldRefuseAnExtraReplicaOfAnUnknownService() {
    assertThatThrownBy(
            () -> ShopMain.me(topology(), Args.parse("--instance", "ledger-1", "--port", "9153")))
        .hasMessageContaining("ledger");
  }

  @Test
  void shouldServeAgainFromAFreshJvmOnTheSamePortWhenRestarted() throws Exception {
    int port = freePort();
    Process first = start(port);
    try {
      assertThat(awaitHealthy(port)).isTrue();
    } finally {
      first.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    Process second = start(port);
    try {
      assertThat(awaitHealthy(port)).as("the fresh JVM answers on the old port").isTrue();
      assertThat(second.pid()).isNotEqualTo(first.pid());
    } finally {
      second.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }

  /** An extra payment-gateway replica: no Redis and no telemetry needed. */
  private static Process start(int port) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command =
        List.of(
            java,
            "-cp",
            System.getProperty("java.class.path"),
            "io.rehearsal.shop.ShopMain",
            "--instance",
            "payment-gateway-2",
            "--port",
            Integer.toString(port),
            "--overlay",
            "overlay.yaml",
            "--costs",
            "costs.yaml");
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(new File("target/shop-main-test.log"))
        .start();
  }

  private boolean awaitHealthy(int port) throws Exception {
    HttpRequest health =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build();
    for (int i = 0; i < 150; i++) {
      try {
        if (http.send(health, HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
          return true;
        }
      } catch (java.io.IOException e) {
        Thread.sleep(100);
      }
    }
    return false;
  }

  private static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
