package io.rehearsal.detector;

import io.grpc.BindableService;
import io.grpc.ServerServiceDefinition;
import io.grpc.stub.StreamObserver;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsPartialSuccess;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import io.opentelemetry.proto.collector.metrics.v1.MetricsServiceGrpc;
import io.quarkus.grpc.GrpcService;
import io.rehearsal.otlp.OtlpFormat;

/**
 * OTLP/gRPC metrics receiver (opentelemetry.proto.collector.metrics.v1.MetricsService/Export),
 * answering as {@link OtlpTraceReceiver} does, with rejected data points.
 */
@GrpcService
class OtlpMetricsReceiver implements BindableService {

  private final OtlpExports exports;

  OtlpMetricsReceiver(OtlpExports exports) {
    this.exports = exports;
  }

  @Override
  public ServerServiceDefinition bindService() {
    return RawExport.service(
        MetricsServiceGrpc.getServiceDescriptor(),
        MetricsServiceGrpc.getExportMethod(),
        this::export);
  }

  private void export(byte[] body, StreamObserver<ExportMetricsServiceResponse> out) {
    RawExport.answer(
        exports.metrics(body, OtlpFormat.PROTOBUF, false), OtlpMetricsReceiver::response, out);
  }

  static ExportMetricsServiceResponse response(ExportResult.Accepted accepted) {
    if (accepted.rejected() == 0) {
      return ExportMetricsServiceResponse.getDefaultInstance();
    }
    return ExportMetricsServiceResponse.newBuilder()
        .setPartialSuccess(
            ExportMetricsPartialSuccess.newBuilder()
                .setRejectedDataPoints(accepted.rejected())
                .setErrorMessage(accepted.message()))
        .build();
  }
}
