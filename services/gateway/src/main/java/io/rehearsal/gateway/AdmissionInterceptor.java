package io.rehearsal.gateway;

import io.grpc.ForwardingServerCall;
import io.grpc.ForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.quarkus.grpc.GlobalInterceptor;
import io.rehearsal.proto.v1.PolicyGatewayGrpc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.Prioritized;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Admission control: at most {@code maxInFlight} unary {@code PolicyGateway} calls are worked on or
 * wait for a worker at once; one more is answered RESOURCE_EXHAUSTED on the spot, before it is
 * queued, read anything or wrote anything. Without it an overloaded gateway queues calls without
 * bound and answers them after their callers' deadlines (seconds of latency for everyone, work
 * nobody waits for); with it the excess is refused in microseconds and a self-healing loop retries
 * later with the same request id (a Submit is idempotent on it). Runs after authorisation, so an
 * unauthenticated or unauthorised call is still refused as such. Watches (server streams that live
 * long) are not counted.
 */
@ApplicationScoped
@GlobalInterceptor
public class AdmissionInterceptor implements ServerInterceptor, Prioritized {

  /** After {@code AuthorizationInterceptor} ({@code MAX - 200}): lower runs later. */
  static final int PRIORITY = Integer.MAX_VALUE - 300;

  private final int maxInFlight;
  private final AtomicInteger inFlight = new AtomicInteger();

  @Inject
  AdmissionInterceptor(GatewayConfig config) {
    this(config.admission().maxInFlight());
  }

  AdmissionInterceptor(int maxInFlight) {
    if (maxInFlight < 1) {
      throw new IllegalArgumentException(
          "rehearsal.gateway.admission.max-in-flight must be >= 1, but was " + maxInFlight);
    }
    this.maxInFlight = maxInFlight;
  }

  @Override
  public int getPriority() {
    return PRIORITY;
  }

  /** Calls admitted and not yet finished. */
  int inFlight() {
    return inFlight.get();
  }

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(
      ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
    MethodDescriptor<Q, R> method = call.getMethodDescriptor();
    if (!counted(method)) {
      return next.startCall(call, headers);
    }
    if (inFlight.incrementAndGet() > maxInFlight) {
      inFlight.decrementAndGet();
      call.close(
          Status.RESOURCE_EXHAUSTED.withDescription(
              "the gateway is working on "
                  + maxInFlight
                  + " calls already; nothing was done, retry later with the same request"),
          new Metadata());
      return new ServerCall.Listener<>() {};
    }
    Release release = new Release();
    try {
      return new Releasing<>(next.startCall(new Closing<>(call, release), headers), release);
    } catch (RuntimeException e) {
      release.run();
      throw e;
    }
  }

  private static boolean counted(MethodDescriptor<?, ?> method) {
    return method.getType() == MethodDescriptor.MethodType.UNARY
        && PolicyGatewayGrpc.SERVICE_NAME.equals(method.getServiceName());
  }

  /** Gives the call's place back exactly once, whichever of close, complete or cancel comes. */
  private final class Release implements Runnable {
    private final AtomicBoolean done = new AtomicBoolean();

    @Override
    public void run() {
      if (done.compareAndSet(false, true)) {
        inFlight.decrementAndGet();
      }
    }
  }

  private static final class Closing<Q, R>
      extends ForwardingServerCall.SimpleForwardingServerCall<Q, R> {
    private final Runnable release;

    Closing(ServerCall<Q, R> call, Runnable release) {
      super(call);
      this.release = release;
    }

    @Override
    public void close(Status status, Metadata trailers) {
      try {
        super.close(status, trailers);
      } finally {
        release.run();
      }
    }
  }

  private static final class Releasing<Q>
      extends ForwardingServerCallListener.SimpleForwardingServerCallListener<Q> {
    private final Runnable release;

    Releasing(ServerCall.Listener<Q> delegate, Runnable release) {
      super(delegate);
      this.release = release;
    }

    @Override
    public void onCancel() {
      try {
        super.onCancel();
      } finally {
        release.run();
      }
    }

    @Override
    public void onComplete() {
      try {
        super.onComplete();
      } finally {
        release.run();
      }
    }
  }
}
