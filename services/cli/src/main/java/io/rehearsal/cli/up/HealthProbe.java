package io.rehearsal.cli.up;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** One HTTP GET of a readiness endpoint: ready means status 200. */
final class HealthProbe {

  private static final int MAX_DETAIL = 300;
  private static final Duration TIMEOUT = Duration.ofSeconds(2);

  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(TIMEOUT).version(HttpClient.Version.HTTP_1_1).build();

  /**
   * The outcome of one probe.
   *
   * @param ready whether the endpoint answered 200
   * @param detail what it answered (status and start of body) or why it could not be asked
   */
  record Result(boolean ready, String detail) {}

  Result probe(URI uri) {
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build();
    try {
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      return new Result(response.statusCode() == 200, describe(response));
    } catch (IOException e) {
      return new Result(false, "no answer (" + e.getClass().getSimpleName() + ")");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Result(false, "interrupted");
    }
  }

  private static String describe(HttpResponse<String> response) {
    String body = response.body().replaceAll("\\s+", " ").trim();
    if (body.length() > MAX_DETAIL) {
      body = body.substring(0, MAX_DETAIL) + "...";
    }
    return "HTTP " + response.statusCode() + (body.isEmpty() ? "" : " " + body);
  }
}
