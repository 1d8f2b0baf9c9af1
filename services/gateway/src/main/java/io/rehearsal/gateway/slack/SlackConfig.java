package io.rehearsal.gateway.slack;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Map;
import java.util.Optional;

/**
 * Slack approvals: {@code rehearsal.gateway.slack.*} (or {@code REHEARSAL_GATEWAY_SLACK_*}). Off by
 * default; the gateway starts without any of it. When enabled, the signing secret, the bot token
 * and the channel are required (start-up fails naming the missing key).
 */
@ConfigMapping(prefix = "rehearsal.gateway.slack")
public interface SlackConfig {

  /**
   * Whether the gateway posts approval requests to Slack and serves {@code /slack/interactions}.
   */
  @WithDefault("false")
  boolean enabled();

  /** The app's signing secret (Basic Information); verifies every interaction request. */
  Optional<String> signingSecret();

  /** The bot user OAuth token ({@code xoxb-...}) with {@code chat:write}. */
  Optional<String> botToken();

  /** The channel id approval requests are posted to, e.g. {@code C0123ABCD}. */
  Optional<String> channel();

  /** Slack user id to approver identity; a Slack user not listed cannot review. */
  Map<String, String> users();

  /**
   * The Web API URL prefix; unset is Slack's ({@code https://slack.com/api/}), tests point it at a
   * stand-in.
   */
  Optional<String> apiUrlPrefix();
}
