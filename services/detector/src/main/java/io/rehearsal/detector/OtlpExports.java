package io.rehearsal.detector;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.quarkus.runtime.Startup;
import io.rehearsal.detector.ingest.Admission;
import io.rehearsal.detector.ingest.IngestConfig;
import io.rehearsal.detector.ingest.IngestPipeline;
import io.rehearsal.detector.recording.Recorder;
import io.rehearsal.otlp.Mapped;
import io.rehearsal.otlp.MetricMapper;
import io.rehearsal.otlp.OtlpDecoder;
import io.rehearsal.otlp.OtlpFormat;
import io.rehearsal.otlp.OtlpPayloadException;
import io.rehearsal.otlp.SpanMapper;
import io.rehearsal.telemetry.MetricPoint;
import io.rehearsal.telemetry.Span;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Optional;

/**
 * What both OTLP transports do with an export: decode, count, admit or throttle, map, offer to the
 * ingest pipeline, hand accepted requests to the rolling recording, and count the outcome in the
 * {@code rehearsal.detector.spans} and {@code rehearsal.detector.metric.points} counters (tag
 * {@code outcome}: accepted, rejected, throttled).
 */
@Singleton
@Startup
class OtlpExports {

  private final IngestPipeline pipeline;
  private final Recorder recorder;
  private final OtlpDecoder decoder;
  private final Duration retryAfter;
  private final Outcomes spans;
  private final Outcomes points;

  /** Counters of one signal. */
  private record Outcomes(Counter accepted, Counter rejected, Counter throttled) {
    static Outcomes register(MeterRegistry registry, String name, String unit) {
      return new Outcomes(
          counter(registry, name, unit, "accepted"),
          counter(registry, name, unit, "rejected"),
          counter(registry, name, unit, "throttled"));
    }

    private static Counter counter(
        MeterRegistry registry, String name, String unit, String outcome) {
      return Counter.builder(name)
          .description("OTLP " + unit + " received, by outcome")
          .baseUnit(unit)
          .tag("outcome", outcome)
          .register(registry);
    }
  }

  OtlpExports(
      IngestPipeline pipeline, Recorder recorder, IngestConfig config, MeterRegistry registry) {
    this.pipeline = pipeline;
    this.recorder = recorder;
    this.decoder = new OtlpDecoder(config.maxBodyBytes());
    this.retryAfter = config.retryAfter();
    this.spans = Outcomes.register(registry, "rehearsal.detector.spans", "spans");
    this.points = Outcomes.register(registry, "rehearsal.detector.metric.points", "points");
  }

  /** An OTLP/HTTP trace body. */
  ExportResult traces(byte[] body, OtlpFormat format, boolean gzip) {
    try {
      return traces(decoder.traces(body, format, gzip));
    } catch (OtlpPayloadException e) {
      return refused(e);
    }
  }

  /** An OTLP/HTTP metrics body. */
  ExportResult metrics(byte[] body, OtlpFormat format, boolean gzip) {
    try {
      return metrics(decoder.metrics(body, format, gzip));
    } catch (OtlpPayloadException e) {
      return refused(e);
    }
  }

  /** A decoded trace export. */
  ExportResult traces(ExportTraceServiceRequest request) {
    Optional<ExportResult> refusal = refusal(SpanMapper.count(request), spans, "spans");
    if (refusal.isPresent()) {
      return refusal.get();
    }
    Mapped<Span> mapped = SpanMapper.map(request);
    return recorded(
        request, admit(pipeline.offerSpans(mapped.accepted()), mapped, spans, "spans"), mapped);
  }

  /** A decoded metrics export. */
  ExportResult metrics(ExportMetricsServiceRequest request) {
    Optional<ExportResult> refusal = refusal(MetricMapper.count(request), points, "data points");
    if (refusal.isPresent()) {
      return refusal.get();
    }
    Mapped<MetricPoint> mapped = MetricMapper.map(request);
    return recorded(
        request,
        admit(pipeline.offerPoints(mapped.accepted()), mapped, points, "data points"),
        mapped);
  }

  /** Hands an accepted request with valid items to the rolling recording. */
  private ExportResult recorded(
      com.google.protobuf.Message request, ExportResult result, Mapped<?> mapped) {
    if (result instanceof ExportResult.Accepted && !mapped.accepted().isEmpty()) {
      recorder.record(request);
    }
    return result;
  }

  /** Refuses before mapping when the request can never fit or nothing fits now. */
  private Optional<ExportResult> refusal(long items, Outcomes counters, String noun) {
    if (items > pipeline.capacity()) {
      counters.rejected().increment(items);
      return Optional.of(tooMany(items, noun));
    }
    return items > 0 && pipeline.saturated()
        ? Optional.of(throttled(counters, items))
        : Optional.empty();
  }

  private ExportResult admit(
      Admission admission, Mapped<?> mapped, Outcomes counters, String items) {
    return switch (admission) {
      case ACCEPTED -> {
        counters.accepted().increment(mapped.accepted().size());
        counters.rejected().increment(mapped.rejected());
        yield new ExportResult.Accepted(mapped.rejected(), mapped.errorMessage(items));
      }
      case THROTTLED -> throttled(counters, mapped.total());
      case NEVER_FITS -> {
        counters.rejected().increment(mapped.total());
        yield tooMany(mapped.total(), items);
      }
    };
  }

  private ExportResult tooMany(long items, String noun) {
    return new ExportResult.TooLarge(
        "request holds "
            + items
            + " "
            + noun
            + ", more than the "
            + pipeline.capacity()
            + " the detector holds at once; split the batch");
  }

  private ExportResult throttled(Outcomes counters, long items) {
    counters.throttled().increment(items);
    return new ExportResult.Throttled(
        "the detector is overloaded (" + pipeline.pending() + " items waiting); retry later",
        retryAfter);
  }

  private static ExportResult refused(OtlpPayloadException e) {
    return e.problem() == OtlpPayloadException.Problem.TOO_LARGE
        ? new ExportResult.TooLarge(e.getMessage())
        : new ExportResult.Malformed(e.getMessage());
  }
}
