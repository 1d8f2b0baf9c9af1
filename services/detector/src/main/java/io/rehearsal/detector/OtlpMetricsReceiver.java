package io.rehearsal.detector;

import io.grpc.stub.StreamObserver;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import io.opentelemetry.proto.collector.metrics.v1.MetricsServiceGrpc;
import io.quarkus.grpc.GrpcService;
import io.rehearsal.service.NotBuiltYet;

/** OTLP/gRPC metrics receiver (opentelemetry.proto.collector.metrics.v1.MetricsService). */
@GrpcService
class OtlpMetricsReceiver extends MetricsServiceGrpc.MetricsServiceImplBase {

  @Override
  public void export(
      ExportMetricsServiceRequest request,
      StreamObserver<ExportMetricsServiceResponse> responseObserver) {
    responseObserver.onError(
        NotBuiltYet.error(MetricsServiceGrpc.getExportMethod(), DetectorIssues.TELEMETRY));
  }
}
