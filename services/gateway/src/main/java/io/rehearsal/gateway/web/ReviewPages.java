package io.rehearsal.gateway.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.rehearsal.gateway.decision.DecisionDesk;
import io.rehearsal.gateway.decision.GatewayException;
import io.rehearsal.proto.v1.ApproveRequest;
import io.rehearsal.proto.v1.Decision;
import io.rehearsal.proto.v1.DecisionState;
import io.rehearsal.proto.v1.RejectRequest;
import io.rehearsal.proto.v1.ReviewChannel;
import io.rehearsal.store.DecisionJournal;
import io.rehearsal.store.IncidentLifecycle;
import io.rehearsal.store.RedisStore;
import io.smallrye.common.annotation.Blocking;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Singleton;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The on-call review page under {@code /ui}: the decision list, one decision with its evidence and
 * plots, and approve / reject. Every review goes through the gateway's {@link DecisionDesk} with
 * channel WEB and the signed-in user as reviewer, so the desk's rules hold exactly as for gRPC and
 * Slack (the requester never reviews, one approval per person, N approvers, expiry, the revision
 * the reviewer saw) and the first valid decision wins whichever channel it came from. Signed-in
 * users see pages; only the {@code oncall} group reviews.
 */
@Path("/ui")
@Singleton
@Blocking
@RolesAllowed({"oncall", "admin"})
public class ReviewPages {

  static final String REVIEWER_ROLE = "oncall";

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance list(
        List<ListPage.Group> groups,
        List<String> states,
        List<String> services,
        String state,
        String service,
        String user,
        String csrf);

    static native TemplateInstance table(List<ListPage.Group> groups, String state, String service);

    static native TemplateInstance decision(
        DetailPage page, String user, String csrf, boolean reviewer);

    static native TemplateInstance status(
        StatusPart status, String csrf, boolean reviewer, boolean oob);

    static native TemplateInstance result(
        boolean ok, String message, StatusPart status, String csrf, boolean reviewer);
  }

  private final DecisionDesk desk;
  private final DecisionBoard board;
  private final DecisionPages pages;
  private final SecurityIdentity identity;
  private final Clock clock = Clock.systemUTC();

  ReviewPages(
      DecisionDesk desk,
      DecisionJournal journal,
      RedisStore store,
      IncidentLifecycle incidents,
      SecurityIdentity identity) {
    this.desk = desk;
    this.board = new DecisionBoard(journal);
    this.pages = new DecisionPages(desk, store, incidents, clock);
    this.identity = identity;
  }

  @GET
  public Response root() {
    return Response.seeOther(URI.create("/ui/decisions")).build();
  }

  /** The list, newest first, grouped by incident, filtered by state and target service. */
  @GET
  @Path("decisions")
  @Produces(MediaType.TEXT_HTML)
  public TemplateInstance list(
      @QueryParam("state") String state,
      @QueryParam("service") String service,
      @Context RoutingContext ctx) {
    List<String> states =
        Arrays.stream(DecisionState.values())
            .filter(
                s ->
                    s != DecisionState.DECISION_STATE_UNSPECIFIED
                        && s != DecisionState.UNRECOGNIZED)
            .map(ListPage::state)
            .toList();
    return Templates.list(
        groups(state, service),
        states,
        board.services(),
        blank(state),
        blank(service),
        user(),
        csrf(ctx));
  }

  /** The list's table, polled every 2 s. */
  @GET
  @Path("decisions/table")
  @Produces(MediaType.TEXT_HTML)
  public TemplateInstance table(
      @QueryParam("state") String state, @QueryParam("service") String service) {
    return Templates.table(groups(state, service), blank(state), blank(service));
  }

  @GET
  @Path("decisions/{id}")
  @Produces(MediaType.TEXT_HTML)
  public TemplateInstance decision(@PathParam("id") String id, @Context RoutingContext ctx) {
    return Templates.decision(pages.detail(id), user(), csrf(ctx), reviewer());
  }

  /** State, reviews, audit trail and the review forms, polled every 2 s. */
  @GET
  @Path("decisions/{id}/status")
  @Produces(MediaType.TEXT_HTML)
  public TemplateInstance status(@PathParam("id") String id, @Context RoutingContext ctx) {
    return Templates.status(pages.status(id), csrf(ctx), reviewer(), false);
  }

  /** The plots' data (uPlot's aligned arrays); 404 when the decision has no stored evaluation. */
  @GET
  @Path("decisions/{id}/plots")
  @Produces(MediaType.APPLICATION_JSON)
  public Response plots(@PathParam("id") String id) {
    return pages
        .plots(id)
        .map(p -> Response.ok(p.toString(), MediaType.APPLICATION_JSON).build())
        .orElseGet(
            () ->
                Problems.response(
                    404, "No evaluation", "decision " + id + " has no stored evaluation"));
  }

  @POST
  @Path("decisions/{id}/approve")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Produces(MediaType.TEXT_HTML)
  public Response approve(
      @PathParam("id") String id,
      @FormParam(PageGuard.CSRF) String token,
      @FormParam("revision") String revision,
      @FormParam("comment") String comment,
      @HeaderParam("HX-Request") String htmx,
      @Context RoutingContext ctx) {
    return review(id, token, revision, htmx, ctx, true, comment);
  }

  @POST
  @Path("decisions/{id}/reject")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Produces(MediaType.TEXT_HTML)
  public Response reject(
      @PathParam("id") String id,
      @FormParam(PageGuard.CSRF) String token,
      @FormParam("revision") String revision,
      @FormParam("comment") String comment,
      @HeaderParam("HX-Request") String htmx,
      @Context RoutingContext ctx) {
    return review(id, token, revision, htmx, ctx, false, comment);
  }

  private Response review(
      String id,
      String token,
      String revision,
      String htmx,
      RoutingContext ctx,
      boolean approve,
      String comment) {
    if (!PageGuard.same(csrf(ctx), token)) {
      return Problems.response(
          403, "CSRF token missing or wrong", "reload the page and submit its form again");
    }
    if (!reviewer()) {
      return Problems.response(
          403,
          "Not a reviewer",
          "user '" + user() + "' is not in the '" + REVIEWER_ROLE + "' group");
    }
    String verb = approve ? "approved" : "rejected";
    try {
      Decision d =
          approve
              ? desk.approve(approveRequest(id, revision, comment))
              : desk.reject(rejectRequest(id, revision, comment));
      String message =
          verb
              + " by "
              + user()
              + ": now "
              + ListPage.state(d.getState())
              + " ("
              + ListPage.approvals(d)
              + " approvals)";
      return htmx == null
          ? Response.seeOther(URI.create("/ui/decisions/" + id)).build()
          : Response.ok(Templates.result(true, message, pages.status(d), csrf(ctx), reviewer()))
              .build();
    } catch (GatewayException e) {
      int status = Refusals.status(e.reason());
      String message = "Not " + verb + ": " + e.getMessage();
      return htmx == null
          ? Problems.response(status, "Review refused (" + e.reason() + ")", e.getMessage())
          : Response.ok(Templates.result(false, message, pages.status(id), csrf(ctx), reviewer()))
              .build();
    }
  }

  private ApproveRequest approveRequest(String id, String revision, String comment) {
    return ApproveRequest.newBuilder()
        .setDecisionId(id)
        .setReviewer(user())
        .setChannel(ReviewChannel.REVIEW_CHANNEL_WEB)
        .setComment(comment == null ? "" : comment.strip())
        .setExpectedRevision(Refusals.revision(revision))
        .build();
  }

  private RejectRequest rejectRequest(String id, String revision, String comment) {
    return RejectRequest.newBuilder()
        .setDecisionId(id)
        .setReviewer(user())
        .setChannel(ReviewChannel.REVIEW_CHANNEL_WEB)
        .setReason(comment == null ? "" : comment.strip())
        .setExpectedRevision(Refusals.revision(revision))
        .build();
  }

  /** A refusal of the desk outside a review (unknown decision, bad id) as a problem body. */
  @ServerExceptionMapper
  Response refused(GatewayException e) {
    return Problems.response(
        Refusals.status(e.reason()), "Refused (" + e.reason() + ")", e.getMessage());
  }

  private List<ListPage.Group> groups(String state, String service) {
    Optional<DecisionState> s =
        blank(state).isEmpty() ? Optional.empty() : Optional.of(Refusals.state(state));
    Optional<String> svc =
        blank(service).isEmpty() ? Optional.empty() : Optional.of(service.strip());
    return ListPage.groups(board.list(s, svc), clock.instant());
  }

  private String user() {
    return identity.getPrincipal().getName();
  }

  private boolean reviewer() {
    return identity.hasRole(REVIEWER_ROLE);
  }

  private static String csrf(RoutingContext ctx) {
    String token = ctx.get(PageGuard.CSRF_KEY);
    return token == null ? "" : token;
  }

  private static String blank(String s) {
    return s == null ? "" : s.strip();
  }
}
