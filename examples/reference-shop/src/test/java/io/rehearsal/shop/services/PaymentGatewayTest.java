package io.rehearsal.shop.services;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.OpenTelemetry;
import io.rehearsal.shop.Overlay;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class PaymentGatewayTest {

  private static Overlay overlayWithLimit(double rate, int burst) throws Exception {
    Overlay base = ShopFixture.moduleOverlay();
    return new Overlay(
        base.host(),
        base.services(),
        base.calls(),
        Map.of("payment-gateway", new Overlay.DependencySpec(new Overlay.RateLimit(rate, burst))),
        base.slos());
  }

  @Test
  void shouldAdmitAtRateAndAnswer429BeyondWhenOfferedTwiceTheRate() throws Exception {
    try (ShopFixture shop =
        new ShopFixture(
            List.of("payment-gateway"), overlayWithLimit(20, 5), OpenTelemetry.noop(), null)) {
      HttpClient client = HttpClient.newHttpClient();
      HttpRequest charge =
          HttpRequest.newBuilder(shop.uri("payment-gateway").resolve("/charge?amount=5"))
              .POST(HttpRequest.BodyPublishers.noBody())
              .build();
      List<CompletableFuture<HttpResponse<Void>>> replies = new ArrayList<>();
      long start = System.nanoTime();
      for (int i = 0; i < 80; i++) { // 40 per second for 2 seconds, open loop
        long due = start + i * 25_000_000L;
        while (System.nanoTime() < due) {
          Thread.onSpinWait();
        }
        replies.add(client.sendAsync(charge, HttpResponse.BodyHandlers.discarding()));
      }
      long ok = 0;
      long limited = 0;
      for (CompletableFuture<HttpResponse<Void>> reply : replies) {
        int status = reply.get().statusCode();
        ok += status == 200 ? 1 : 0;
        limited += status == 429 ? 1 : 0;
      }

      // burst 5 + 20/s x 2 s = 45 expected; the tolerance covers scheduling jitter
      assertThat(ok).isBetween(38L, 52L);
      assertThat(ok + limited).isEqualTo(80);
    }
  }
}
