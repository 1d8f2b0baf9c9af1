package io.rehearsal.gateway.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Tokens whose signature and claims were verified, kept so that the same bearer token is not
 * verified again on every call (an RSA check and a JSON parse per call were the gateway's largest
 * per-call cost under load). Keyed by the SHA-256 of the token's text, so the map never holds a
 * credential. An entry is used only until the token's {@code exp} (no clock skew allowance: the
 * cache is never more lenient than the parser) and at most {@code maxAge} after it was verified, so
 * a key removed from the key set stops being accepted within {@code maxAge}; a token that failed
 * verification is never kept. At most {@code capacity} tokens, least recently used evicted.
 *
 * @param <T> the verified token
 */
final class VerifiedTokens<T> {

  private final int capacity;
  private final Duration maxAge;
  private final Clock clock;
  private final Map<String, Entry<T>> entries;

  private record Entry<T>(T token, Instant until) {}

  /**
   * @param capacity how many tokens are kept at most (0: none, every call verifies)
   * @param maxAge how long after its verification a token is trusted without another
   * @param clock the clock expiry is checked against
   */
  VerifiedTokens(int capacity, Duration maxAge, Clock clock) {
    if (capacity < 0) {
      throw new IllegalArgumentException("capacity must be >= 0, but was " + capacity);
    }
    if (maxAge.isNegative()) {
      throw new IllegalArgumentException("maxAge must not be negative, but was " + maxAge);
    }
    this.capacity = capacity;
    this.maxAge = maxAge;
    this.clock = clock;
    this.entries = new LinkedHashMap<>(16, 0.75f, true);
  }

  /** The verified token for {@code raw}, if it was verified and is neither expired nor too old. */
  Optional<T> find(String raw) {
    String key = key(raw);
    Instant now = clock.instant();
    synchronized (entries) {
      Entry<T> e = entries.get(key);
      if (e == null) {
        return Optional.empty();
      }
      if (!now.isBefore(e.until())) {
        entries.remove(key);
        return Optional.empty();
      }
      return Optional.of(e.token());
    }
  }

  /**
   * Keeps {@code verified}, the result of verifying {@code raw}, until {@code expiresAt} or {@code
   * maxAge} from now, whichever comes first.
   */
  void keep(String raw, T verified, Instant expiresAt) {
    Instant now = clock.instant();
    Instant until = min(expiresAt, now.plus(maxAge));
    if (capacity == 0 || !now.isBefore(until)) {
      return;
    }
    String key = key(raw);
    synchronized (entries) {
      entries.put(key, new Entry<>(verified, until));
      if (entries.size() > capacity) {
        var eldest = entries.keySet().iterator();
        eldest.next();
        eldest.remove();
      }
    }
  }

  /** How many tokens are kept (expired ones included until they are looked up or evicted). */
  int size() {
    synchronized (entries) {
      return entries.size();
    }
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  private static String key(String raw) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(raw.getBytes(StandardCharsets.US_ASCII));
      return java.util.HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
