package io.rehearsal.shop.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.rehearsal.shop.InMemoryTelemetry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ShopServerTest {
  private final InMemoryTelemetry telemetry = new InMemoryTelemetry();
  private final HttpClient client = HttpClient.newHttpClient();
  private final CountDownLatch release = new CountDownLatch(1);
  private final CountDownLatch entered = new CountDownLatch(1);
  private ShopServer server;

  @AfterEach
  void stop() {
    release.countDown();
    server.close();
    telemetry.close();
  }

  private ShopServer start(int workers, int queueLimit) throws Exception {
    server =
        ShopServer.create(new ShopServer.Settings("svc", 0, workers, queueLimit, 1), telemetry.sdk);
    server.route("GET", "/fast", r -> Reply.ok(Map.of("ok", true)));
    server.route(
        "GET",
        "/block",
        r -> {
          entered.countDown();
          release.await(10, TimeUnit.SECONDS);
          return Reply.ok(Map.of());
        });
    return server.start();
  }

  private HttpResponse<String> send(String method, String path, String body) throws Exception {
    return client.send(request(method, path, body), HttpResponse.BodyHandlers.ofString());
  }

  private CompletableFuture<HttpResponse<String>> sendAsync(String path) {
    return client.sendAsync(request("GET", path, ""), HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest request(String method, String path, String body) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
        .method(method, HttpRequest.BodyPublishers.ofString(body))
        .build();
  }

  private long medianMillis(int n) throws Exception {
    long[] ms = new long[n];
    for (int i = 0; i < n; i++) {
      long t = System.nanoTime();
      assertThat(send("GET", "/fast", "").statusCode()).isEqualTo(200);
      ms[i] = (System.nanoTime() - t) / 1_000_000;
    }
    java.util.Arrays.sort(ms);
    return ms[n / 2];
  }

  @Test
  void shouldAnswer503WhenWorkersAndQueueAreFull() throws Exception {
    start(1, 1);
    CompletableFuture<HttpResponse<String>> busy = sendAsync("/block");
    assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();
    CompletableFuture<HttpResponse<String>> queued = sendAsync("/block");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (server.queued() < 1 && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }

    HttpResponse<String> rejected = send("GET", "/fast", "");

    assertThat(rejected.statusCode()).isEqualTo(503);
    assertThat(rejected.body()).contains("worker queue full");
    release.countDown();
    assertThat(busy.get(5, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    assertThat(queued.get(5, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
  }

  @Test
  void shouldRecordServerSpanWithHttpAttributesWhenRequestIsServed() throws Exception {
    start(2, 4);

    send("GET", "/fast?x=1", "");

    SpanData span = telemetry.await(s -> s.getKind() == SpanKind.SERVER, 1).get(0);
    assertThat(span.getName()).isEqualTo("GET /fast");
    assertThat(span.getParentSpanContext().isValid()).isFalse();
    assertThat(span.getAttributes().get(AttributeKey.stringKey("http.route"))).isEqualTo("/fast");
    assertThat(span.getAttributes().get(AttributeKey.stringKey("url.path"))).isEqualTo("/fast");
    assertThat(span.getAttributes().get(AttributeKey.longKey("http.response.status_code")))
        .isEqualTo(200L);
    assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
  }

  @Test
  void shouldAddLatencyWhenLatencyFaultIsOn() throws Exception {
    start(2, 4);
    long before = medianMillis(9);

    HttpResponse<String> on = send("POST", "/admin/fault", "{\"kind\":\"latency\",\"addedMs\":80}");
    long during = medianMillis(9);
    send("DELETE", "/admin/fault", "");
    long after = medianMillis(9);

    assertThat(on.statusCode()).isEqualTo(200);
    assertThat(during - before).isBetween(75L, 160L);
    assertThat(after).isLessThan(during - 60);
  }

  @Test
  void shouldFailEveryRequestWithErrorStatusWhenErrorRateIsOne() throws Exception {
    start(2, 4);
    send("POST", "/admin/fault", "{\"kind\":\"error\",\"rate\":1.0}");

    List<Integer> statuses =
        List.of(send("GET", "/fast", "").statusCode(), send("GET", "/fast", "").statusCode());

    assertThat(statuses).containsOnly(500);
    assertThat(telemetry.await(s -> s.getKind() == SpanKind.SERVER, 2))
        .allSatisfy(s -> assertThat(s.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR));
  }

  @Test
  void shouldShrinkAndRestorePoolWhenWorkersFaultIsSetAndCleared() throws Exception {
    start(4, 4);

    send("POST", "/admin/fault", "{\"kind\":\"workers\",\"workers\":1}");
    int shrunk = server.workers();
    HttpResponse<String> state = send("DELETE", "/admin/fault", "");

    assertThat(shrunk).isEqualTo(1);
    assertThat(server.workers()).isEqualTo(4);
    assertThat(state.body()).contains("\"workers\":4");
  }

  @Test
  void shouldAnswer400WithReasonWhenFaultIsMalformed() throws Exception {
    start(1, 1);

    HttpResponse<String> unknown = send("POST", "/admin/fault", "{\"kind\":\"meteor\"}");
    HttpResponse<String> badRate = send("POST", "/admin/fault", "{\"kind\":\"error\",\"rate\":2}");

    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(unknown.body()).contains("meteor");
    assertThat(badRate.body()).contains("rate must be in [0, 1], but was 2");
  }

  @Test
  void shouldAnswer404WhenRouteIsUnknown() throws Exception {
    start(1, 1);

    assertThat(send("GET", "/nope", "").statusCode()).isEqualTo(404);
  }
}
