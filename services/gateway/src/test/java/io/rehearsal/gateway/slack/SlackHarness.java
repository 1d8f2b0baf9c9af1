package io.rehearsal.gateway.slack;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.rehearsal.gateway.MutableClock;
import io.rehearsal.gateway.decision.DecisionDesk;
import io.rehearsal.store.RedisStore;
import io.rehearsal.store.StoreConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The plain Slack parts over a real redis-server (embedded, free port), the real decision desk with
 * the gateway's test policy, and the Slack stand-in; Slack work runs on the caller's thread.
 */
final class SlackHarness implements AutoCloseable {

  static final Instant START = Instant.parse("2026-12-07T10:00:00Z");
  static final String CHANNEL = "C0APPROVALS";
  static final String PAGE = "https://gateway.example.com";

  /** Slack users: alice and bob approve, carol requested the decisions, mallory is unmapped. */
  static final Map<String, String> USERS =
      Map.of(
          "U0ALICE", "alice@example.com",
          "U0BOB", "bob@example.com",
          "U0CAROL", SlackFixtures.REQUESTER);

  final MutableClock clock = new MutableClock(START);
  final RedisStore store;
  final DecisionDesk desk;
  final SlackStandIn slack = SlackStandIn.start();
  final SlackApi api;
  final MessageIndex index;
  final SlackNotifier notifier;
  final SlackApprovals approvals;
  private final RedisClient client;
  private final StatefulRedisConnection<String, String> connection;

  SlackHarness(Path dataDir) {
    store =
        RedisStore.connect(
            StoreConfig.defaults()
                .withDataDir(dataDir)
                .withCommandTimeout(Duration.ofSeconds(2))
                .withConnectTimeout(Duration.ofSeconds(2)));
    desk = SlackFixtures.desk(store, clock);
    SlackFixtures.storeEvaluation(store, START);
    client = RedisClient.create(store.uri());
    connection = client.connect();
    api = new SlackApi("xoxb-test-token", java.util.Optional.of(slack.urlPrefix()));
    index = new MessageIndex(connection.sync(), "rehearsal:slack:");
    notifier =
        new SlackNotifier(
            desk,
            store.evaluations(),
            api,
            index,
            new ApprovalMessage(PAGE),
            CHANNEL,
            Runnable::run);
    approvals = new SlackApprovals(desk, new SlackUsers(USERS), api, notifier, Runnable::run);
  }

  @Override
  public void close() throws Exception {
    api.close();
    connection.close();
    client.shutdown();
    store.close();
    slack.close();
  }
}
