package io.rehearsal.gateway.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;

/**
 * {@code /ui/password}: a signed-in user of the users file replaces their password (the first
 * user's one-time password, say), checked against the current one; CSRF-checked like every form.
 */
@Path("/ui/password")
@Blocking
@RolesAllowed({"oncall", "admin"})
public class PasswordPage {

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance password(String user, String csrf, String message, boolean ok);
  }

  private final WebUsers users;
  private final SecurityIdentity identity;
  private final OidcSignIn oidc;

  PasswordPage(WebUsers users, SecurityIdentity identity, OidcSignIn oidc) {
    this.users = users;
    this.identity = identity;
    this.oidc = oidc;
  }

  @GET
  @Produces(MediaType.TEXT_HTML)
  public Response form(@Context RoutingContext ctx) {
    if (oidc.on()) {
      return managedByProvider();
    }
    return Response.ok(Templates.password(user(), csrf(ctx), "", false)).build();
  }

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Produces(MediaType.TEXT_HTML)
  public Response change(
      @FormParam(PageGuard.CSRF) String token,
      @FormParam("current") String current,
      @FormParam("next") String next,
      @Context RoutingContext ctx) {
    if (oidc.on()) {
      return managedByProvider();
    }
    if (!PageGuard.same(csrf(ctx), token)) {
      return Problems.response(
          403, "CSRF token missing or wrong", "reload the page and submit its form again");
    }
    Optional<String> refused = users.changePassword(user(), chars(current), chars(next));
    String message = refused.map(r -> "Not changed: " + r).orElse("Password changed.");
    return Response.status(refused.isPresent() ? 400 : 200)
        .entity(Templates.password(user(), csrf(ctx), message, refused.isEmpty()))
        .build();
  }

  /** With OIDC there is no password here to change. */
  private static Response managedByProvider() {
    return Problems.response(
        404, "No password here", "you signed in with your identity provider; change it there");
  }

  private String user() {
    return identity.getPrincipal().getName();
  }

  private static char[] chars(String s) {
    return s == null ? new char[0] : s.toCharArray();
  }

  private static String csrf(RoutingContext ctx) {
    String token = ctx.get(PageGuard.CSRF_KEY);
    return token == null ? "" : token;
  }
}
