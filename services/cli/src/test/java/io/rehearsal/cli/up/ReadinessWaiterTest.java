package io.rehearsal.cli.up;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ReadinessWaiterTest {

  private static final Duration POLL = Duration.ofMillis(20);

  private final List<Process> processes = new ArrayList<>();
  private final List<HttpServer> servers = new ArrayList<>();
  private final ReadinessWaiter waiter =
      new ReadinessWaiter(new HealthProbe(), Ticker.system(), POLL);

  @AfterEach
  void stop() {
    processes.forEach(Process::destroyForcibly);
    servers.forEach(server -> server.stop(0));
  }

  @Test
  void shouldReportEveryServiceReadyWithItsStartupTimeWhenAllAnswer200() throws Exception {
    ServiceProcess first = service("first", "sleep 30", health(0));
    ServiceProcess second = service("second", "sleep 30", health(3));

    Readiness readiness = waiter.await(List.of(first, second), Duration.ofSeconds(10));

    assertThat(readiness).isInstanceOf(Readiness.Ready.class);
    List<Readiness.ReadyService> ready = ((Readiness.Ready) readiness).services();
    assertThat(ready).extracting(Readiness.ReadyService::service).containsExactly(first, second);
    assertThat(ready.get(1).startup()).isGreaterThanOrEqualTo(POLL.multipliedBy(3));
  }

  @Test
  void shouldReportTheExitCodeWhenAServiceDiesBeforeItIsReady() throws Exception {
    ServiceProcess dying = service("dying", "sleep 0.2; exit 3", health(Integer.MAX_VALUE));

    Readiness readiness = waiter.await(List.of(dying), Duration.ofSeconds(10));

    assertThat(readiness).isInstanceOf(Readiness.NotReady.class);
    Readiness.NotReady notReady = (Readiness.NotReady) readiness;
    assertThat(notReady.summary()).isEqualTo("dying exited with code 3 before it was ready");
    assertThat(notReady.problems()).extracting(Readiness.Problem::service).containsExactly(dying);
  }

  @Test
  void shouldNameTheLaggardAndItsLastAnswerWhenTheTimeoutPasses() throws Exception {
    ServiceProcess fast = service("fast", "sleep 30", health(0));
    ServiceProcess slow = service("slow", "sleep 30", health(Integer.MAX_VALUE));

    Readiness readiness = waiter.await(List.of(fast, slow), Duration.ofMillis(500));

    assertThat(readiness).isInstanceOf(Readiness.NotReady.class);
    Readiness.NotReady notReady = (Readiness.NotReady) readiness;
    assertThat(notReady.summary()).isEqualTo("not ready after 0 s: slow");
    assertThat(notReady.problems())
        .singleElement()
        .satisfies(
            problem -> {
              assertThat(problem.service()).isEqualTo(slow);
              assertThat(problem.reason())
                  .isEqualTo("last readiness answer: HTTP 503 {\"status\": \"DOWN\"}");
            });
  }

  @Test
  void shouldSayThereIsNoAnswerWhenNothingListens() throws Exception {
    URI nowhere = URI.create("http://127.0.0.1:1/q/health/ready");

    HealthProbe.Result result = new HealthProbe().probe(nowhere);

    assertThat(result.ready()).isFalse();
    assertThat(result.detail()).startsWith("no answer (");
  }

  private ServiceProcess service(String name, String script, URI health) throws IOException {
    long start = System.nanoTime();
    Process process = new ProcessBuilder("bash", "-c", script).start();
    processes.add(process);
    return new ServiceProcess(name, process, health, Path.of("/nonexistent.log"), start);
  }

  /** A real HTTP health endpoint answering 503 DOWN {@code failures} times, then 200 UP. */
  private URI health(int failures) throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    AtomicInteger calls = new AtomicInteger();
    server.createContext(
        "/q/health/ready",
        exchange -> {
          boolean up = calls.getAndIncrement() >= failures;
          byte[] body =
              (up ? "{\"status\": \"UP\"}" : "{\"status\": \"DOWN\"}")
                  .getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(up ? 200 : 503, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
    servers.add(server);
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/q/health/ready");
  }
}
