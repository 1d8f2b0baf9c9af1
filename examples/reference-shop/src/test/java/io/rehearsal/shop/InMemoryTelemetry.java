package io.rehearsal.shop;

import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

/** Test fixture: an SDK that keeps finished spans in memory, with W3C propagation. */
public final class InMemoryTelemetry implements AutoCloseable {
  /** Finished spans. */
  public final InMemorySpanExporter spans = InMemorySpanExporter.create();

  /** The SDK services are built with. */
  public final OpenTelemetrySdk sdk =
      OpenTelemetrySdk.builder()
          .setTracerProvider(
              SdkTracerProvider.builder()
                  .addSpanProcessor(SimpleSpanProcessor.create(spans))
                  .build())
          .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
          .build();

  /** Waits until {@code count} finished spans match (spans end after the response is sent). */
  public List<SpanData> await(Predicate<SpanData> match, int count) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    List<SpanData> found = List.of();
    while (System.nanoTime() < deadline) {
      found = spans.getFinishedSpanItems().stream().filter(match).toList();
      if (found.size() >= count) {
        return found;
      }
      Thread.sleep(10);
    }
    throw new AssertionError("expected " + count + " matching spans, found " + found);
  }

  @Override
  public void close() {
    sdk.close();
  }
}
