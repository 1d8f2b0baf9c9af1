package io.rehearsal.gateway.slack;

import java.util.Map;
import java.util.Optional;

/**
 * Who a Slack user is as an approver: the configured mapping {@code
 * rehearsal.gateway.slack.users.<Slack user id>=<approver identity>}. A Slack user not in it can
 * click but never review.
 */
public final class SlackUsers {

  private final Map<String, String> approvers;

  /**
   * @param approvers Slack user id to approver identity (e.g. {@code U024BE7LH ->
   *     alice@example.com})
   * @throws IllegalArgumentException when an id or identity is blank
   */
  public SlackUsers(Map<String, String> approvers) {
    approvers.forEach(
        (id, who) -> {
          if (id.isBlank() || who.isBlank()) {
            throw new IllegalArgumentException(
                "rehearsal.gateway.slack.users: blank entry '" + id + "=" + who + "'");
          }
        });
    this.approvers = Map.copyOf(approvers);
  }

  /** The approver identity of a Slack user, if mapped. */
  public Optional<String> approver(String slackUserId) {
    return Optional.ofNullable(approvers.get(slackUserId));
  }
}
