package io.rehearsal.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rehearsal.gateway.MutableClock;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

/** The verified-token cache in front of smallrye-jwt's real parser, with real RSA keys. */
class CachingJwtParserTest {

  private static final KeyPair TRUSTED = keys();
  private static final KeyPair UNTRUSTED = keys();

  private final Instant now = Instant.now();
  private final MutableClock clock = new MutableClock(now);
  private final AtomicInteger verifications = new AtomicInteger();
  private final CachingJwtParser parser =
      new CachingJwtParser(
          new CountingParser(), new VerifiedTokens<>(100, Duration.ofMinutes(1), clock));

  @Test
  void shouldVerifyATokenOnceWhenItIsSentAgain() throws ParseException {
    String token = token(TRUSTED, now.plusSeconds(600));

    JsonWebToken first = parser.parse(token);
    JsonWebToken second = parser.parse(token);

    assertThat(second.getName()).isEqualTo("alice").isEqualTo(first.getName());
    assertThat(second.getGroups()).containsExactly("automation");
    assertThat(verifications).hasValue(1);
  }

  @Test
  void shouldVerifyAgainWhenTheCachedTokenExpiredOrGrewTooOld() throws ParseException {
    String shortLived = token(TRUSTED, now.plusSeconds(30));
    String longLived = token(TRUSTED, now.plusSeconds(600));
    parser.parse(shortLived);
    parser.parse(longLived);

    clock.advance(Duration.ofSeconds(30)); // past the first's exp, before max-age
    parser.parse(shortLived);
    parser.parse(longLived);
    assertThat(verifications).hasValue(3);

    clock.advance(Duration.ofSeconds(30)); // max-age of the second reached
    parser.parse(longLived);
    assertThat(verifications).hasValue(4);
  }

  @Test
  void shouldRefuseATokenEveryTimeWhenItsSignatureIsNotTrusted() {
    String forged = token(UNTRUSTED, now.plusSeconds(600));

    for (int i = 0; i < 3; i++) {
      assertThatThrownBy(() -> parser.parse(forged)).isInstanceOf(ParseException.class);
    }
    assertThat(verifications).hasValue(3);
  }

  @Test
  void shouldNotServeATokenWhenOnlyItsSignatureDiffers() throws ParseException {
    String token = token(TRUSTED, now.plusSeconds(600));
    parser.parse(token);
    String tampered = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");

    assertThatThrownBy(() -> parser.parse(tampered)).isInstanceOf(ParseException.class);
  }

  private String token(KeyPair keys, Instant expiresAt) {
    return LocalCredentials.sign(
        keys.getPrivate(), "alice", Set.of("automation"), now.minusSeconds(60), expiresAt);
  }

  private static KeyPair keys() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** smallrye-jwt's parser trusting {@link #TRUSTED}, counting the tokens it verifies. */
  private final class CountingParser extends DefaultJWTParser {
    CountingParser() {
      super(new JWTAuthContextInfo(TRUSTED.getPublic(), LocalCredentials.ISSUER));
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
      verifications.incrementAndGet();
      return super.parse(token);
    }
  }
}
