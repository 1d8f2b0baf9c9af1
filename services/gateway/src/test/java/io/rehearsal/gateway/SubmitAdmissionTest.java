package io.rehearsal.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import io.rehearsal.gateway.mapping.Circumstances;
import io.rehearsal.policy.Action;
import io.rehearsal.proto.v1.Environment;
import io.rehearsal.proto.v1.PolicyGatewayGrpc;
import io.rehearsal.proto.v1.RemediationRequest;
import io.rehearsal.proto.v1.SubmitResponse;
import io.rehearsal.store.RateLimits;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Admission control over real gRPC on loopback and a real redis-server: with two Submits being
 * decided (each held inside its decision by a circumstances read the test releases), a third is
 * refused UNAVAILABLE at once and writes nothing; once a slot is free the same request is decided,
 * and every admitted Submit is decided once.
 */
class SubmitAdmissionTest {

  @TempDir Path dataDir;
  private GatewayHarness gateway;
  private final Semaphore reads = new Semaphore(0);
  private final Semaphore entered = new Semaphore(0);
  private final ExecutorService readers = Executors.newCachedThreadPool();

  @BeforeEach
  void start() {
    gateway =
        GatewayHarness.start(
            dataDir,
            GatewayHarness.Options.DEFAULT
                .withMaxInFlight(2)
                .withCircumstances((store, journal) -> new HeldReads()));
    Fixtures.storeEvaluation(gateway.store, GatewayHarness.START);
  }

  @AfterEach
  void stop() throws InterruptedException {
    reads.release(100);
    gateway.close();
    readers.shutdownNow();
  }

  @Test
  void shouldRefuseASubmitBeyondTheLimitAtOnceAndDecideItOnceASlotIsFree() throws Exception {
    SubmitAnswer first = submit("r-1");
    SubmitAnswer second = submit("r-2");
    assertThat(entered.tryAcquire(2, 10, TimeUnit.SECONDS)).isTrue(); // both are being decided

    SubmitAnswer third = submit("r-3");
    assertThat(third.done.await(10, TimeUnit.SECONDS)).isTrue(); // answered while two are held
    Status refused = Status.fromThrowable(third.error.get());
    assertThat(refused.getCode()).isEqualTo(Status.Code.UNAVAILABLE);
    assertThat(refused.getDescription())
        .contains("overloaded")
        .contains("max-in-flight")
        .contains("nothing was decided");
    assertThat(gateway.store.audit().size()).isZero();

    reads.release(2);
    assertThat(first.done.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(second.done.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(first.value.get().getCreated()).isTrue();
    assertThat(second.value.get().getCreated()).isTrue();

    reads.release(1);
    SubmitResponse retried = gateway.stub().submit(request("r-3"));
    assertThat(retried.getCreated()).isTrue();
    assertThat(gateway.store.audit().size()).isEqualTo(3); // one entry per decided request
  }

  @Test
  void shouldAdmitEverySubmitWhenTheyArriveNoFasterThanTheyAreDecided() throws Exception {
    reads.release(1_000);
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      ids.add(gateway.stub().submit(request("seq-" + i)).getDecision().getId());
    }
    assertThat(ids).doesNotHaveDuplicates().hasSize(20);
    assertThat(gateway.store.audit().size()).isEqualTo(20);
  }

  private SubmitAnswer submit(String requestId) {
    SubmitAnswer call = new SubmitAnswer();
    PolicyGatewayGrpc.newStub(gateway.channel())
        .withDeadlineAfter(30, TimeUnit.SECONDS)
        .submit(request(requestId), call);
    return call;
  }

  private static RemediationRequest request(String id) {
    return Fixtures.request(id, Fixtures.scaleUp(), Environment.ENVIRONMENT_STAGING);
  }

  /** Circumstances that are read only when the test releases a permit. */
  private final class HeldReads implements Circumstances.Source {
    @Override
    public CompletableFuture<Circumstances> at(Action action, Instant now) {
      return CompletableFuture.supplyAsync(
          () -> {
            entered.release();
            try {
              if (!reads.tryAcquire(20, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never released the read");
              }
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
              throw new IllegalStateException(e);
            }
            return Circumstances.NONE;
          },
          readers);
    }

    @Override
    public Optional<RateLimits.Take> token(Action action, Instant now) {
      return Optional.empty();
    }
  }
}
