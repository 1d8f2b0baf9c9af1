package io.rehearsal.shop.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.OpenTelemetry;
import io.rehearsal.shop.http.Reply;
import io.rehearsal.shop.http.ShopServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LoadGeneratorTest {
  private ShopServer server;

  @AfterEach
  void stop() {
    server.close();
  }

  private LoadGenerator generator(long sleepMs, int workers, int maxOutstanding) throws Exception {
    server =
        ShopServer.create(
            new ShopServer.Settings("frontend", 0, workers, 256, 1), OpenTelemetry.noop());
    for (String path : new String[] {"/browse", "/cart", "/checkout"}) {
      String method = path.equals("/browse") ? "GET" : "POST";
      server.route(
          method,
          path,
          r -> {
            Thread.sleep(sleepMs);
            return Reply.ok(Map.of());
          });
    }
    server.start();
    LoadGenerator.Settings settings =
        new LoadGenerator.Settings(
            URI.create("http://127.0.0.1:" + server.port()),
            3,
            maxOutstanding,
            Duration.ofSeconds(5));
    return new LoadGenerator(
        HttpClient.newHttpClient(), settings, new RequestMix(0.6, 0.3, 0.1), System::nanoTime);
  }

  private static long total(
      Map<String, EndpointOutcome> outcomes, java.util.function.ToLongFunction<EndpointOutcome> f) {
    return outcomes.values().stream().mapToLong(f).sum();
  }

  @Test
  void shouldSendEveryArrivalWhenSystemKeepsUp() throws Exception {
    LoadGenerator load = generator(0, 4, 100);
    long[] arrivals = RateSchedule.constant(100, 1).arrivalsNanos(2);

    Map<String, EndpointOutcome> outcomes = load.run(arrivals, System.nanoTime());

    assertThat(total(outcomes, EndpointOutcome::sent)).isEqualTo(arrivals.length);
    assertThat(total(outcomes, EndpointOutcome::ok)).isEqualTo(arrivals.length);
    assertThat(outcomes).containsKeys("GET /browse", "POST /cart");
  }

  @Test
  void shouldKeepSendingOnScheduleWhenResponsesAreSlow() throws Exception {
    LoadGenerator load = generator(400, 64, 1000);
    long[] arrivals = RateSchedule.constant(50, 1).arrivalsNanos(4); // each answer takes 400 ms

    long start = System.nanoTime();
    Map<String, EndpointOutcome> outcomes = load.run(arrivals, start);
    double seconds = (System.nanoTime() - start) / 1e9;

    // closed loop with one client would need arrivals x 0.4 s (~20 s); open loop takes ~1.4 s
    assertThat(seconds).isLessThan(3.0);
    assertThat(total(outcomes, EndpointOutcome::ok)).isEqualTo(arrivals.length);
  }

  @Test
  void shouldDropArrivalsWhenOutstandingBoundIsReached() throws Exception {
    LoadGenerator load = generator(300, 4, 2);
    long[] arrivals = RateSchedule.constant(100, 0.5).arrivalsNanos(5);

    Map<String, EndpointOutcome> outcomes = load.run(arrivals, System.nanoTime());

    long sent = total(outcomes, EndpointOutcome::sent);
    assertThat(sent).isLessThan(arrivals.length);
    assertThat(
            outcomes.values().stream()
                .mapToLong(o -> ((Number) o.summary().get("dropped")).longValue())
                .sum())
        .isEqualTo(arrivals.length - sent);
  }

  @Test
  void shouldLogEveryArrivalWithItsStatusWhenAskedForTheRequestLog() throws Exception {
    LoadGenerator load = generator(300, 4, 2);
    long[] arrivals = RateSchedule.constant(100, 0.5).arrivalsNanos(5);
    RequestLog log = new RequestLog();

    Map<String, EndpointOutcome> outcomes = load.run(arrivals, System.nanoTime(), log);

    java.util.List<RequestLog.Entry> entries = log.entries();
    assertThat(entries).hasSize(arrivals.length);
    assertThat(entries.stream().filter(e -> e.status() == 200).count())
        .isEqualTo(total(outcomes, EndpointOutcome::ok));
    assertThat(entries.stream().filter(e -> e.status() == 0).count())
        .as("dropped arrivals have no answer")
        .isEqualTo(arrivals.length - total(outcomes, EndpointOutcome::sent));
    assertThat(entries)
        .isSortedAccordingTo(java.util.Comparator.comparingLong(RequestLog.Entry::offsetMs));
    assertThat(entries.get(entries.size() - 1).offsetMs())
        .isEqualTo(arrivals[arrivals.length - 1] / 1_000_000L);
  }
}
