package io.rehearsal.gateway.security;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.ForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GlobalInterceptor;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.Prioritized;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Authorises every gRPC call against {@link RpcRoles} before the service sees it, so a refused call
 * never reaches the decision desk (and never writes to Redis). Authentication itself is Quarkus'
 * HTTP security on the unified server (bearer JWT via smallrye-jwt, mutual TLS): Quarkus' own gRPC
 * security interceptor (priority {@code MAX - 100}) hands the identity over; this one runs after
 * it. A let-through call carries its {@link Caller} in the gRPC {@link Context} ({@link
 * Caller#KEY}) and has its identity fields bound to it ({@link IdentityFields}).
 */
@ApplicationScoped
@GlobalInterceptor
public class AuthorizationInterceptor implements ServerInterceptor, Prioritized {

  /** Below Quarkus' {@code GrpcSecurityInterceptor}, so the identity is already associated. */
  static final int PRIORITY = Integer.MAX_VALUE - 200;

  private static final Logger LOG = Logger.getLogger(AuthorizationInterceptor.class);

  private final CurrentIdentityAssociation identities;

  AuthorizationInterceptor(CurrentIdentityAssociation identities) {
    this.identities = identities;
  }

  @Override
  public int getPriority() {
    return PRIORITY;
  }

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(
      ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
    String method = call.getMethodDescriptor().getFullMethodName();
    if (RpcRoles.isPublic(method)) {
      return next.startCall(call, headers);
    }
    Optional<Caller> caller;
    try {
      caller = Callers.of(identities.getIdentity());
    } catch (AuthenticationFailedException e) {
      return refuse(
          call, Status.UNAUTHENTICATED.withDescription("credential refused: " + reason(e)));
    }
    Optional<Status> refusal = RpcRoles.refusal(method, caller);
    if (refusal.isPresent()) {
      LOG.debugf("refused %s: %s", method, refusal.get().getDescription());
      return refuse(call, refusal.get());
    }
    Context context = Context.current().withValue(Caller.KEY, caller.get());
    return new BoundFields<>(
        Contexts.interceptCall(context, call, headers, next), call, caller.get());
  }

  private static String reason(AuthenticationFailedException e) {
    return e.getMessage() == null ? "authentication failed" : e.getMessage();
  }

  private static <Q, R> ServerCall.Listener<Q> refuse(ServerCall<Q, R> call, Status status) {
    call.close(status, new Metadata());
    return new ServerCall.Listener<>() {};
  }

  /**
   * Rewrites each request's identity field to the caller, or closes the call when it differs; and
   * answers INVALID_ARGUMENT when a single-request call ends without a request it could parse (the
   * unified server drops bytes that are not a protobuf of the request type, and the generated stub
   * would then answer INTERNAL "Half-closed without a request").
   */
  private static final class BoundFields<Q>
      extends ForwardingServerCallListener.SimpleForwardingServerCallListener<Q> {
    private final ServerCall<Q, ?> call;
    private final Caller caller;
    private boolean refused;
    private boolean received;

    BoundFields(ServerCall.Listener<Q> delegate, ServerCall<Q, ?> call, Caller caller) {
      super(delegate);
      this.call = call;
      this.caller = caller;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void onMessage(Q message) {
      if (refused) {
        return;
      }
      received = true;
      Q bound;
      try {
        bound = (Q) IdentityFields.bind(message, caller);
      } catch (StatusRuntimeException e) {
        refused = true;
        call.close(e.getStatus(), new Metadata());
        return;
      }
      super.onMessage(bound);
    }

    @Override
    public void onHalfClose() {
      if (refused) {
        return;
      }
      MethodDescriptor<Q, ?> method = call.getMethodDescriptor();
      if (!received && method.getType().clientSendsOneMessage()) {
        refused = true;
        call.close(
            Status.INVALID_ARGUMENT.withDescription(
                method.getFullMethodName()
                    + " received no request it could parse: the message is missing, truncated or"
                    + " not a protobuf of the request type"),
            new Metadata());
        return;
      }
      super.onHalfClose();
    }
  }
}
