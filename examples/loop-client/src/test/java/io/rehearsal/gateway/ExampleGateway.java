package io.rehearsal.gateway;

import io.grpc.ForwardingServerCall;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.rehearsal.gateway.decision.DecisionDesk;
import io.rehearsal.gateway.dispatch.Backoff;
import io.rehearsal.gateway.dispatch.DeadLetters;
import io.rehearsal.gateway.dispatch.DispatchGuards;
import io.rehearsal.gateway.dispatch.DispatchSettings;
import io.rehearsal.gateway.dispatch.Dispatcher;
import io.rehearsal.gateway.dispatch.HookTarget;
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
import io.rehearsal.store.RedisStore;
import io.rehearsal.store.StoreConfig;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The real gateway service and dispatcher (the gateway's main classes, wired as its own tests wire
 * them) over real gRPC on loopback and a real embedded redis-server, delivering approved decisions
 * to one hook. In this package because the service's constructor is package-private.
 *
 * <p>Authentication is played by a small interceptor: calls must carry {@code Bearer TOKEN}
 * (UNAUTHENTICATED otherwise) and, as for the {@code automation} role, Explain is refused
 * (PERMISSION_DENIED) unless {@code explainAllowed}.
 */
public final class ExampleGateway implements AutoCloseable {

  /** The bearer token the gateway accepts. */
  public static final String TOKEN = "test-automation-token";

  /** The hook's Standard Webhooks secret. */
  public static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

  private static final Metadata.Key<String> AUTHORIZATION =
      Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

  /** The store under the gateway (the sandbox writes evaluations there). */
  public final RedisStore store;

  private final DecisionJournal journal;
  private final WatchStreams watches = new WatchStreams(Duration.ofMillis(10));
  private final Dispatcher dispatcher;
  private final Server server;
  private final SubmitAdmission submits = new SubmitAdmission(16, new SimpleMeterRegistry());
  private final AtomicInteger toShed = new AtomicInteger();
  private volatile boolean explainAllowed;

  /** Starts the gateway with its data in {@code dataDir}, delivering to {@code hook}. */
  public ExampleGateway(Path dataDir, URI hook) throws IOException {
    store = RedisStore.connect(StoreConfig.defaults().withDataDir(dataDir));
    Clock clock = Clock.systemUTC();
    PolicyEngine engine = new PolicyEngine(policy(), GuardSettings.DEFAULTS, clock);
    journal = DecisionJournal.connect(store.uri(), "rehearsal:", Duration.ofSeconds(5));
    DecisionDesk desk =
        new DecisionDesk(
            store.decisions(),
            journal,
            store.audit(),
            store.evaluations(),
            engine,
            Duration.ofHours(1),
            clock,
            Circumstances.NONE_SOURCE); // no kill switch, freeze or automation budget
    ShadowLedger ledger = new ShadowLedger(journal.ledger("shadow"));
    List<HookTarget> hooks = List.of(new HookTarget("loop", hook, SECRET, Set.of()));
    DeadLetters dead = new DeadLetters(journal.outbox(), desk.executions(), hooks, clock);
    DispatchSettings settings =
        new DispatchSettings(
            5,
            new Backoff(Duration.ofMillis(20), Duration.ofMillis(200), 2, 0.5),
            Duration.ofSeconds(2),
            Duration.ofSeconds(5),
            Duration.ofMillis(20),
            16,
            2);
    dispatcher =
        new Dispatcher(
            desk.executions(),
            journal.outbox(),
            ledger,
            hooks,
            DispatchGuards.NONE,
            ShadowScope.NONE,
            settings,
            new WebhookSender(settings.timeout(), clock),
            clock,
            new SplittableRandom(7));
    dispatcher.start();
    PolicyGatewayService service =
        new PolicyGatewayService(desk, journal, watches, dead, ledger, null, submits);
    server =
        NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
            .addService(ServerInterceptors.intercept(service, new BearerCheck()))
            .build()
            .start();
  }

  /** Where clients connect: {@code 127.0.0.1:port}. */
  public String target() {
    return "127.0.0.1:" + server.getPort();
  }

  /**
   * Refuses the next {@code count} Submits as an overloaded gateway does (UNAVAILABLE, nothing
   * decided), as if that many bursts had found its bulkhead full.
   */
  public void shedNextSubmits(int count) {
    toShed.set(count);
  }

  /** Lets Explain through, as a token holding role {@code oncall} would be. */
  public void allowExplain(boolean allowed) {
    explainAllowed = allowed;
  }

  private static PolicySet policy() {
    try {
      return PolicySet.load(
          Path.of(ExampleGateway.class.getResource("/policy/loop-example.yaml").toURI()));
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Stands in for the gateway's JWT check and role table. */
  private final class BearerCheck implements ServerInterceptor {
    @Override
    public <Q, A> ServerCall.Listener<Q> interceptCall(
        ServerCall<Q, A> call, Metadata headers, ServerCallHandler<Q, A> next) {
      if (!("Bearer " + TOKEN).equals(headers.get(AUTHORIZATION))) {
        call.close(Status.UNAUTHENTICATED.withDescription("no bearer token"), new Metadata());
        return new ServerCall.Listener<>() {};
      }
      String method = call.getMethodDescriptor().getFullMethodName();
      if (method.equals(PolicyGatewayGrpc.getSubmitMethod().getFullMethodName())
          && toShed.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        call.close(SubmitAdmission.overloaded(16), new Metadata());
        return new ServerCall.Listener<>() {};
      }
      if (method.equals(PolicyGatewayGrpc.getExplainMethod().getFullMethodName())
          && !explainAllowed) {
        call.close(
            Status.PERMISSION_DENIED.withDescription("Explain needs role oncall"), new Metadata());
        return new ServerCall.Listener<>() {};
      }
      return next.startCall(
          new ForwardingServerCall.SimpleForwardingServerCall<>(call) {}, headers);
    }
  }

  @Override
  public void close() throws InterruptedException {
    server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    dispatcher.close();
    watches.close();
    journal.close();
    store.close();
  }
}
