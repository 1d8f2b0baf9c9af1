package io.rehearsal.gateway.slack;

/**
 * The door of {@code /slack/interactions}: a request passes when its signature verifies and it was
 * never accepted before. The signature is checked first, so forged requests never write to Redis.
 */
public final class RequestGuard {

  private final SignatureVerifier verifier;
  private final ReplayCache replays;

  public RequestGuard(SignatureVerifier verifier, ReplayCache replays) {
    this.verifier = verifier;
    this.replays = replays;
  }

  /** Verifies a request and claims it; see {@link SignatureVerifier#verify}. */
  public Verification check(String timestamp, String signature, byte[] body) {
    Verification v = verifier.verify(timestamp, signature, body);
    if (!v.accepted()) {
      return v;
    }
    if (!replays.claim(timestamp, signature)) {
      return Verification.refuse(
          Verification.Outcome.REPLAYED, "this signed request was already accepted once");
    }
    return v;
  }
}
