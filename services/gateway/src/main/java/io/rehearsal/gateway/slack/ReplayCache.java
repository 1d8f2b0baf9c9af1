package io.rehearsal.gateway.slack;

/**
 * Remembers the signed requests already accepted, so that a captured request cannot be replayed
 * while its timestamp is still inside the window.
 */
public interface ReplayCache {

  /**
   * Claims a request; true the first time a (timestamp, signature) pair is claimed, false after.
   * Entries must be kept at least as long as a timestamp stays acceptable.
   *
   * @throws RuntimeException when the cache cannot be reached (the caller fails closed)
   */
  boolean claim(String timestamp, String signature);
}
