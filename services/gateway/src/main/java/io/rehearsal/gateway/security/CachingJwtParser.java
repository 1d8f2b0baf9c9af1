package io.rehearsal.gateway.security;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import javax.crypto.SecretKey;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The JWT parser Quarkus' bearer-token mechanism uses, in front of smallrye-jwt's {@link
 * DefaultJWTParser}: a token verified with the configured key set is remembered in {@link
 * VerifiedTokens} (until its {@code exp}, at most {@code
 * rehearsal.gateway.auth.verified-tokens.max-age}), so a caller that sends the same token on every
 * call pays the signature check once. Every other operation, and any token not remembered, goes to
 * the default parser unchanged; a refused token is never remembered.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class CachingJwtParser implements JWTParser {

  private final DefaultJWTParser parser;
  private final VerifiedTokens<JsonWebToken> verified;

  @Inject
  CachingJwtParser(DefaultJWTParser parser, AuthConfig config) {
    this(
        parser,
        new VerifiedTokens<>(
            config.verifiedTokens().capacity(),
            config.verifiedTokens().maxAge(),
            Clock.systemUTC()));
  }

  CachingJwtParser(DefaultJWTParser parser, VerifiedTokens<JsonWebToken> verified) {
    this.parser = parser;
    this.verified = verified;
  }

  @Override
  public JsonWebToken parse(String token) throws ParseException {
    var known = verified.find(token);
    if (known.isPresent()) {
      return known.get();
    }
    JsonWebToken jwt = parser.parse(token);
    verified.keep(token, jwt, Instant.ofEpochSecond(jwt.getExpirationTime()));
    return jwt;
  }

  @Override
  public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
    return parser.parse(token, context);
  }

  @Override
  public JsonWebToken verify(String token, PublicKey key) throws ParseException {
    return parser.verify(token, key);
  }

  @Override
  public JsonWebToken verify(String token, SecretKey key) throws ParseException {
    return parser.verify(token, key);
  }

  @Override
  public JsonWebToken verify(String token, String secret) throws ParseException {
    return parser.verify(token, secret);
  }

  @Override
  public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
    return parser.decrypt(token, key);
  }

  @Override
  public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
    return parser.decrypt(token, key);
  }

  @Override
  public JsonWebToken decrypt(String token, String secret) throws ParseException {
    return parser.decrypt(token, secret);
  }

  @Override
  public JsonWebToken parseOnly(String token) throws ParseException {
    return parser.parseOnly(token);
  }
}
