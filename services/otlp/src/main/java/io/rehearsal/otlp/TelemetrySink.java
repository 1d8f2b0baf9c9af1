package io.rehearsal.otlp;

import io.rehearsal.telemetry.MetricPoint;
import io.rehearsal.telemetry.Recording;
import io.rehearsal.telemetry.Span;
import java.util.List;

/** Receives telemetry records in the order a source yields them. */
public interface TelemetrySink {

  /** The valid spans of one export request. */
  void spans(List<Span> spans);

  /** The valid metric points of one export request. */
  void metrics(List<MetricPoint> points);

  /** A sink that adds everything it receives to {@code recording}. */
  static TelemetrySink into(Recording.Builder recording) {
    return new TelemetrySink() {
      @Override
      public void spans(List<Span> spans) {
        recording.addSpans(spans);
      }

      @Override
      public void metrics(List<MetricPoint> points) {
        recording.addMetrics(points);
      }
    };
  }
}
