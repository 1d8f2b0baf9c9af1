package io.rehearsal.detector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.MetricsServiceGrpc;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.TraceServiceGrpc;
import io.quarkus.test.junit.QuarkusTest;
import io.rehearsal.service.testing.ServiceContract;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DetectorServiceTest extends ServiceContract {

  @Override
  protected List<String> hostedServices() {
    return List.of(
        "opentelemetry.proto.collector.trace.v1.TraceService",
        "opentelemetry.proto.collector.metrics.v1.MetricsService");
  }

  @Test
  void shouldAnswerUnimplementedNamingTheIssueWhenTracesAreExported() {
    StatusRuntimeException error =
        catchThrowableOfType(
            StatusRuntimeException.class,
            () ->
                TraceServiceGrpc.newBlockingStub(probe.channel())
                    .export(ExportTraceServiceRequest.getDefaultInstance()));

    assertThat(error.getStatus().getCode()).isEqualTo(Status.Code.UNIMPLEMENTED);
    assertThat(error.getStatus().getDescription()).contains("telemetry issue");
  }

  @Test
  void shouldAnswerUnimplementedNamingTheIssueWhenMetricsAreExported() {
    StatusRuntimeException error =
        catchThrowableOfType(
            StatusRuntimeException.class,
            () ->
                MetricsServiceGrpc.newBlockingStub(probe.channel())
                    .export(ExportMetricsServiceRequest.getDefaultInstance()));

    assertThat(error.getStatus().getCode()).isEqualTo(Status.Code.UNIMPLEMENTED);
    assertThat(error.getStatus().getDescription()).contains("telemetry issue");
  }
}
