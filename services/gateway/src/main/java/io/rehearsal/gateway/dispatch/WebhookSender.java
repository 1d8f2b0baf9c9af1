package io.rehearsal.gateway.dispatch;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.EmptyWebhookSecretException;
import com.standardwebhooks.exceptions.WebhookSigningException;
import io.rehearsal.proto.v1.Decision;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;

/**
 * Sends one Standard Webhooks request: a JSON body {@code {"type":"decision.approved",
 * "timestamp":..., "data":<Decision as proto JSON>}} with the headers {@code webhook-id} (the
 * decision id: the same on every attempt, the receiver's idempotency key), {@code
 * webhook-timestamp} (seconds, per attempt) and {@code webhook-signature} ({@code v1,} HMAC-SHA256
 * over {@code id.timestamp.body} with the hook's secret).
 */
public final class WebhookSender {

  private static final JsonFormat.Printer JSON =
      JsonFormat.printer().omittingInsignificantWhitespace();

  private final HttpClient http;
  private final Duration timeout;
  private final Clock clock;

  /**
   * @param timeout connect and response timeout of one attempt
   * @param clock the signature's timestamp (receivers reject timestamps far from their own time)
   */
  public WebhookSender(Duration timeout, Clock clock) {
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(timeout)
            .build();
    this.timeout = timeout;
    this.clock = clock;
  }

  /** The body delivered for {@code decision}. */
  public static String body(Decision decision, long timestampSeconds) {
    try {
      return "{\"type\":\"decision.approved\",\"timestamp\":"
          + timestampSeconds
          + ",\"data\":"
          + JSON.print(decision)
          + "}";
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("decision " + decision.getId() + " has no JSON form", e);
    }
  }

  /** One attempt to deliver {@code decision} to {@code hook}; never throws for I/O. */
  public Delivery send(HookTarget hook, Decision decision) {
    long timestamp = clock.instant().getEpochSecond();
    String body = body(decision, timestamp);
    HttpRequest request;
    try {
      request =
          HttpRequest.newBuilder(hook.url())
              .timeout(timeout)
              .header("content-type", "application/json")
              .header("webhook-id", decision.getId())
              .header("webhook-timestamp", Long.toString(timestamp))
              .header(
                  "webhook-signature",
                  new Webhook(hook.secret()).sign(decision.getId(), timestamp, body))
              .POST(HttpRequest.BodyPublishers.ofString(body))
              .build();
    } catch (WebhookSigningException | EmptyWebhookSecretException | RuntimeException e) {
      return new Delivery.Failed("cannot sign for hook " + hook.name() + ": " + e.getMessage());
    }
    return post(request);
  }

  private Delivery post(HttpRequest request) {
    try {
      HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
      int status = response.statusCode();
      return status / 100 == 2
          ? new Delivery.Acknowledged(status)
          : new Delivery.Failed("HTTP " + status);
    } catch (IOException e) {
      return new Delivery.Failed(e.getClass().getSimpleName() + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Delivery.Failed("interrupted");
    }
  }
}
