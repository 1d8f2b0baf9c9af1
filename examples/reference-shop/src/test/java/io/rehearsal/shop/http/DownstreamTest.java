package io.rehearsal.shop.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.rehearsal.shop.InMemoryTelemetry;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DownstreamTest {
  private static final byte[] NO_BODY = new byte[0];
  private final InMemoryTelemetry telemetry = new InMemoryTelemetry();
  private final List<ShopServer> servers = new ArrayList<>();

  @AfterEach
  void stop() {
    servers.forEach(ShopServer::close);
    telemetry.close();
  }

  private ShopServer server(String service, String path, Handler handler) throws Exception {
    ShopServer s = ShopServer.create(new ShopServer.Settings(service, 0, 4, 16, 1), telemetry.sdk);
    servers.add(s.route("GET", path, handler).start());
    return s;
  }

  private Downstream client(String peer, List<URI> replicas, int timeoutMs, int retries) {
    Downstream.Policy policy =
        new Downstream.Policy(Duration.ofMillis(timeoutMs), retries, Duration.ZERO);
    return new Downstream(peer, replicas, policy, Downstream.newClient(), telemetry.sdk);
  }

  private static URI uri(ShopServer s) {
    return URI.create("http://127.0.0.1:" + s.port());
  }

  private static int closedPort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private List<SpanData> clientSpans(int n) throws InterruptedException {
    return telemetry.await(s -> s.getKind() == SpanKind.CLIENT, n);
  }

  @Test
  void shouldShareTraceAndLinkParentsWhenRequestCrossesTwoHops() throws Exception {
    ShopServer back = server("back", "/leaf", r -> Reply.ok(Map.of("leaf", true)));
    Downstream toBack = client("back", List.of(uri(back)), 1000, 0);
    ShopServer front = server("front", "/root", r -> toBack.call("GET", "/leaf", NO_BODY));

    Reply reply = client("front", List.of(uri(front)), 1000, 0).call("GET", "/root", NO_BODY);

    assertThat(reply.status()).isEqualTo(200);
    SpanData frontServer =
        telemetry
            .await(s -> s.getName().equals("GET /root") && s.getKind() == SpanKind.SERVER, 1)
            .get(0);
    SpanData frontClient =
        telemetry
            .await(s -> s.getName().equals("GET /leaf") && s.getKind() == SpanKind.CLIENT, 1)
            .get(0);
    SpanData backServer =
        telemetry
            .await(s -> s.getName().equals("GET /leaf") && s.getKind() == SpanKind.SERVER, 1)
            .get(0);
    SpanData testClient =
        telemetry
            .await(s -> s.getName().equals("GET /root") && s.getKind() == SpanKind.CLIENT, 1)
            .get(0);
    assertThat(List.of(frontServer, frontClient, backServer))
        .allSatisfy(s -> assertThat(s.getTraceId()).isEqualTo(testClient.getTraceId()));
    assertThat(frontServer.getParentSpanId()).isEqualTo(testClient.getSpanId());
    assertThat(frontClient.getParentSpanId()).isEqualTo(frontServer.getSpanId());
    assertThat(backServer.getParentSpanId()).isEqualTo(frontClient.getSpanId());
    assertThat(backServer.getParentSpanContext().isRemote()).isTrue();
    assertThat(frontClient.getAttributes().get(AttributeKey.stringKey("peer.service")))
        .isEqualTo("back");
    assertThat(frontClient.getAttributes().get(AttributeKey.longKey("server.port")))
        .isEqualTo((long) back.port());
  }

  @Test
  void shouldAlternateReplicasWhenCallingRoundRobin() throws Exception {
    AtomicInteger first = new AtomicInteger();
    AtomicInteger second = new AtomicInteger();
    ShopServer a = server("svc", "/x", r -> Reply.ok(Map.of("n", first.incrementAndGet())));
    ShopServer b = server("svc", "/x", r -> Reply.ok(Map.of("n", second.incrementAndGet())));
    Downstream svc = client("svc", List.of(uri(a), uri(b)), 1000, 0);

    for (int i = 0; i < 6; i++) {
      svc.call("GET", "/x", NO_BODY);
    }

    assertThat(first.get()).isEqualTo(3);
    assertThat(second.get()).isEqualTo(3);
  }

  @Test
  void shouldRetryOnNextReplicaWhenConnectionIsRefused() throws Exception {
    ShopServer alive = server("svc", "/x", r -> Reply.ok(Map.of()));
    URI dead = URI.create("http://127.0.0.1:" + closedPort());
    Downstream svc = client("svc", List.of(dead, uri(alive)), 1000, 1);

    Reply reply = svc.call("GET", "/x", NO_BODY);

    assertThat(reply.status()).isEqualTo(200);
    List<SpanData> attempts = clientSpans(2);
    assertThat(attempts.get(0).getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(
            attempts.get(1).getAttributes().get(AttributeKey.longKey("http.request.resend_count")))
        .isEqualTo(1L);
  }

  @Test
  void shouldAnswer504WithoutRetryWhenAttemptTimesOut() throws Exception {
    ShopServer slow =
        server(
            "svc",
            "/x",
            r -> {
              Thread.sleep(600);
              return Reply.ok(Map.of());
            });
    Downstream svc = client("svc", List.of(uri(slow)), 100, 3);

    Reply reply = svc.call("GET", "/x", NO_BODY);

    assertThat(reply.status()).isEqualTo(504);
    Thread.sleep(100);
    assertThat(
            telemetry.spans.getFinishedSpanItems().stream()
                .filter(s -> s.getKind() == SpanKind.CLIENT))
        .hasSize(1);
  }

  @Test
  void shouldRunCallsConcurrentlyWhenCalledInParallel() throws Exception {
    ShopServer slow =
        server(
            "svc",
            "/x",
            r -> {
              Thread.sleep(300);
              return Reply.ok(Map.of());
            });
    Downstream svc = client("svc", List.of(uri(slow)), 2000, 0);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<Supplier<Reply>> calls =
        List.of(() -> svc.call("GET", "/x", NO_BODY), () -> svc.call("GET", "/x", NO_BODY));

    long start = System.nanoTime();
    List<Reply> replies = Downstream.parallel(pool, calls);
    long millis = (System.nanoTime() - start) / 1_000_000;
    pool.shutdown();

    assertThat(replies).allSatisfy(r -> assertThat(r.status()).isEqualTo(200));
    assertThat(millis).isBetween(290L, 550L);
  }
}
