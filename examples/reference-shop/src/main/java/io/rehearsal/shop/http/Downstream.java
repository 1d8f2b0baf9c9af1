package io.rehearsal.shop.http;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapPropagator;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A synchronous HTTP client for one downstream service: client-side round robin over its replicas,
 * a timeout per attempt, retries on the next replica after a connect failure, 429 or 503 (never
 * after a timeout), one CLIENT span per attempt with the W3C trace context injected. Failures are
 * replies: a timeout is 504, a transport error 502. The policy and the replica list can be changed
 * at run time ({@link CallPolicies}, the admin surface's remediations).
 */
public final class Downstream {

  /**
   * Call policy.
   *
   * @param timeout per attempt
   * @param retries extra attempts
   * @param backoff pause before each retry
   * @param retryAnyFailure retry after any failure (5xx, timeout, transport error), as the twin's
   *     retry policy does; false: only after a connect failure, 429 or 503
   */
  public record Policy(Duration timeout, int retries, Duration backoff, boolean retryAnyFailure) {
    /** A policy that retries only after a connect failure, 429 or 503 (the overlay's). */
    public Policy(Duration timeout, int retries, Duration backoff) {
      this(timeout, retries, backoff, false);
    }
  }

  private record Attempt(Reply reply, boolean retryable) {}

  private final String peerService;
  private volatile List<URI> replicas;
  private volatile Policy policy;
  private final HttpClient client;
  private final Tracer tracer;
  private final TextMapPropagator propagator;
  private final AtomicInteger next = new AtomicInteger();

  /** A client of {@code peerService} at the given replica base URIs. */
  public Downstream(
      String peerService,
      List<URI> replicas,
      Policy policy,
      HttpClient client,
      OpenTelemetry otel) {
    this.peerService = peerService;
    this.replicas = List.copyOf(replicas);
    this.policy = policy;
    this.client = client;
    this.tracer = otel.getTracer("io.rehearsal.shop");
    this.propagator = otel.getPropagators().getTextMapPropagator();
  }

  /** The service this client calls. */
  public String peerService() {
    return peerService;
  }

  /** The current call policy. */
  public Policy policy() {
    return policy;
  }

  /** The replicas round robin currently goes over. */
  public List<URI> replicas() {
    return replicas;
  }

  /**
   * Changes the policy at run time (the {@code CALL_POLICY} remediation); calls in flight keep
   * theirs.
   */
  public void policy(Policy newPolicy) {
    this.policy = newPolicy;
  }

  /**
   * Changes the replicas at run time (scale out or in); the round robin continues over the new
   * list.
   */
  public void replicas(List<URI> newReplicas) {
    if (newReplicas.isEmpty()) {
      throw new IllegalArgumentException("replicas of " + peerService + " must not be empty");
    }
    this.replicas = List.copyOf(newReplicas);
  }

  /** The HTTP client every service shares: HTTP/1.1 keep-alive, short connect timeout. */
  public static HttpClient newClient() {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofMillis(500))
        .build();
  }

  /** Calls {@code method pathAndQuery} (e.g. {@code GET /items?page=2}) with retries. */
  public Reply call(String method, String pathAndQuery, byte[] body) {
    Policy p = policy;
    Attempt attempt = attempt(method, pathAndQuery, body, 0, p);
    for (int resend = 1; resend <= p.retries() && retry(attempt, p); resend++) {
      if (!pause(p.backoff())) {
        break;
      }
      attempt = attempt(method, pathAndQuery, body, resend, p);
    }
    return attempt.reply();
  }

  private static boolean retry(Attempt attempt, Policy p) {
    return attempt.retryable() || (p.retryAnyFailure() && attempt.reply().status() >= 500);
  }

  /** Runs calls in parallel on {@code executor} within the current trace; waits for all. */
  public static List<Reply> parallel(Executor executor, List<Supplier<Reply>> calls) {
    Context context = Context.current();
    List<CompletableFuture<Reply>> futures =
        calls.stream()
            .map(c -> CompletableFuture.supplyAsync(context.wrapSupplier(c), executor))
            .toList();
    return futures.stream().map(CompletableFuture::join).toList();
  }

  private Attempt attempt(String method, String pathAndQuery, byte[] body, int resend, Policy p) {
    List<URI> current = replicas;
    URI uri =
        current.get(Math.floorMod(next.getAndIncrement(), current.size())).resolve(pathAndQuery);
    Span span = startSpan(method, uri, resend);
    try (Scope ignored = span.makeCurrent()) {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(uri)
              .timeout(p.timeout())
              .header("Content-Type", "application/json")
              .method(method, publisher(body));
      propagator.inject(Context.current(), request, (b, k, v) -> b.header(k, v));
      HttpResponse<byte[]> response =
          client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      return answered(span, response.statusCode(), response.body());
    } catch (HttpConnectTimeoutException e) {
      return failed(span, e, new Attempt(Reply.error(502, "connect timeout " + uri), true));
    } catch (HttpTimeoutException e) {
      return failed(span, e, new Attempt(Reply.error(504, "timeout " + uri), false));
    } catch (IOException e) {
      return failed(span, e, new Attempt(Reply.error(502, e + " " + uri), true));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return failed(span, e, new Attempt(Reply.error(503, "interrupted"), false));
    } finally {
      span.end();
    }
  }

  private static HttpRequest.BodyPublisher publisher(byte[] body) {
    return body.length == 0
        ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofByteArray(body);
  }

  private Span startSpan(String method, URI uri, int resend) {
    var builder =
        tracer
            .spanBuilder(method + " " + uri.getPath())
            .setSpanKind(SpanKind.CLIENT)
            .setAttribute("http.request.method", method)
            .setAttribute("server.address", uri.getHost())
            .setAttribute("server.port", (long) uri.getPort())
            .setAttribute("peer.service", peerService)
            .setAttribute("url.full", uri.toString());
    if (resend > 0) {
      builder.setAttribute("http.request.resend_count", (long) resend);
    }
    return builder.startSpan();
  }

  private static Attempt answered(Span span, int status, byte[] body) {
    span.setAttribute("http.response.status_code", (long) status);
    if (status >= 400) {
      span.setStatus(StatusCode.ERROR);
      span.setAttribute("error.type", Integer.toString(status));
    }
    return new Attempt(new Reply(status, body), status == 429 || status == 503);
  }

  private static Attempt failed(Span span, Exception e, Attempt attempt) {
    span.setStatus(StatusCode.ERROR, e.toString());
    span.setAttribute("error.type", e.getClass().getName());
    return attempt;
  }

  private static boolean pause(Duration backoff) {
    try {
      Thread.sleep(backoff.toMillis());
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
