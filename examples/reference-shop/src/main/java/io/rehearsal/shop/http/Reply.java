package io.rehearsal.shop.http;

import java.nio.charset.StandardCharsets;

/**
 * A response: status and JSON body. A failed outgoing call is a reply too (502/504), never an
 * exception, so handlers branch on values.
 *
 * @param status HTTP status
 * @param body JSON body
 */
public record Reply(int status, byte[] body) {

  /** 200 with an object serialized as JSON. */
  public static Reply ok(Object value) {
    return new Reply(200, Json.write(value));
  }

  /** An error status with {@code {"error": message}}. */
  public static Reply error(int status, String message) {
    return new Reply(status, Json.write(java.util.Map.of("error", message)));
  }

  /** Whether the status is 2xx. */
  public boolean isOk() {
    return status >= 200 && status < 300;
  }

  /** The body as text. */
  public String text() {
    return new String(body, StandardCharsets.UTF_8);
  }
}
