package io.rehearsal.gateway.slack;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.rehearsal.gateway.decision.DecisionDesk;
import io.rehearsal.store.RedisStore;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The Slack side of the gateway, built once from its configuration: the request guard, the click
 * handler and the notifier, with the Redis connection and threads they use. {@link #disabled()}
 * when {@code rehearsal.gateway.slack.enabled} is false.
 */
public final class SlackIntegration implements AutoCloseable {

  /** Prefix of the Slack keys in Redis (replay claims, message index). */
  public static final String KEY_PREFIX = "rehearsal:slack:";

  private final Optional<Parts> parts;

  /** What an enabled integration holds. */
  record Parts(
      RequestGuard guard,
      SlackApprovals approvals,
      SlackNotifier notifier,
      MessageIndex index,
      SlackApi api,
      RedisClient client,
      StatefulRedisConnection<String, String> connection,
      ExecutorService executor) {}

  private SlackIntegration(Optional<Parts> parts) {
    this.parts = parts;
  }

  /** An integration that does nothing. */
  public static SlackIntegration disabled() {
    return new SlackIntegration(Optional.empty());
  }

  /**
   * Builds the integration, connecting to the store's Redis.
   *
   * @throws IllegalStateException when enabled but a required key is missing
   */
  public static SlackIntegration start(
      SlackConfig config, String pageUrl, DecisionDesk desk, RedisStore store, Clock clock) {
    if (!config.enabled()) {
      return disabled();
    }
    String secret = required(config.signingSecret(), "signing-secret");
    String token = required(config.botToken(), "bot-token");
    String channel = required(config.channel(), "channel");
    SlackUsers users = new SlackUsers(config.users());
    RedisClient client = RedisClient.create(store.uri());
    StatefulRedisConnection<String, String> connection = client.connect();
    // One thread: Slack calls run in the order the changes arrived, so an older revision never
    // overwrites a newer one in a message.
    ExecutorService executor = Executors.newSingleThreadExecutor(SlackIntegration::thread);
    SlackApi api = new SlackApi(token, config.apiUrlPrefix());
    MessageIndex index = new MessageIndex(connection.sync(), KEY_PREFIX);
    SlackNotifier notifier =
        new SlackNotifier(
            desk, store.evaluations(), api, index, new ApprovalMessage(pageUrl), channel, executor);
    RequestGuard guard =
        new RequestGuard(
            new SignatureVerifier(secret, clock),
            new RedisReplayCache(connection.sync(), KEY_PREFIX));
    SlackApprovals approvals = new SlackApprovals(desk, users, api, notifier, executor);
    return new SlackIntegration(
        Optional.of(
            new Parts(guard, approvals, notifier, index, api, client, connection, executor)));
  }

  /** Whether Slack approvals are on. */
  public boolean enabled() {
    return parts.isPresent();
  }

  /** The request guard; only when enabled. */
  public RequestGuard guard() {
    return parts.orElseThrow().guard();
  }

  /** The click handler; only when enabled. */
  public SlackApprovals approvals() {
    return parts.orElseThrow().approvals();
  }

  /** The listener to tell about decision changes; a no-op when disabled. */
  public DecisionListener listener() {
    return parts.<DecisionListener>map(Parts::notifier).orElse(d -> {});
  }

  /** The Slack message showing a decision, once posted; empty when disabled. */
  public Optional<MessageIndex.Message> message(String decisionId) {
    return parts.flatMap(p -> p.index().find(decisionId));
  }

  @Override
  public void close() throws Exception {
    if (parts.isEmpty()) {
      return;
    }
    Parts p = parts.get();
    p.executor().shutdown();
    p.executor().awaitTermination(5, TimeUnit.SECONDS);
    p.api().close();
    p.connection().close();
    p.client().shutdown();
  }

  private static String required(Optional<String> value, String key) {
    return value
        .filter(v -> !v.isBlank())
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "rehearsal.gateway.slack.enabled is true but rehearsal.gateway.slack."
                        + key
                        + " is not set"));
  }

  private static Thread thread(Runnable r) {
    Thread t = new Thread(r, "slack-approvals");
    t.setDaemon(true);
    return t;
  }
}
