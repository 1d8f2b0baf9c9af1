package io.rehearsal.gateway;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Server;
import io.grpc.netty.NettyServerBuilder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.rehearsal.gateway.decision.ApproverDirectory;
import io.rehearsal.gateway.decision.DecisionDesk;
import io.rehearsal.gateway.decision.HistoryPolicy;
import io.rehearsal.gateway.dispatch.DeadLetters;
import io.rehearsal.gateway.dispatch.DispatchGuards;
import io.rehearsal.gateway.dispatch.DispatchSettings;
import io.rehearsal.gateway.dispatch.Dispatcher;
import io.rehearsal.gateway.dispatch.HookTarget;
import io.rehearsal.gateway.dispatch.KillSwitchBoard;
import io.rehearsal.gateway.dispatch.ShadowScope;
import io.rehearsal.gateway.dispatch.WebhookSender;
import io.rehearsal.gateway.mapping.Circumstances;
import io.rehearsal.gateway.shadow.ShadowLedger;
import io.rehearsal.gateway.watch.WatchStreams;
import io.rehearsal.policy.GuardSettings;
import io.rehearsal.policy.PolicyEngine;
import io.rehearsal.policy.PolicySet;
import io.rehearsal.proto.v1.PolicyGatewayGrpc;
import io.rehearsal.store.DecisionJournal;
import io.rehearsal.store.EmbeddedRedis;
import io.rehearsal.store.RedisStore;
import io.rehearsal.store.StoreConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * The gateway service over real gRPC on loopback, with a real redis-server of its own (embedded,
 * free port, temp dir), the test policy and a clock the test moves.
 */
final class GatewayHarness implements AutoCloseable {

  static final Instant START = Instant.parse("2026-12-07T10:00:00Z");
  static final Duration DEFAULT_TTL = Duration.ofHours(1);

  final MutableClock clock = new MutableClock(START);
  final RedisStore store;
  final DecisionJournal journal;
  final DecisionDesk desk;
  final ShadowLedger ledger;
  final KillSwitchBoard killSwitch;
  private final WatchStreams watches = new WatchStreams(Duration.ofMillis(10));
  private final SubmitAdmission submits;
  private final List<DecisionJournal> dispatcherJournals = new java.util.ArrayList<>();
  private final Server server;
  private final ManagedChannel channel;

  private GatewayHarness(Path dataDir, Options options) throws IOException {
    store =
        RedisStore.connect(
            StoreConfig.defaults()
                .withDataDir(dataDir)
                .withCommandTimeout(Duration.ofSeconds(1))
                .withConnectTimeout(Duration.ofSeconds(1)));
    PolicyEngine engine = new PolicyEngine(options.policy(), GuardSettings.DEFAULTS, clock);
    journal = DecisionJournal.connect(store.uri(), "rehearsal:", Duration.ofSeconds(5));
    desk =
        new DecisionDesk(
            store.decisions(),
            journal,
            store.audit(),
            store.evaluations(),
            engine,
            DEFAULT_TTL,
            clock,
            options.circumstances().apply(store, journal),
            options.approvers(),
            options.history());
    ledger = new ShadowLedger(journal.ledger("shadow"));
    killSwitch =
        new KillSwitchBoard(
            false, options.configuredKills(), journal.ledger("kill-switch"), store.audit(), clock);
    DeadLetters dead = new DeadLetters(journal.outbox(), desk.executions(), List.of(), clock);
    submits = new SubmitAdmission(options.maxInFlight(), new SimpleMeterRegistry());
    server =
        NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
            .addService(
                new PolicyGatewayService(desk, journal, watches, dead, ledger, killSwitch, submits))
            .build()
            .start();
    channel =
        ManagedChannelBuilder.forAddress("127.0.0.1", server.getPort()).usePlaintext().build();
  }

  /** A gateway with no kill switch, freeze or rate limit. */
  static GatewayHarness start(Path dataDir) {
    return start(dataDir, store -> Circumstances.NONE_SOURCE);
  }

  /**
   * A gateway whose circumstances (kill switch, freezes, rate limits) {@code circumstances} makes.
   */
  static GatewayHarness start(
      Path dataDir, java.util.function.Function<RedisStore, Circumstances.Source> circumstances) {
    return start(
        dataDir, Options.DEFAULT.withCircumstances((store, journal) -> circumstances.apply(store)));
  }

  /** A gateway with {@code options}. */
  static GatewayHarness start(Path dataDir, Options options) {
    try {
      return new GatewayHarness(dataDir, options);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * What a harness gateway decides with: policy, circumstances (kill switch, freezes, rate limits,
   * history), reviewers' groups and what approvals record in the action history.
   */
  record Options(
      PolicySet policy,
      java.util.function.BiFunction<RedisStore, DecisionJournal, Circumstances.Source>
          circumstances,
      ApproverDirectory approvers,
      HistoryPolicy history,
      java.util.Set<String> configuredKills,
      int maxInFlight) {

    /** The test policy, no circumstances, no groups known, no history, nothing killed. */
    static final Options DEFAULT =
        new Options(
            testPolicy(),
            (store, journal) -> Circumstances.NONE_SOURCE,
            ApproverDirectory.NONE,
            HistoryPolicy.OFF,
            java.util.Set.of(),
            64);

    Options withPolicy(PolicySet other) {
      return new Options(other, circumstances, approvers, history, configuredKills, maxInFlight);
    }

    Options withCircumstances(
        java.util.function.BiFunction<RedisStore, DecisionJournal, Circumstances.Source> other) {
      return new Options(policy, other, approvers, history, configuredKills, maxInFlight);
    }

    Options withApprovers(ApproverDirectory other) {
      return new Options(policy, circumstances, other, history, configuredKills, maxInFlight);
    }

    Options withHistory(HistoryPolicy other) {
      return new Options(policy, circumstances, approvers, other, configuredKills, maxInFlight);
    }

    /** Submits the harness's {@link SubmitAdmission} admits at once. */
    Options withMaxInFlight(int other) {
      return new Options(policy, circumstances, approvers, history, configuredKills, other);
    }

    /** Targets whose kill switch the harness's board treats as configured. */
    Options withConfiguredKills(java.util.Set<String> targets) {
      return new Options(policy, circumstances, approvers, history, targets, maxInFlight);
    }
  }

  static PolicySet testPolicy() {
    try {
      return PolicySet.load(
          Path.of(GatewayHarness.class.getResource("/policy/gateway-test.yaml").toURI()));
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A dispatcher over this gateway's outbox (its own journal connection, as a separate gateway
   * process would have) whose clock runs in real time from the harness clock's instant.
   */
  Dispatcher dispatcher(
      List<HookTarget> hooks,
      DispatchGuards guards,
      ShadowScope shadow,
      DispatchSettings settings,
      long seed) {
    DecisionJournal own = DecisionJournal.connect(store.uri(), "rehearsal:", Duration.ofSeconds(5));
    dispatcherJournals.add(own);
    Clock running =
        Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), clock.instant()));
    DecisionDesk other =
        new DecisionDesk(
            store.decisions(),
            own,
            store.audit(),
            store.evaluations(),
            new PolicyEngine(testPolicy(), GuardSettings.DEFAULTS, running),
            DEFAULT_TTL,
            running,
            Circumstances.NONE_SOURCE);
    return new Dispatcher(
        other.executions(),
        own.outbox(),
        new ShadowLedger(own.ledger("shadow")),
        hooks,
        guards,
        shadow,
        settings,
        new WebhookSender(settings.timeout(), Clock.systemUTC()),
        running,
        new SplittableRandom(seed));
  }

  /** The channel to the harness's gRPC server (for async stubs). */
  io.grpc.Channel channel() {
    return channel;
  }

  PolicyGatewayGrpc.PolicyGatewayBlockingStub stub() {
    return PolicyGatewayGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS);
  }

  /** Stops the redis-server under the running gateway. */
  EmbeddedRedis stopRedis() {
    EmbeddedRedis redis = store.embedded().orElseThrow();
    redis.close();
    return redis;
  }

  @Override
  public void close() throws InterruptedException {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    watches.close();
    dispatcherJournals.forEach(DecisionJournal::close);
    journal.close();
    store.close();
  }
}
