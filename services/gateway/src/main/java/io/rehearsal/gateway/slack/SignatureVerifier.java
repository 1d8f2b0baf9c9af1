package io.rehearsal.gateway.slack;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Slack's request signing, version {@code v0}: the signature is {@code v0=} and the hex
 * HMAC-SHA256, under the app's signing secret, of {@code v0:<timestamp>:<raw body>}. A request is
 * authentic when its timestamp is within {@link #WINDOW} of now (either direction, so a skewed
 * clock cannot stretch the window) and the signatures match in constant time. Replays inside the
 * window are the {@link ReplayCache}'s job; {@link RequestGuard} combines both.
 */
public final class SignatureVerifier {

  /** How far a request's timestamp may be from now, in either direction. */
  public static final Duration WINDOW = Duration.ofMinutes(5);

  /** The header carrying the signature. */
  public static final String SIGNATURE_HEADER = "X-Slack-Signature";

  /** The header carrying the request's epoch seconds. */
  public static final String TIMESTAMP_HEADER = "X-Slack-Request-Timestamp";

  private static final String VERSION = "v0";
  private static final Pattern TIMESTAMP = Pattern.compile("[0-9]{1,12}");
  private static final Pattern SIGNATURE = Pattern.compile("v0=[0-9a-f]{64}");

  private final SecretKeySpec key;
  private final Clock clock;

  /**
   * @param signingSecret the app's signing secret (Slack app settings, Basic Information)
   * @param clock the gateway's clock
   * @throws IllegalArgumentException when the secret is blank
   */
  public SignatureVerifier(String signingSecret, Clock clock) {
    if (signingSecret == null || signingSecret.isBlank()) {
      throw new IllegalArgumentException("the Slack signing secret must not be blank");
    }
    this.key = new SecretKeySpec(signingSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    this.clock = clock;
  }

  /**
   * Checks a request's headers against its raw body; never throws on bad input.
   *
   * @param timestamp the {@value #TIMESTAMP_HEADER} header, possibly null
   * @param signature the {@value #SIGNATURE_HEADER} header, possibly null
   * @param body the body exactly as received
   */
  public Verification verify(String timestamp, String signature, byte[] body) {
    if (timestamp == null || timestamp.isBlank() || signature == null || signature.isBlank()) {
      return Verification.refuse(
          Verification.Outcome.MISSING_HEADER,
          "both " + TIMESTAMP_HEADER + " and " + SIGNATURE_HEADER + " are required");
    }
    if (!TIMESTAMP.matcher(timestamp).matches() || !SIGNATURE.matcher(signature).matches()) {
      return Verification.refuse(
          Verification.Outcome.MALFORMED,
          "the timestamp must be epoch seconds and the signature v0= and 64 lowercase hex digits");
    }
    long skew = Math.abs(clock.instant().getEpochSecond() - Long.parseLong(timestamp));
    if (skew > WINDOW.toSeconds()) {
      return Verification.refuse(
          Verification.Outcome.STALE,
          "the request timestamp is " + skew + " s from now; at most " + WINDOW.toSeconds());
    }
    byte[] expected = sign(timestamp, body).getBytes(StandardCharsets.US_ASCII);
    if (!MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII))) {
      return Verification.refuse(
          Verification.Outcome.BAD_SIGNATURE, "the signature does not match the request");
    }
    return Verification.accept();
  }

  /** The {@code v0=} signature of {@code body} at {@code timestamp} under this secret. */
  public String sign(String timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      mac.update((VERSION + ":" + timestamp + ":").getBytes(StandardCharsets.UTF_8));
      return VERSION + "=" + HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
    }
  }
}
