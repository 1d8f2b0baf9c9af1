package io.rehearsal.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Context;
import io.grpc.Status;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.rehearsal.gateway.watch.WatchStreams;
import io.rehearsal.proto.v1.Environment;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A call whose caller has gone before a worker picked it up (deadline passed, cancelled) is not
 * decided: nothing is written and it ends CANCELLED; a live call is decided as usual.
 */
class PolicyGatewayServiceCancellationTest {

  @TempDir Path dataDir;
  private GatewayHarness gateway;
  private PolicyGatewayService service;
  private WatchStreams watches;
  private SubmitAdmission submits;

  @BeforeEach
  void start() {
    gateway = GatewayHarness.start(dataDir);
    Fixtures.storeEvaluation(gateway.store, GatewayHarness.START);
    watches = new WatchStreams(Duration.ofMillis(10));
    submits = new SubmitAdmission(4, new SimpleMeterRegistry());
    service =
        new PolicyGatewayService(
            gateway.desk,
            gateway.journal,
            watches,
            null,
            gateway.ledger,
            gateway.killSwitch,
            submits);
  }

  @AfterEach
  void stop() throws InterruptedException {
    watches.close();
    gateway.close();
  }

  @Test
  void shouldDecideNothingWhenTheCallerHasGoneBeforeTheCallStarts() throws InterruptedException {
    Context.CancellableContext gone = Context.current().withCancellation();
    gone.cancel(null);
    SubmitAnswer recorder = new SubmitAnswer();

    gone.run(() -> service.submit(request("r-gone"), recorder));
    SubmitAnswer live = new SubmitAnswer();
    service.submit(request("r-live"), live);
    assertThat(recorder.done.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(live.done.await(10, TimeUnit.SECONDS)).isTrue();

    assertThat(Status.fromThrowable(recorder.error.get()).getCode())
        .isEqualTo(Status.Code.CANCELLED);
    assertThat(recorder.value.get()).isNull();
    assertThat(live.value.get().getCreated()).isTrue();
    assertThat(gateway.store.audit().size()).isEqualTo(1); // only the live call's decision
  }

  private static io.rehearsal.proto.v1.RemediationRequest request(String id) {
    return Fixtures.request(id, Fixtures.scaleUp(), Environment.ENVIRONMENT_STAGING);
  }
}
