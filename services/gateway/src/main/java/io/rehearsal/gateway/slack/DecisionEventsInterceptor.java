package io.rehearsal.gateway.slack;

import io.grpc.ForwardingServerCall;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.quarkus.grpc.GlobalInterceptor;
import io.rehearsal.proto.v1.Decision;
import io.rehearsal.proto.v1.PolicyGatewayGrpc;
import io.rehearsal.proto.v1.SubmitResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.Set;

/**
 * Tells the {@link DecisionListener} about every decision a PolicyGateway call stored (Submit,
 * Approve, Reject, Cancel), after the answer was sent: the hook that posts a Slack message when a
 * decision starts waiting for approval and re-renders it when it is decided over gRPC. Decisions
 * changed outside gRPC (the review page) must call the listener themselves.
 */
@GlobalInterceptor
@ApplicationScoped
class DecisionEventsInterceptor implements ServerInterceptor {

  private static final Set<String> WRITES = Set.of("Submit", "Approve", "Reject", "Cancel");

  private final Optional<DecisionListener> listener;

  @Inject
  DecisionEventsInterceptor(SlackIntegration slack) {
    this(slack.enabled() ? Optional.of(slack.listener()) : Optional.empty());
  }

  /**
   * @param listener who is told; empty when Slack is off (calls pass untouched)
   */
  DecisionEventsInterceptor(Optional<DecisionListener> listener) {
    this.listener = listener;
  }

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(
      ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
    var method = call.getMethodDescriptor();
    if (listener.isEmpty()
        || !PolicyGatewayGrpc.SERVICE_NAME.equals(method.getServiceName())
        || !WRITES.contains(method.getBareMethodName())) {
      return next.startCall(call, headers);
    }
    DecisionListener told = listener.get();
    return next.startCall(
        new ForwardingServerCall.SimpleForwardingServerCall<>(call) {
          @Override
          public void sendMessage(R message) {
            super.sendMessage(message);
            if (message instanceof SubmitResponse s) {
              told.changed(s.getDecision());
            } else if (message instanceof Decision d) {
              told.changed(d);
            }
          }
        },
        headers);
  }
}
