package io.rehearsal.detector;

import com.google.protobuf.Any;
import com.google.protobuf.Message;
import com.google.rpc.Code;
import com.google.rpc.RetryInfo;
import io.grpc.MethodDescriptor;
import io.grpc.ServerServiceDefinition;
import io.grpc.ServiceDescriptor;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Binds an OTLP collector service with its request taken as raw bytes, so the receiver decodes it
 * itself: a body that is not protobuf is answered INVALID_ARGUMENT with the reason (grpc-java would
 * answer INTERNAL), and the service keeps its schema for reflection.
 */
final class RawExport {

  /** Reads a whole message; gRPC has already bounded it by its max inbound message size. */
  static final MethodDescriptor.Marshaller<byte[]> BYTES =
      new MethodDescriptor.Marshaller<>() {
        @Override
        public InputStream stream(byte[] value) {
          return new ByteArrayInputStream(value);
        }

        @Override
        public byte[] parse(InputStream stream) {
          try (stream) {
            return stream.readAllBytes();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
      };

  private RawExport() {}

  /** The service with its one unary method {@code export} taking raw bytes. */
  static <R> ServerServiceDefinition service(
      ServiceDescriptor generated,
      MethodDescriptor<?, R> export,
      BiConsumer<byte[], StreamObserver<R>> handler) {
    MethodDescriptor<byte[], R> raw =
        export.toBuilder(BYTES, export.getResponseMarshaller()).build();
    ServiceDescriptor service =
        ServiceDescriptor.newBuilder(generated.getName())
            .setSchemaDescriptor(generated.getSchemaDescriptor())
            .addMethod(raw)
            .build();
    return ServerServiceDefinition.builder(service)
        .addMethod(raw, ServerCalls.asyncUnaryCall(handler::accept))
        .build();
  }

  /**
   * Answers an export: the response (with partial success when items were rejected), or the status
   * the OTLP specification asks for.
   */
  static <R extends Message> void answer(
      ExportResult result, Function<ExportResult.Accepted, R> response, StreamObserver<R> out) {
    if (result instanceof ExportResult.Accepted accepted) {
      out.onNext(response.apply(accepted));
      out.onCompleted();
    } else {
      out.onError(error(result));
    }
  }

  static StatusRuntimeException error(ExportResult result) {
    if (result instanceof ExportResult.Malformed malformed) {
      return status(Code.INVALID_ARGUMENT, malformed.reason());
    }
    if (result instanceof ExportResult.TooLarge tooLarge) {
      return status(Code.RESOURCE_EXHAUSTED, tooLarge.reason());
    }
    if (result instanceof ExportResult.Throttled throttled) {
      return throttled(throttled);
    }
    throw new IllegalArgumentException("not an error: " + result);
  }

  private static StatusRuntimeException throttled(ExportResult.Throttled t) {
    RetryInfo retry =
        RetryInfo.newBuilder()
            .setRetryDelay(
                com.google.protobuf.Duration.newBuilder()
                    .setSeconds(t.retryAfter().getSeconds())
                    .setNanos(t.retryAfter().getNano()))
            .build();
    com.google.rpc.Status status =
        com.google.rpc.Status.newBuilder()
            .setCode(Code.RESOURCE_EXHAUSTED_VALUE)
            .setMessage(t.reason())
            .addDetails(Any.pack(retry))
            .build();
    return StatusProto.toStatusRuntimeException(status);
  }

  private static StatusRuntimeException status(Code code, String message) {
    return StatusProto.toStatusRuntimeException(
        com.google.rpc.Status.newBuilder().setCode(code.getNumber()).setMessage(message).build());
  }
}
