package io.rehearsal.gateway;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Server;
import io.grpc.netty.NettyServerBuilder;
import io.rehearsal.gateway.decision.DecisionDesk;
import io.rehearsal.policy.GuardSettings;
import io.rehearsal.policy.PolicyEngine;
import io.rehearsal.policy.PolicySet;
import io.rehearsal.proto.v1.PolicyGatewayGrpc;
import io.rehearsal.store.EmbeddedRedis;
import io.rehearsal.store.RedisStore;
import io.rehearsal.store.StoreConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
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
  final DecisionDesk desk;
  private final Server server;
  private final ManagedChannel channel;

  private GatewayHarness(Path dataDir) throws IOException {
    store =
        RedisStore.connect(
            StoreConfig.defaults()
                .withDataDir(dataDir)
                .withCommandTimeout(Duration.ofSeconds(1))
                .withConnectTimeout(Duration.ofSeconds(1)));
    PolicyEngine engine = new PolicyEngine(testPolicy(), GuardSettings.DEFAULTS, clock);
    desk =
        new DecisionDesk(
            store.decisions(), store.audit(), store.evaluations(), engine, DEFAULT_TTL, clock);
    server =
        NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
            .addService(new PolicyGatewayService(desk))
            .build()
            .start();
    channel =
        ManagedChannelBuilder.forAddress("127.0.0.1", server.getPort()).usePlaintext().build();
  }

  static GatewayHarness start(Path dataDir) {
    try {
      return new GatewayHarness(dataDir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
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
    store.close();
  }
}
