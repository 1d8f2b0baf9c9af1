package io.rehearsal.gateway.slack;

import io.lettuce.core.SetArgs;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.Optional;

/**
 * Which Slack message shows which decision, in Redis ({@code <prefix>message:<decision id>} holds
 * {@code <channel> <ts>}), so a decision made on the page or over gRPC can update the message, and
 * only one replica posts it.
 */
public final class MessageIndex {

  /** How long a decision's message is remembered; longer than any decision waits. */
  static final Duration RETENTION = Duration.ofDays(7);

  private static final String POSTING = "posting";

  private final RedisCommands<String, String> redis;
  private final String prefix;

  /** A message: the channel id and the message's ts. */
  public record Message(String channel, String ts) {}

  public MessageIndex(RedisCommands<String, String> redis, String prefix) {
    this.redis = redis;
    this.prefix = prefix;
  }

  /** Claims the right to post a decision's message; false when it is posted or being posted. */
  boolean claim(String decisionId) {
    return "OK".equals(redis.set(key(decisionId), POSTING, SetArgs.Builder.nx().ex(RETENTION)));
  }

  /** Records the posted message of a claimed decision. */
  void posted(String decisionId, Message message) {
    redis.set(
        key(decisionId), message.channel() + " " + message.ts(), SetArgs.Builder.ex(RETENTION));
  }

  /** Gives up a claim whose post failed, so a later change retries. */
  void release(String decisionId) {
    redis.del(key(decisionId));
  }

  /** The message showing a decision, once posted. */
  public Optional<Message> find(String decisionId) {
    String value = redis.get(key(decisionId));
    if (value == null || value.equals(POSTING)) {
      return Optional.empty();
    }
    int space = value.indexOf(' ');
    return Optional.of(new Message(value.substring(0, space), value.substring(space + 1)));
  }

  private String key(String decisionId) {
    return prefix + "message:" + decisionId;
  }
}
