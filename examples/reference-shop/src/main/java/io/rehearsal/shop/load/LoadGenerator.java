package io.rehearsal.shop.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * An open-loop load generator: each planned arrival is sent at its time with the asynchronous HTTP
 * client, whether or not earlier requests have been answered — a slow system does not slow the
 * offered load down. Outstanding requests are bounded; an arrival beyond the bound is counted as
 * dropped rather than delayed.
 */
public final class LoadGenerator {

  /**
   * How to send.
   *
   * @param target base URI of the entry service
   * @param seed seed of the request mix draws
   * @param maxOutstanding requests in flight at most
   * @param timeout per request
   */
  public record Settings(URI target, long seed, int maxOutstanding, Duration timeout) {}

  private final HttpClient client;
  private final Settings settings;
  private final RequestMix mix;
  private final LongSupplier nanoClock;
  private final Supplier<URI> targets;

  /** A generator; {@code nanoClock} is a monotonic clock such as {@code System::nanoTime}. */
  public LoadGenerator(
      HttpClient client, Settings settings, RequestMix mix, LongSupplier nanoClock) {
    this(client, settings, mix, nanoClock, settings::target);
  }

  /** A generator sending to the entry replicas {@code targets} gives, one call per request. */
  LoadGenerator(
      HttpClient client,
      Settings settings,
      RequestMix mix,
      LongSupplier nanoClock,
      Supplier<URI> targets) {
    this.client = client;
    this.settings = settings;
    this.mix = mix;
    this.nanoClock = nanoClock;
    this.targets = targets;
  }

  /**
   * Sends one request per arrival at {@code startNanos + arrival} and waits for the stragglers.
   *
   * @return outcome counts and client-side latency per endpoint
   */
  public Map<String, EndpointOutcome> run(long[] arrivalsNanos, long startNanos)
      throws InterruptedException {
    return run(arrivalsNanos, startNanos, new RequestLog());
  }

  /**
   * Sends one request per arrival, as {@link #run(long[], long)} does, and logs each one in {@code
   * log}.
   */
  public Map<String, EndpointOutcome> run(long[] arrivalsNanos, long startNanos, RequestLog log)
      throws InterruptedException {
    SplittableRandom random = new SplittableRandom(settings.seed());
    Map<String, EndpointOutcome> outcomes = new ConcurrentHashMap<>();
    AtomicInteger outstanding = new AtomicInteger();
    for (long arrival : arrivalsNanos) {
      long wait = startNanos + arrival - nanoClock.getAsLong();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      }
      RequestMix.Planned planned = mix.next(random);
      EndpointOutcome outcome =
          outcomes.computeIfAbsent(planned.endpoint(), k -> new EndpointOutcome());
      long offsetMs = arrival / 1_000_000L;
      if (outstanding.get() >= settings.maxOutstanding()) {
        outcome.dropped(offsetMs);
        log.add(new RequestLog.Entry(offsetMs, planned.endpoint(), 0, 0));
        continue;
      }
      outstanding.incrementAndGet();
      send(planned, outcome, outstanding, offsetMs, log);
    }
    awaitStragglers(outstanding);
    return new TreeMap<>(outcomes);
  }

  private void send(
      RequestMix.Planned planned,
      EndpointOutcome outcome,
      AtomicInteger outstanding,
      long offsetMs,
      RequestLog log) {
    HttpRequest request =
        HttpRequest.newBuilder(targets.get().resolve(planned.pathAndQuery()))
            .timeout(settings.timeout())
            .method(planned.method(), HttpRequest.BodyPublishers.noBody())
            .build();
    long sent = nanoClock.getAsLong();
    client
        .sendAsync(request, HttpResponse.BodyHandlers.discarding())
        .whenComplete(
            (response, error) -> {
              long micros = TimeUnit.NANOSECONDS.toMicros(nanoClock.getAsLong() - sent);
              if (error == null) {
                outcome.answered(response.statusCode(), micros);
              } else {
                outcome.failed(isTimeout(error), offsetMs);
              }
              int status = error == null ? response.statusCode() : 0;
              log.add(new RequestLog.Entry(offsetMs, planned.endpoint(), status, micros));
              outstanding.decrementAndGet();
            });
  }

  private void awaitStragglers(AtomicInteger outstanding) throws InterruptedException {
    long deadline = nanoClock.getAsLong() + settings.timeout().toNanos() + 1_000_000_000L;
    while (outstanding.get() > 0 && nanoClock.getAsLong() < deadline) {
      Thread.sleep(20);
    }
  }

  private static boolean isTimeout(Throwable error) {
    Throwable cause = error.getCause() == null ? error : error.getCause();
    return cause instanceof HttpTimeoutException;
  }
}
