package io.rehearsal.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import io.rehearsal.proto.v1.Decision;
import io.rehearsal.proto.v1.GetDecisionRequest;
import io.rehearsal.proto.v1.PolicyGatewayGrpc;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Admission control over real gRPC on loopback: a service whose calls wait until released. */
class AdmissionInterceptorTest {

  private final CountDownLatch release = new CountDownLatch(1);
  private final CountDownLatch started = new CountDownLatch(2);
  private final AdmissionInterceptor admission = new AdmissionInterceptor(2);
  private final ExecutorService callers = Executors.newFixedThreadPool(4);
  private Server server;
  private ManagedChannel channel;

  @BeforeEach
  void start() throws IOException {
    server =
        NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
            .executor(Executors.newFixedThreadPool(4))
            .addService(ServerInterceptors.intercept(new Waiting(), admission))
            .build()
            .start();
    channel =
        ManagedChannelBuilder.forAddress("127.0.0.1", server.getPort()).usePlaintext().build();
  }

  @AfterEach
  void stop() throws InterruptedException {
    release.countDown();
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    callers.shutdownNow();
  }

  @Test
  void shouldRefuseWithResourceExhaustedWhenTheLimitIsReachedAndAdmitAgainWhenCallsFinish()
      throws Exception {
    List<Future<Decision>> admitted = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      admitted.add(callers.submit(() -> stub().getDecision(request("dec-0"))));
    }
    assertThat(started.await(10, TimeUnit.SECONDS)).as("both calls reached the service").isTrue();

    long before = System.nanoTime();
    StatusRuntimeException refused =
        catchThrowableOfType(
            StatusRuntimeException.class, () -> stub().getDecision(request("dec-third")));
    long refusedInMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - before);

    assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
    assertThat(refused.getStatus().getDescription()).contains("2 calls", "same request");
    assertThat(refusedInMillis).as("refused without waiting for a place").isLessThan(5_000);

    release.countDown();
    for (Future<Decision> f : admitted) {
      assertThat(f.get(10, TimeUnit.SECONDS).getId()).isEqualTo("dec-0");
    }
    assertThat(stub().getDecision(request("dec-after")).getId()).isEqualTo("dec-after");
    assertThat(admission.inFlight()).isZero();
  }

  @Test
  void shouldGiveThePlaceBackWhenTheCallerCancels() throws Exception {
    for (int i = 0; i < 2; i++) {
      StatusRuntimeException e =
          catchThrowableOfType(
              StatusRuntimeException.class,
              () ->
                  stub()
                      .withDeadlineAfter(200, TimeUnit.MILLISECONDS)
                      .getDecision(request("dec-late")));
      assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.DEADLINE_EXCEEDED);
    }
    release.countDown();

    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (admission.inFlight() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(admission.inFlight()).isZero();
    assertThat(stub().getDecision(request("dec-next")).getId()).isEqualTo("dec-next");
  }

  @Test
  void shouldRefuseALimitBelowOneWhenConstructed() {
    IllegalArgumentException e =
        catchThrowableOfType(IllegalArgumentException.class, () -> new AdmissionInterceptor(0));

    assertThat(e).hasMessageContaining("max-in-flight").hasMessageContaining("0");
  }

  private PolicyGatewayGrpc.PolicyGatewayBlockingStub stub() {
    return PolicyGatewayGrpc.newBlockingStub(channel).withDeadlineAfter(20, TimeUnit.SECONDS);
  }

  private static GetDecisionRequest request(String id) {
    return GetDecisionRequest.newBuilder().setDecisionId(id).build();
  }

  /** Answers GetDecision with the asked id once the test releases it. */
  private final class Waiting extends PolicyGatewayGrpc.PolicyGatewayImplBase {
    @Override
    public void getDecision(GetDecisionRequest request, StreamObserver<Decision> response) {
      started.countDown();
      try {
        release.await(20, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      response.onNext(Decision.newBuilder().setId(request.getDecisionId()).build());
      response.onCompleted();
    }
  }
}
