package io.rehearsal.detector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.protobuf.ByteString;
import io.grpc.CallOptions;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCalls;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import io.opentelemetry.proto.collector.metrics.v1.MetricsServiceGrpc;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.collector.trace.v1.TraceServiceGrpc;
import io.quarkus.test.junit.QuarkusTest;
import io.rehearsal.detector.ingest.TelemetryWindows;
import io.rehearsal.service.testing.ServiceContract;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DetectorServiceTest extends ServiceContract {

  @Inject TelemetryWindows windows;
  @Inject MeterRegistry registry;

  @Override
  protected List<String> hostedServices() {
    return List.of(
        "opentelemetry.proto.collector.trace.v1.TraceService",
        "opentelemetry.proto.collector.metrics.v1.MetricsService");
  }

  @Test
  void shouldAnswerEmptyResponseAndStoreWindowWhenEverySpanIsValid() throws Exception {
    WindowsProbe probe = new WindowsProbe(windows, registry);
    double accepted = probe.counter("spans", "accepted");
    String service = TestRequests.service("grpc-valid");

    ExportTraceServiceResponse response =
        TraceServiceGrpc.newBlockingStub(this.probe.channel())
            .export(TestRequests.traces(service, 3));

    assertThat(response).isEqualTo(ExportTraceServiceResponse.getDefaultInstance());
    assertThat(probe.counter("spans", "accepted") - accepted).isEqualTo(3);
    assertThat(probe.awaitRequests(service, 3)).isEqualTo(3);
  }

  @Test
  void shouldReportPartialSuccessWhenSomeSpansAreInvalid() {
    ExportTraceServiceRequest request = TestRequests.traces("grpc-partial", 3);
    ExportTraceServiceRequest.Builder broken = request.toBuilder();
    broken
        .getResourceSpansBuilder(0)
        .getScopeSpansBuilder(0)
        .getSpansBuilder(1)
        .setSpanId(ByteString.copyFrom(new byte[8]));

    ExportTraceServiceResponse response =
        TraceServiceGrpc.newBlockingStub(probe.channel()).export(broken.build());

    assertThat(response.getPartialSuccess().getRejectedSpans()).isEqualTo(1);
    assertThat(response.getPartialSuccess().getErrorMessage())
        .isEqualTo(
            "rejected 1 of 3 spans: resourceSpans[0].scopeSpans[0].spans[1]: spanId must be 8"
                + " bytes, not all zeros, but was 8 bytes '0000000000000000'");
  }

  @Test
  void shouldAnswerInvalidArgumentWithReasonWhenBodyIsNotProtobuf() {
    MethodDescriptor<byte[], byte[]> raw =
        TraceServiceGrpc.getExportMethod().toBuilder(RawExport.BYTES, RawExport.BYTES).build();

    StatusRuntimeException error =
        catchThrowableOfType(
            StatusRuntimeException.class,
            () ->
                ClientCalls.blockingUnaryCall(
                    probe.channel(), raw, CallOptions.DEFAULT, new byte[] {0x0a, (byte) 0xff, 1}));

    assertThat(error.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(error.getStatus().getDescription()).startsWith("body is not valid protobuf");
  }

  @Test
  void shouldAnswerEmptyResponseAndKeepSeriesWhenMetricsAreValid() throws Exception {
    String service = TestRequests.service("grpc-metrics");
    ExportMetricsServiceResponse response =
        MetricsServiceGrpc.newBlockingStub(probe.channel())
            .export(TestRequests.gauge(service, "queue.depth", 3, 5));

    assertThat(response).isEqualTo(ExportMetricsServiceResponse.getDefaultInstance());
    WindowsProbe windowsProbe = new WindowsProbe(windows, registry);
    double max =
        windowsProbe.await(
            () ->
                windows.recent(1_000).stream()
                    .flatMap(w -> w.metrics().stream())
                    .filter(m -> m.service().equals(service))
                    .mapToDouble(m -> m.max())
                    .max()
                    .orElse(0),
            m -> m > 0);
    assertThat(max).isEqualTo(5);
  }

  @Test
  void shouldReportRejectedDataPointsWhenResourceHasNoServiceName() {
    ExportMetricsServiceResponse response =
        MetricsServiceGrpc.newBlockingStub(probe.channel())
            .export(TestRequests.gauge(null, "queue.depth", 1, 2));

    assertThat(response.getPartialSuccess().getRejectedDataPoints()).isEqualTo(2);
    assertThat(response.getPartialSuccess().getErrorMessage()).contains("has no service.name");
  }
}
