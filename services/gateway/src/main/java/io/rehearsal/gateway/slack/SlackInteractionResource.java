package io.rehearsal.gateway.slack;

import io.lettuce.core.RedisException;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * {@code POST /slack/interactions}: Slack's interactivity request URL. Authenticated by Slack's
 * signature over the raw body (not by the gateway's sign-in), checked before anything is parsed or
 * written; the click is then acknowledged at once and applied after the answer, because Slack gives
 * up after 3 seconds.
 */
@Path("/slack/interactions")
public class SlackInteractionResource {

  private static final Logger LOG = Logger.getLogger(SlackInteractionResource.class);
  private static final String PROBLEM = "application/problem+json";

  private final SlackIntegration slack;

  SlackInteractionResource(SlackIntegration slack) {
    this.slack = slack;
  }

  /**
   * Verifies, acknowledges and schedules one interaction.
   *
   * @return 200 (empty) when accepted; 401 refused signature, stale or replayed; 400 a payload that
   *     is not a click on our buttons; 404 Slack approvals off; 503 Redis unreachable
   */
  @POST
  @Blocking
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response interact(
      @HeaderParam(SignatureVerifier.TIMESTAMP_HEADER) String timestamp,
      @HeaderParam(SignatureVerifier.SIGNATURE_HEADER) String signature,
      byte[] body) {
    if (!slack.enabled()) {
      return problem(404, "Slack approvals are off", "rehearsal.gateway.slack.enabled is false");
    }
    Verification v;
    try {
      v = slack.guard().check(timestamp, signature, body == null ? new byte[0] : body);
    } catch (RedisException e) {
      return problem(503, "Replay cache unreachable", "nothing was done: " + e.getMessage());
    }
    if (!v.accepted()) {
      LOG.debugf("Slack request refused: %s (%s)", v.outcome(), v.detail());
      return problem(401, "Slack request refused: " + v.outcome(), v.detail());
    }
    Interaction click;
    try {
      click = Interaction.parse(new String(body, StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      return problem(400, "Not a Rehearsal button click", e.getMessage());
    }
    slack.approvals().later(click);
    return Response.ok().build();
  }

  private static Response problem(int status, String title, String detail) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "about:blank");
    body.put("title", title);
    body.put("status", status);
    body.put("detail", detail);
    return Response.status(status).type(PROBLEM).entity(body).build();
  }
}
