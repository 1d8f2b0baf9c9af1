package io.rehearsal.detector;

import io.grpc.stub.StreamObserver;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.collector.trace.v1.TraceServiceGrpc;
import io.quarkus.grpc.GrpcService;
import io.rehearsal.service.NotBuiltYet;

/** OTLP/gRPC trace receiver (opentelemetry.proto.collector.trace.v1.TraceService). */
@GrpcService
class OtlpTraceReceiver extends TraceServiceGrpc.TraceServiceImplBase {

  @Override
  public void export(
      ExportTraceServiceRequest request,
      StreamObserver<ExportTraceServiceResponse> responseObserver) {
    responseObserver.onError(
        NotBuiltYet.error(TraceServiceGrpc.getExportMethod(), DetectorIssues.TELEMETRY));
  }
}
