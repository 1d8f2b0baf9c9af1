package io.rehearsal.shop.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.rehearsal.shop.InMemoryTelemetry;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.embedded.RedisServer;

class ShopServicesTest {
  private static final AttributeKey<Long> MISSES = AttributeKey.longKey("rehearsal.cache.misses");
  private static final AttributeKey<Long> HITS = AttributeKey.longKey("rehearsal.cache.hits");
  private static RedisServer redis;
  private static InMemoryTelemetry telemetry;
  private static ShopFixture shop;
  private final HttpClient client = HttpClient.newHttpClient();

  @BeforeAll
  static void startShop() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    redis = RedisServer.newRedisServer().port(port).bind("127.0.0.1").build();
    redis.start();
    telemetry = new InMemoryTelemetry();
    shop =
        new ShopFixture(
            ShopServices.NAMES,
            ShopFixture.moduleOverlay(),
            telemetry.sdk,
            "redis://127.0.0.1:" + port);
  }

  @AfterAll
  static void stopShop() throws Exception {
    shop.close();
    telemetry.close();
    redis.stop();
  }

  @BeforeEach
  void forgetSpans() {
    telemetry.spans.reset();
  }

  private HttpResponse<String> send(String method, String pathAndQuery) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(shop.uri("frontend").resolve(pathAndQuery))
            .method(method, HttpRequest.BodyPublishers.noBody())
            .build();
    return client.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static Set<String> servers(List<SpanData> spans) {
    return spans.stream()
        .filter(s -> s.getKind() == SpanKind.SERVER)
        .map(SpanData::getName)
        .collect(Collectors.toSet());
  }

  @Test
  void shouldTraceWholeCallGraphWhenCheckingOut() throws Exception {
    send("POST", "/cart?user=7&sku=1003");
    telemetry.spans.reset();

    HttpResponse<String> reply = send("POST", "/checkout?user=7");

    assertThat(reply.statusCode()).isEqualTo(200);
    assertThat(reply.body()).contains("\"status\":\"confirmed\"");
    List<SpanData> spans =
        telemetry.await(
            s ->
                s.getName().equals("POST /checkout") && s.getParentSpanContext().isValid() == false,
            1);
    String trace = spans.get(0).getTraceId();
    List<SpanData> all = telemetry.await(s -> s.getTraceId().equals(trace), 10);
    assertThat(all)
        .extracting(SpanData::getName)
        .contains("POST /checkout", "GET /cart", "POST /reserve", "POST /payments", "POST /charge");
    SpanData charge =
        all.stream().filter(s -> s.getName().equals("POST /charge")).findFirst().orElseThrow();
    assertThat(charge.getKind()).isEqualTo(SpanKind.CLIENT);
    assertThat(charge.getAttributes().get(AttributeKey.stringKey("peer.service")))
        .isEqualTo("payment-gateway");
    assertThat(
            all.stream()
                .filter(s -> s.getName().equals("POST /charge") && s.getKind() == SpanKind.SERVER))
        .as("the external dependency emits no telemetry")
        .isEmpty();
  }

  @Test
  void shouldMissThenHitCacheWhenBrowsingSamePageTwice() throws Exception {
    HttpResponse<String> first = send("GET", "/browse?user=1&category=3&page=2");
    SpanData miss =
        telemetry
            .await(s -> s.getName().equals("GET /stock") && s.getKind() == SpanKind.SERVER, 1)
            .get(0);
    telemetry.spans.reset();
    send("GET", "/browse?user=2&category=3&page=2");
    SpanData hit =
        telemetry
            .await(s -> s.getName().equals("GET /stock") && s.getKind() == SpanKind.SERVER, 1)
            .get(0);

    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(first.body()).contains("\"sku\":1110");
    assertThat(miss.getAttributes().get(MISSES)).isEqualTo(10L);
    assertThat(hit.getAttributes().get(HITS)).isEqualTo(10L);
    telemetry.await(s -> s.getName().equals("GET /browse") && s.getKind() == SpanKind.SERVER, 1);
    assertThat(servers(telemetry.spans.getFinishedSpanItems()))
        .contains("GET /browse", "GET /items", "GET /stock");
  }

  @Test
  void shouldAnswer502WhenDependencyFails() throws Exception {
    shop.servers
        .get("cart")
        .faults()
        .apply(io.rehearsal.shop.http.Json.read("{\"kind\":\"error\",\"rate\":1}".getBytes()));
    try {
      HttpResponse<String> reply = send("POST", "/cart?user=3&sku=1001");

      assertThat(reply.statusCode()).isEqualTo(502);
      assertThat(reply.body()).contains("cart answered 500");
    } finally {
      shop.servers.get("cart").faults().clear();
    }
  }

  @Test
  void shouldRefuseUnknownServiceWhenInstalling() {
    Wiring wiring = new Wiring("warehouse", null, null, s -> List.of(), null, null, null);

    assertThatThrownBy(() -> ShopServices.install(null, wiring))
        .hasMessage("unknown service: warehouse");
  }
}
