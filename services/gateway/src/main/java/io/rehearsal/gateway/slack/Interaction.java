package io.rehearsal.gateway.slack;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.util.json.GsonFactory;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One click on an Approve or Reject button, read from the form-encoded {@code payload} of a Slack
 * {@code block_actions} request (after its signature was verified).
 *
 * @param slackUser the Slack user id who clicked, e.g. {@code U2CERLKJA}
 * @param verdict approve or reject
 * @param decisionId the decision the button was posted for
 * @param revision the decision's revision when the message was posted or last updated
 * @param channel the channel id of the message
 * @param messageTs the message's timestamp (its id for {@code chat.update})
 */
public record Interaction(
    String slackUser,
    Verdict verdict,
    String decisionId,
    long revision,
    String channel,
    String messageTs) {

  /** The two buttons. */
  public enum Verdict {
    /** The Approve button. */
    APPROVE("rehearsal_approve"),
    /** The Reject button. */
    REJECT("rehearsal_reject");

    private final String actionId;

    Verdict(String actionId) {
      this.actionId = actionId;
    }

    /** The button's {@code action_id}. */
    public String actionId() {
      return actionId;
    }

    static Optional<Verdict> ofActionId(String actionId) {
      for (Verdict v : values()) {
        if (v.actionId.equals(actionId)) {
          return Optional.of(v);
        }
      }
      return Optional.empty();
    }
  }

  private static final Gson GSON = GsonFactory.createSnakeCase();
  private static final Pattern VALUE = Pattern.compile("(dec-[0-9a-f]{32})@([1-9][0-9]{0,17})");

  /** A button's {@code value}: the decision id and the revision it was shown at. */
  public static String buttonValue(String decisionId, long revision) {
    return decisionId + "@" + revision;
  }

  /**
   * Reads a request body {@code payload=<url-encoded JSON>}.
   *
   * @throws IllegalArgumentException naming what is missing or malformed
   */
  public static Interaction parse(String formBody) {
    BlockActionPayload p = payload(formBody);
    if (!"block_actions".equals(p.getType())
        || p.getActions() == null
        || p.getActions().isEmpty()) {
      throw new IllegalArgumentException(
          "payload: expected a block_actions payload with an action");
    }
    BlockActionPayload.Action action = p.getActions().get(0);
    Verdict verdict =
        Verdict.ofActionId(action.getActionId())
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "payload.actions[0].action_id: unknown action '"
                            + action.getActionId()
                            + "'"));
    Matcher m = VALUE.matcher(action.getValue() == null ? "" : action.getValue());
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "payload.actions[0].value: expected <decision id>@<revision>, but was '"
              + action.getValue()
              + "'");
    }
    return new Interaction(
        required("payload.user.id", p.getUser() == null ? null : p.getUser().getId()),
        verdict,
        m.group(1),
        Long.parseLong(m.group(2)),
        required("payload.channel.id", p.getChannel() == null ? null : p.getChannel().getId()),
        required(
            "payload.container.message_ts",
            p.getContainer() == null ? null : p.getContainer().getMessageTs()));
  }

  private static BlockActionPayload payload(String formBody) {
    String json = null;
    for (String pair : formBody.split("&")) {
      if (pair.startsWith("payload=")) {
        json = URLDecoder.decode(pair.substring("payload=".length()), StandardCharsets.UTF_8);
      }
    }
    if (json == null) {
      throw new IllegalArgumentException("payload: the form field is missing");
    }
    try {
      BlockActionPayload p = GSON.fromJson(json, BlockActionPayload.class);
      if (p == null) {
        throw new IllegalArgumentException("payload: empty");
      }
      return p;
    } catch (JsonParseException e) {
      throw new IllegalArgumentException("payload: not JSON: " + e.getMessage(), e);
    }
  }

  private static String required(String field, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(field + ": is required");
    }
    return value;
  }
}
