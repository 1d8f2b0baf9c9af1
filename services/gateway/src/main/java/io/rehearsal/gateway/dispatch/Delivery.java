package io.rehearsal.gateway.dispatch;

/** The result of one delivery attempt. A failure is a value: the dispatcher retries it. */
public sealed interface Delivery {

  /**
   * The hook answered 2xx: it has the action (or had it already, under the same webhook-id).
   *
   * @param status the HTTP status
   */
  record Acknowledged(int status) implements Delivery {}

  /**
   * No acknowledgement: a non-2xx answer, a reset connection or a timeout. The hook may or may not
   * have acted; the retry carries the same webhook-id, so a receiver honouring it acts once.
   *
   * @param error what went wrong, e.g. {@code HTTP 503} or {@code HttpTimeoutException}
   */
  record Failed(String error) implements Delivery {}
}
