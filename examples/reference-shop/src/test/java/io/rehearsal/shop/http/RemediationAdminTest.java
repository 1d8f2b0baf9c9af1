package io.rehearsal.shop.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The run-time remediations of the admin surface, end to end over HTTP: a front server calls one or
 * two back servers through a registered {@link Downstream}.
 */
class RemediationAdminTest {
  private final InMemoryMetricReader metrics = InMemoryMetricReader.create();
  private final OpenTelemetrySdk sdk =
      OpenTelemetrySdk.builder()
          .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(metrics).build())
          .build();
  private final HttpClient http = HttpClient.newHttpClient();
  private final List<ShopServer> servers = new ArrayList<>();

  @AfterEach
  void stop() {
    servers.forEach(ShopServer::close);
    sdk.close();
  }

  private ShopServer server(String service, OpenTelemetry otel) throws Exception {
    ShopServer s = ShopServer.create(new ShopServer.Settings(service, 0, 4, 16, 1), otel);
    servers.add(s);
    return s;
  }

  private ShopServer back(long sleepMs) throws Exception {
    ShopServer b = server("back", OpenTelemetry.noop());
    b.route(
        "GET",
        "/work",
        r -> {
          Thread.sleep(sleepMs);
          return Reply.ok(Map.of("from", "back"));
        });
    return b.start();
  }

  private ShopServer front(ShopServer back, int timeoutMs) throws Exception {
    ShopServer f = server("front", sdk);
    Downstream client =
        f.calls()
            .register(
                new Downstream(
                    "back",
                    List.of(uri(back)),
                    new Downstream.Policy(Duration.ofMillis(timeoutMs), 0, Duration.ZERO),
                    Downstream.newClient(),
                    OpenTelemetry.noop()));
    f.route("GET", "/page", r -> client.call("GET", "/work", new byte[0]));
    f.route("GET", "/other", r -> Reply.ok(Map.of()));
    return f.start();
  }

  private static URI uri(ShopServer s) {
    return URI.create("http://127.0.0.1:" + s.port());
  }

  private HttpResponse<String> send(ShopServer s, String method, String path, String body)
      throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(uri(s).resolve(path))
            .method(method, HttpRequest.BodyPublishers.ofString(body))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void shouldTimeOutWithTheNewTimeoutWhenTheCallPolicyChanges() throws Exception {
    ShopServer front = front(back(150), 1000);
    assertThat(send(front, "GET", "/page", "").statusCode()).isEqualTo(200);

    HttpResponse<String> set =
        send(front, "POST", "/admin/call-policy", "{\"to\":\"back\",\"timeoutMs\":50}");

    assertThat(set.statusCode()).isEqualTo(200);
    assertThat(set.body()).contains("\"timeoutMs\":50").contains("\"retries\":0");
    HttpResponse<String> page = send(front, "GET", "/page", "");
    assertThat(page.statusCode()).isEqualTo(504);
  }

  @Test
  void shouldRetryAfterAServerErrorOnlyWhenRetryOnIsAny() throws Exception {
    ShopServer flaky = server("back", OpenTelemetry.noop());
    java.util.concurrent.atomic.AtomicInteger calls =
        new java.util.concurrent.atomic.AtomicInteger();
    flaky
        .route(
            "GET",
            "/work",
            r -> calls.incrementAndGet() < 3 ? Reply.error(500, "not yet") : Reply.ok(Map.of()))
        .start();
    ShopServer front = front(flaky, 1000);
    send(front, "POST", "/admin/call-policy", "{\"to\":\"back\",\"retries\":1}");
    assertThat(send(front, "GET", "/page", "").statusCode()).isEqualTo(500);

    HttpResponse<String> set =
        send(front, "POST", "/admin/call-policy", "{\"to\":\"back\",\"retryOn\":\"any\"}");

    assertThat(set.body()).contains("\"retryOn\":\"any\"");
    assertThat(send(front, "GET", "/page", "").statusCode()).isEqualTo(200);
    assertThat(calls.get()).isEqualTo(3);
  }

  @Test
  void shouldRestoreTheConfiguredPolicyWhenRemediationsAreCleared() throws Exception {
    ShopServer front = front(back(150), 1000);
    send(front, "POST", "/admin/call-policy", "{\"to\":\"back\",\"timeoutMs\":50,\"retries\":2}");

    HttpResponse<String> cleared = send(front, "DELETE", "/admin/remediation", "");

    assertThat(cleared.body()).contains("\"timeoutMs\":1000").contains("\"retries\":0");
    assertThat(send(front, "GET", "/page", "").statusCode()).isEqualTo(200);
  }

  @Test
  void shouldRefuseAPolicyForAServiceThatIsNotCalled() throws Exception {
    ShopServer front = front(back(0), 1000);

    HttpResponse<String> bad =
        send(front, "POST", "/admin/call-policy", "{\"to\":\"nowhere\",\"timeoutMs\":50}");

    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("'nowhere'");
  }

  @Test
  void shouldReachANewReplicaWhenTheReplicaListGrows() throws Exception {
    ShopServer first = back(0);
    ShopServer front = front(first, 1000);
    ShopServer second = server("back", OpenTelemetry.noop());
    Set<String> answeredBy = ConcurrentHashMap.newKeySet();
    second.route("GET", "/work", r -> Reply.ok(Map.of("from", "second"))).start();

    send(
        front,
        "POST",
        "/admin/replicas",
        "{\"to\":\"back\",\"replicas\":[\"" + uri(first) + "\",\"" + uri(second) + "\"]}");
    for (int i = 0; i < 4; i++) {
      answeredBy.add(send(front, "GET", "/page", "").body());
    }

    assertThat(answeredBy).hasSize(2).anyMatch(b -> b.contains("second"));
  }

  @Test
  void shouldShedTheGivenShareOfOneRouteOnly() throws Exception {
    ShopServer front = front(back(0), 1000);

    send(front, "POST", "/admin/shed", "{\"route\":\"GET /page\",\"share\":0.5}");
    Map<Integer, Integer> statuses = new TreeMap<>();
    for (int i = 0; i < 100; i++) {
      statuses.merge(send(front, "GET", "/page", "").statusCode(), 1, Integer::sum);
    }

    assertThat(statuses.keySet()).containsExactly(200, 503);
    assertThat(statuses.get(503)).as("shed of 100 at 50 %%: %s", statuses).isBetween(30, 70);
    assertThat(send(front, "GET", "/other", "").statusCode()).isEqualTo(200);
    assertThat(rejected("shed", "/page")).isEqualTo((long) statuses.get(503));
  }

  @Test
  void shouldAnswer429BeyondTheRateLimit() throws Exception {
    ShopServer front = front(back(0), 1000);

    send(front, "POST", "/admin/rate-limit", "{\"ratePerSecond\":0.5}");
    int limited = 0;
    for (int i = 0; i < 30; i++) {
      limited += send(front, "GET", "/other", "").statusCode() == 429 ? 1 : 0;
    }

    assertThat(limited)
        .as("30 requests against 0.5/s with a burst of 1")
        .isGreaterThanOrEqualTo(25);
    assertThat(rejected("rate_limited", "/other")).isEqualTo((long) limited);
    send(front, "POST", "/admin/rate-limit", "{\"ratePerSecond\":0}");
    assertThat(send(front, "GET", "/other", "").statusCode()).isEqualTo(200);
  }

  @Test
  void shouldReportEveryRemediationInItsState() throws Exception {
    ShopServer front = front(back(0), 1000);
    send(front, "POST", "/admin/shed", "{\"route\":\"*\",\"share\":0.25}");
    send(front, "POST", "/admin/rate-limit", "{\"ratePerSecond\":12}");

    String state = send(front, "GET", "/admin/remediation", "").body();

    assertThat(state)
        .contains("\"shed\":{\"*\":0.25}")
        .contains("\"ratePerSecond\":12.0")
        .contains("\"back\":{\"timeoutMs\":1000");
  }

  private long rejected(String reason, String route) {
    long sum = 0;
    for (MetricData m : metrics.collectAllMetrics()) {
      if (m.getName().equals("rehearsal.shop.requests.rejected")) {
        for (LongPointData p : m.getLongSumData().getPoints()) {
          if (reason.equals(p.getAttributes().get(AttributeKey.stringKey("rehearsal.reason")))
              && route.equals(p.getAttributes().get(AttributeKey.stringKey("http.route")))) {
            sum += p.getValue();
          }
        }
      }
    }
    return sum;
  }
}
