package io.rehearsal.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class NotBuiltYetTest {

  private static final MethodDescriptor.Marshaller<byte[]> BYTES =
      new MethodDescriptor.Marshaller<>() {
        @Override
        public InputStream stream(byte[] value) {
          return new ByteArrayInputStream(value);
        }

        @Override
        public byte[] parse(InputStream stream) {
          return new byte[0];
        }
      };

  @Test
  void shouldNameMethodAndIssueWhenMethodIsNotBuilt() {
    MethodDescriptor<byte[], byte[]> method =
        MethodDescriptor.<byte[], byte[]>newBuilder()
            .setType(MethodDescriptor.MethodType.UNARY)
            .setFullMethodName("rehearsal.v1.Sandbox/Evaluate")
            .setRequestMarshaller(BYTES)
            .setResponseMarshaller(BYTES)
            .build();

    StatusRuntimeException error = NotBuiltYet.error(method, "the sandbox issue");

    assertThat(error.getStatus().getCode()).isEqualTo(Status.Code.UNIMPLEMENTED);
    assertThat(error.getStatus().getDescription())
        .isEqualTo(
            "rehearsal.v1.Sandbox/Evaluate is not built yet; it arrives with the sandbox issue");
  }
}
