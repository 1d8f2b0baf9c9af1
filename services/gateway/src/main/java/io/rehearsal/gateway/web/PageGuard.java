package io.rehearsal.gateway.web;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * What every review page response gets before any handler, sign-in included: the security headers
 * (a content security policy with scripts only from this origin and no inline script, no framing,
 * no sniffing, no referrer to other origins; forms post to this origin, and with OIDC sign-out
 * redirects to the provider's) and the CSRF token — a random value in an HttpOnly, SameSite=Strict
 * cookie ({@code Secure} over TLS) that every form repeats in a hidden field. The sign-in POST is
 * checked here (its token travels in the form's action URL, because the sign-in mechanism reads the
 * body itself); the review forms are checked by {@link ReviewResource}.
 */
@ApplicationScoped
class PageGuard {

  /** The cookie and form field holding the CSRF token. */
  static final String CSRF = "rehearsal-csrf";

  /** Where the token of the current request is kept in its routing context. */
  static final String CSRF_KEY = "rehearsal.csrf";

  static final String POST_LOCATION = "/ui/j_security_check";

  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");
  private final SecureRandom random = new SecureRandom();
  private final String csp;

  PageGuard(OidcSignIn oidc) {
    this.csp = csp(oidc.formAction());
  }

  /** The content security policy, forms allowed to go to {@code formAction}. */
  static String csp(String formAction) {
    return "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
        + " connect-src 'self'; form-action "
        + formAction
        + "; frame-ancestors 'none'; base-uri 'none'";
  }

  void install(@Observes Router router) {
    router.route().order(Integer.MIN_VALUE).handler(this::handle);
  }

  private void handle(RoutingContext ctx) {
    String path = ctx.normalizedPath();
    if (!path.startsWith("/ui") && !path.startsWith("/webjars")) {
      ctx.next();
      return;
    }
    ctx.response()
        .putHeader("Content-Security-Policy", csp)
        .putHeader("X-Frame-Options", "DENY")
        .putHeader("X-Content-Type-Options", "nosniff")
        .putHeader("Referrer-Policy", "same-origin")
        .putHeader("Cache-Control", "no-store");
    if (!path.startsWith("/ui")) {
      ctx.next(); // scripts and styles: headers only, no token (they never submit forms)
      return;
    }
    String token = token(ctx);
    ctx.put(CSRF_KEY, token);
    if (ctx.request().method() == HttpMethod.POST
        && path.equals(POST_LOCATION)
        && !same(token, ctx.request().getParam("csrf"))) {
      refuse(ctx);
      return;
    }
    ctx.next();
  }

  /** The request's token, or a new one set as the cookie. */
  private String token(RoutingContext ctx) {
    Cookie cookie = ctx.request().getCookie(CSRF);
    if (cookie != null && TOKEN.matcher(cookie.getValue()).matches()) {
      return cookie.getValue();
    }
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    ctx.response()
        .addCookie(
            Cookie.cookie(CSRF, token)
                .setPath("/")
                .setHttpOnly(true)
                .setSameSite(CookieSameSite.STRICT)
                .setSecure(ctx.request().isSSL()));
    // A request without the cookie gets a fresh token, which no form it sent can carry.
    return token;
  }

  /** Whether the token the form sent is the cookie's, compared in constant time. */
  static boolean same(String cookieToken, String sent) {
    return sent != null
        && TOKEN.matcher(cookieToken).matches()
        && MessageDigest.isEqual(
            cookieToken.getBytes(StandardCharsets.US_ASCII),
            sent.getBytes(StandardCharsets.US_ASCII));
  }

  private static void refuse(RoutingContext ctx) {
    ctx.response()
        .setStatusCode(403)
        .putHeader("Content-Type", Problems.TYPE)
        .end(
            Problems.json(
                403,
                "CSRF token missing or wrong",
                "reload the sign-in page and submit its form again"));
  }
}
