package io.rehearsal.gateway.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.vertx.http.runtime.security.FormAuthenticationMechanism;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/**
 * Sign-in and sign-out. With OIDC ({@link OidcSignIn}) the sign-in page only links to the page,
 * whose first request goes to the provider. Otherwise the form posts to Quarkus' form
 * authentication ({@value PageGuard#POST_LOCATION}), whose session cookie is encrypted, HttpOnly,
 * SameSite=Strict and Secure over TLS; its CSRF token rides in the action URL and is checked by
 * {@link PageGuard}.
 */
@Path("/ui")
public class LoginPage {

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance login(
        boolean failed, String csrf, String postLocation, boolean oidc);
  }

  private final OidcSignIn oidc;

  LoginPage(OidcSignIn oidc) {
    this.oidc = oidc;
  }

  @GET
  @Path("login")
  @Produces(MediaType.TEXT_HTML)
  public TemplateInstance login(@QueryParam("failed") String failed, @Context RoutingContext ctx) {
    String token = ctx.get(PageGuard.CSRF_KEY);
    return Templates.login(
        failed != null, token == null ? "" : token, PageGuard.POST_LOCATION, oidc.on());
  }

  /**
   * Ends the session (CSRF-checked like every form): Quarkus' form mechanism clears its cookie;
   * with OIDC, Quarkus' logout path clears the session cookie and sends the browser to the
   * provider's end-session endpoint, which returns it to the sign-in page.
   */
  @POST
  @Path("logout")
  public Response logout(@FormParam(PageGuard.CSRF) String token, @Context RoutingContext ctx) {
    String expected = ctx.get(PageGuard.CSRF_KEY);
    if (expected == null || !PageGuard.same(expected, token)) {
      return Problems.response(
          403, "CSRF token missing or wrong", "reload the page and submit its form again");
    }
    if (oidc.on()) {
      return Response.seeOther(URI.create(OidcSignIn.LOGOUT_PATH)).build();
    }
    FormAuthenticationMechanism.logout(ctx);
    return Response.seeOther(URI.create("/ui/login")).build();
  }
}
