package io.rehearsal.gateway.security;

import io.grpc.CallCredentials;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCalls;
import io.rehearsal.proto.v1.PolicyGatewayGrpc;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** gRPC calls whose request is raw bytes, so a test can send anything to any method. */
final class RawCalls {

  /** Passes bytes through untouched, both ways. */
  static final MethodDescriptor.Marshaller<byte[]> BYTES =
      new MethodDescriptor.Marshaller<>() {
        @Override
        public InputStream stream(byte[] value) {
          return new ByteArrayInputStream(value);
        }

        @Override
        public byte[] parse(InputStream stream) {
          try {
            return stream.readAllBytes();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
      };

  private RawCalls() {}

  /**
   * Every gateway method to check, by full name: the generated service's methods plus every row of
   * {@link RpcRoles} (a row whose RPC this build of the proto lacks is sent as unary).
   */
  static Map<String, MethodDescriptor<byte[], byte[]>> gatewayMethods() {
    Map<String, MethodDescriptor<byte[], byte[]>> methods = new LinkedHashMap<>();
    for (MethodDescriptor<?, ?> m : PolicyGatewayGrpc.getServiceDescriptor().getMethods()) {
      methods.put(m.getFullMethodName(), raw(m.getFullMethodName(), m.getType()));
    }
    for (String name : RpcRoles.methods()) {
      methods.putIfAbsent(name, raw(name, MethodDescriptor.MethodType.UNARY));
    }
    return methods;
  }

  static MethodDescriptor<byte[], byte[]> raw(String fullName, MethodDescriptor.MethodType type) {
    return MethodDescriptor.<byte[], byte[]>newBuilder()
        .setType(type)
        .setFullMethodName(fullName)
        .setRequestMarshaller(BYTES)
        .setResponseMarshaller(BYTES)
        .build();
  }

  /**
   * Sends {@code body} and returns how the call ended: OK, or the status it failed with. A server
   * stream counts as answered once its first message or its end arrives.
   */
  static Status call(
      Channel channel, MethodDescriptor<byte[], byte[]> method, CallCredentials auth, byte[] body) {
    CallOptions options = CallOptions.DEFAULT.withDeadlineAfter(10, TimeUnit.SECONDS);
    if (auth != null) {
      options = options.withCallCredentials(auth);
    }
    try {
      if (method.getType() == MethodDescriptor.MethodType.SERVER_STREAMING) {
        Iterator<byte[]> events =
            ClientCalls.blockingServerStreamingCall(
                channel, method, options.withDeadlineAfter(2, TimeUnit.SECONDS), body);
        events.hasNext();
      } else {
        ClientCalls.blockingUnaryCall(channel, method, options, body);
      }
      return Status.OK;
    } catch (StatusRuntimeException e) {
      return e.getStatus();
    }
  }

  /** The refusal codes: a caller that is not let in gets one of these and nothing else. */
  static final List<Status.Code> REFUSED =
      List.of(Status.Code.UNAUTHENTICATED, Status.Code.PERMISSION_DENIED);
}
