package io.rehearsal.gateway.slack;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import io.rehearsal.proto.v1.ApproveRequest;
import io.rehearsal.proto.v1.Decision;
import io.rehearsal.proto.v1.DecisionState;
import io.rehearsal.proto.v1.GetDecisionRequest;
import io.rehearsal.proto.v1.PolicyGatewayGrpc;
import io.rehearsal.proto.v1.RemediationRequest;
import io.rehearsal.proto.v1.SubmitResponse;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The hook over real gRPC on loopback, in front of a gateway that answers fixed decisions. */
class DecisionEventsInterceptorTest {

  static final Decision PENDING =
      Decision.newBuilder()
          .setId(InteractionTest.ID)
          .setState(DecisionState.DECISION_STATE_PENDING_APPROVAL)
          .setRevision(1)
          .build();

  /** A gateway whose writes answer fixed decisions. */
  static final class FixedGateway extends PolicyGatewayGrpc.PolicyGatewayImplBase {
    @Override
    public void submit(RemediationRequest request, StreamObserver<SubmitResponse> response) {
      response.onNext(SubmitResponse.newBuilder().setDecision(PENDING).setCreated(true).build());
      response.onCompleted();
    }

    @Override
    public void approve(ApproveRequest request, StreamObserver<Decision> response) {
      response.onNext(PENDING.toBuilder().setState(DecisionState.DECISION_STATE_APPROVED).build());
      response.onCompleted();
    }

    @Override
    public void getDecision(GetDecisionRequest request, StreamObserver<Decision> response) {
      response.onNext(PENDING);
      response.onCompleted();
    }
  }

  final List<Decision> told = new CopyOnWriteArrayList<>();
  Server server;
  ManagedChannel channel;

  private PolicyGatewayGrpc.PolicyGatewayBlockingStub start(Optional<DecisionListener> listener)
      throws Exception {
    server =
        NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
            .addService(
                ServerInterceptors.intercept(
                    new FixedGateway(), new DecisionEventsInterceptor(listener)))
            .build()
            .start();
    channel =
        ManagedChannelBuilder.forAddress("127.0.0.1", server.getPort()).usePlaintext().build();
    return PolicyGatewayGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS);
  }

  @AfterEach
  void stop() throws InterruptedException {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }

  @Test
  void shouldTellTheListenerAboutEveryDecisionWrittenWhenSlackIsOn() throws Exception {
    var stub = start(Optional.of(told::add));

    stub.submit(RemediationRequest.getDefaultInstance());
    stub.approve(ApproveRequest.getDefaultInstance());
    stub.getDecision(GetDecisionRequest.getDefaultInstance());

    assertThat(told)
        .extracting(Decision::getState)
        .containsExactly(
            DecisionState.DECISION_STATE_PENDING_APPROVAL, DecisionState.DECISION_STATE_APPROVED);
  }

  @Test
  void shouldPassCallsUntouchedWhenSlackIsOff() throws Exception {
    var stub = start(Optional.empty());

    SubmitResponse answer = stub.submit(RemediationRequest.getDefaultInstance());

    assertThat(answer.getDecision()).isEqualTo(PENDING);
    assertThat(told).isEmpty();
  }
}
