package io.rehearsal.shop.telemetry;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.exporter.logging.otlp.internal.metrics.OtlpStdoutMetricExporter;
import io.opentelemetry.exporter.logging.otlp.internal.traces.OtlpStdoutSpanExporter;
import io.opentelemetry.exporter.otlp.metrics.OtlpGrpcMetricExporter;
import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporter;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.SdkMeterProviderBuilder;
import io.opentelemetry.sdk.metrics.export.MetricExporter;
import io.opentelemetry.sdk.metrics.export.PeriodicMetricReader;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SdkTracerProviderBuilder;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The OpenTelemetry SDK of one shop process: W3C trace context, a batch span processor and a
 * periodic metric reader per destination. Destinations: OTLP JSON-lines files (one
 * ExportTraceServiceRequest or ExportMetricsServiceRequest per line, the OpenTelemetry Collector
 * file exporter's format; spans and metrics in two files so that two exporter threads never
 * interleave) and/or OTLP/gRPC to an endpoint such as the Rehearsal detector.
 */
public final class Telemetry implements AutoCloseable {

  /**
   * Where telemetry goes.
   *
   * @param service OTel {@code service.name}
   * @param instance OTel {@code service.instance.id}
   * @param directory directory of the JSON-lines files, or null for none
   * @param otlpEndpoint OTLP/gRPC endpoint such as {@code http://127.0.0.1:4317}, or null
   * @param metricInterval how often metrics are exported
   */
  public record Settings(
      String service,
      String instance,
      Path directory,
      String otlpEndpoint,
      Duration metricInterval) {}

  private final OpenTelemetrySdk sdk;
  private final List<OutputStream> files;

  private Telemetry(OpenTelemetrySdk sdk, List<OutputStream> files) {
    this.sdk = sdk;
    this.files = files;
  }

  /** Builds and registers nothing globally. */
  public static Telemetry create(Settings s) throws IOException {
    SdkTracerProviderBuilder tracing = SdkTracerProvider.builder().setResource(resource(s));
    SdkMeterProviderBuilder metering = SdkMeterProvider.builder().setResource(resource(s));
    List<OutputStream> files = new ArrayList<>();
    if (s.directory() != null) {
      OutputStream spans = appendLines(s.directory().resolve(s.instance() + ".spans.jsonl"));
      OutputStream metrics = appendLines(s.directory().resolve(s.instance() + ".metrics.jsonl"));
      files.add(spans);
      files.add(metrics);
      tracing.addSpanProcessor(batch(OtlpStdoutSpanExporter.builder().setOutput(spans).build()));
      metering.registerMetricReader(
          periodic(OtlpStdoutMetricExporter.builder().setOutput(metrics).build(), s));
    }
    if (s.otlpEndpoint() != null) {
      tracing.addSpanProcessor(
          batch(OtlpGrpcSpanExporter.builder().setEndpoint(s.otlpEndpoint()).build()));
      metering.registerMetricReader(
          periodic(OtlpGrpcMetricExporter.builder().setEndpoint(s.otlpEndpoint()).build(), s));
    }
    OpenTelemetrySdk sdk =
        OpenTelemetrySdk.builder()
            .setTracerProvider(tracing.build())
            .setMeterProvider(metering.build())
            .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
            .build();
    return new Telemetry(sdk, files);
  }

  /** The API handle services instrument with. */
  public OpenTelemetry api() {
    return sdk;
  }

  /** Flushes and shuts down every exporter, then closes the files. */
  @Override
  public void close() throws IOException {
    sdk.close();
    for (OutputStream file : files) {
      file.close();
    }
  }

  /** The resource of a process: {@code service.name} and {@code service.instance.id}. */
  public static Resource resource(String service, String instance) {
    return Resource.getDefault()
        .merge(
            Resource.create(
                Attributes.builder()
                    .put("service.name", service)
                    .put("service.instance.id", instance)
                    .put("service.version", "1.0.0")
                    .put("deployment.environment.name", "reference-shop")
                    .build()));
  }

  private static Resource resource(Settings s) {
    return resource(s.service(), s.instance());
  }

  private static BatchSpanProcessor batch(SpanExporter exporter) {
    return BatchSpanProcessor.builder(exporter)
        .setMaxQueueSize(16_384)
        .setMaxExportBatchSize(1_024)
        .setScheduleDelay(Duration.ofSeconds(2))
        .build();
  }

  private static PeriodicMetricReader periodic(MetricExporter exporter, Settings s) {
    return PeriodicMetricReader.builder(exporter).setInterval(s.metricInterval()).build();
  }

  /**
   * Opens a JSON-lines file for appending. A restarted process (the kill-replica fault) appends to
   * its predecessor's file; if that one died mid-line, a newline first isolates the torn line.
   */
  private static OutputStream appendLines(Path file) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    boolean torn = false;
    if (Files.exists(file) && Files.size(file) > 0) {
      try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
        raf.seek(raf.length() - 1);
        torn = raf.read() != '\n';
      }
    }
    OutputStream out = new FileOutputStream(file.toFile(), true);
    if (torn) {
      out.write('\n');
    }
    return out;
  }
}
