package io.rehearsal.detector;

import io.grpc.BindableService;
import io.grpc.ServerServiceDefinition;
import io.grpc.stub.StreamObserver;
import io.opentelemetry.proto.collector.trace.v1.ExportTracePartialSuccess;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.collector.trace.v1.TraceServiceGrpc;
import io.quarkus.grpc.GrpcService;
import io.rehearsal.otlp.OtlpFormat;

/**
 * OTLP/gRPC trace receiver (opentelemetry.proto.collector.trace.v1.TraceService/Export): full
 * success is an empty response; invalid spans are left out and reported as partial success; a body
 * that is not protobuf is INVALID_ARGUMENT; overload is RESOURCE_EXHAUSTED with RetryInfo.
 */
@GrpcService
class OtlpTraceReceiver implements BindableService {

  private final OtlpExports exports;

  OtlpTraceReceiver(OtlpExports exports) {
    this.exports = exports;
  }

  @Override
  public ServerServiceDefinition bindService() {
    return RawExport.service(
        TraceServiceGrpc.getServiceDescriptor(), TraceServiceGrpc.getExportMethod(), this::export);
  }

  private void export(byte[] body, StreamObserver<ExportTraceServiceResponse> out) {
    RawExport.answer(
        exports.traces(body, OtlpFormat.PROTOBUF, false), OtlpTraceReceiver::response, out);
  }

  static ExportTraceServiceResponse response(ExportResult.Accepted accepted) {
    if (accepted.rejected() == 0) {
      return ExportTraceServiceResponse.getDefaultInstance();
    }
    return ExportTraceServiceResponse.newBuilder()
        .setPartialSuccess(
            ExportTracePartialSuccess.newBuilder()
                .setRejectedSpans(accepted.rejected())
                .setErrorMessage(accepted.message()))
        .build();
  }
}
