package io.rehearsal.detector.incident;

import com.google.protobuf.Duration;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Timestamp;
import io.rehearsal.ml.incident.IncidentConfig;
import io.rehearsal.ml.incident.Signal;
import io.rehearsal.ml.incident.Symptom;
import io.rehearsal.proto.v1.Incident;
import io.rehearsal.proto.v1.IncidentState;
import io.rehearsal.proto.v1.IncidentStateChange;
import io.rehearsal.proto.v1.MetricKind;
import io.rehearsal.proto.v1.SeriesPoint;
import io.rehearsal.proto.v1.Severity;
import io.rehearsal.proto.v1.SymptomSeries;
import io.rehearsal.proto.v1.Target;
import io.rehearsal.store.IncidentLifecycle.Stage;
import io.rehearsal.store.IncidentRecord;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * The edge between {@code ml-models}' incidents, the bytes kept in Redis and the wire: an ml {@link
 * io.rehearsal.ml.incident.Incident} becomes a {@code rehearsal.v1.Incident} without id or
 * lifecycle (the stored payload); a stored record becomes the full wire incident.
 */
final class IncidentProtos {

  /** An error rate at least this high on any endpoint makes an incident HIGH. */
  static final double HIGH_ERROR_RATE = 0.5;

  private IncidentProtos() {}

  /**
   * The payload of an ml incident: title, detection and onset time, services, symptoms (one point
   * each: the value that raised it, at the second it was raised) and severity. Severity: LOW for
   * baseline anomalies only, MEDIUM when an SLO burns its error budget, HIGH when an endpoint fails
   * at least half its requests.
   */
  static Incident payload(io.rehearsal.ml.incident.Incident incident, IncidentConfig config) {
    Incident.Builder b =
        Incident.newBuilder()
            .setTitle(incident.title())
            .setDetectedAt(seconds(incident.openedSecond()))
            .setOnset(seconds(incident.onsetSecond()))
            .addAllServices(new TreeSet<>(incident.services()));
    for (Symptom s : incident.symptoms()) {
      b.addSymptoms(symptom(s, config));
    }
    return b.setSeverity(severity(b)).build();
  }

  private static SymptomSeries symptom(Symptom s, IncidentConfig config) {
    int resolution =
        s.signal() == Signal.SLO_BURN
            ? config.burnRate().shortSeconds()
            : config.anomaly().windowSeconds();
    return SymptomSeries.newBuilder()
        .setTarget(Target.newBuilder().setService(s.service()).setEndpoint(s.endpoint()))
        .setMetric(metric(s.signal()))
        .addPoints(SeriesPoint.newBuilder().setTime(seconds(s.epochSecond())).setValue(s.value()))
        .setBaseline(s.baseline())
        .setResolution(Duration.newBuilder().setSeconds(resolution))
        .setOnset(seconds(s.onsetSecond()))
        .build();
  }

  static MetricKind metric(Signal signal) {
    return switch (signal) {
      case SLO_BURN -> MetricKind.METRIC_KIND_SLO_BURN_RATE;
      case LATENCY_P50 -> MetricKind.METRIC_KIND_LATENCY_P50;
      case LATENCY_P99 -> MetricKind.METRIC_KIND_LATENCY_P99;
      case ERROR_RATE -> MetricKind.METRIC_KIND_ERROR_RATE;
      case THROUGHPUT -> MetricKind.METRIC_KIND_THROUGHPUT;
      case CONCURRENCY -> MetricKind.METRIC_KIND_CONCURRENCY;
    };
  }

  private static Severity severity(Incident.Builder b) {
    Severity severity = Severity.SEVERITY_LOW;
    for (SymptomSeries s : b.getSymptomsList()) {
      double value = s.getPoints(0).getValue();
      if (s.getMetric() == MetricKind.METRIC_KIND_ERROR_RATE && value >= HIGH_ERROR_RATE) {
        return Severity.SEVERITY_HIGH;
      }
      if (s.getMetric() == MetricKind.METRIC_KIND_SLO_BURN_RATE) {
        severity = Severity.SEVERITY_MEDIUM;
      }
    }
    return severity;
  }

  /**
   * {@code stored} with what {@code fresh} adds: symptoms not there yet (by service, endpoint and
   * metric), services, the earlier onset and the higher severity; title and detection time stay.
   */
  static Incident merge(Incident stored, Incident fresh) {
    Map<String, SymptomSeries> symptoms = new LinkedHashMap<>();
    for (SymptomSeries s : stored.getSymptomsList()) {
      symptoms.putIfAbsent(key(s), s);
    }
    for (SymptomSeries s : fresh.getSymptomsList()) {
      symptoms.putIfAbsent(key(s), s);
    }
    TreeSet<String> services = new TreeSet<>(stored.getServicesList());
    services.addAll(fresh.getServicesList());
    Timestamp onset =
        stored.getOnset().getSeconds() <= fresh.getOnset().getSeconds()
            ? stored.getOnset()
            : fresh.getOnset();
    Severity severity =
        stored.getSeverityValue() >= fresh.getSeverityValue()
            ? stored.getSeverity()
            : fresh.getSeverity();
    return stored.toBuilder()
        .clearSymptoms()
        .addAllSymptoms(symptoms.values())
        .clearServices()
        .addAllServices(services)
        .setOnset(onset)
        .setSeverity(severity)
        .build();
  }

  private static String key(SymptomSeries s) {
    return s.getTarget().getService() + '/' + s.getTarget().getEndpoint() + '/' + s.getMetric();
  }

  /** The wire incident of a stored record: its payload with id and lifecycle from the store. */
  static Incident view(IncidentRecord record) {
    Incident.Builder b =
        parse(record).toBuilder()
            .setId(record.id())
            .setState(state(record.stage()))
            .setRevision(record.revision())
            .setReopened(record.reopened());
    record.resolvedMillis().ifPresent(ms -> b.setResolvedAt(millis(ms)));
    for (IncidentRecord.Change c : record.timeline()) {
      b.addTimeline(
          IncidentStateChange.newBuilder()
              .setState(state(c.stage()))
              .setAt(millis(c.atMillis()))
              .setReason(c.reason()));
    }
    return b.build();
  }

  /** The stored payload of a record. */
  static Incident parse(IncidentRecord record) {
    try {
      return Incident.parseFrom(record.payload());
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException(
          "incident " + record.id() + " holds bytes that are not an Incident: " + e.getMessage());
    }
  }

  /** Deterministic bytes of a payload, so equal incidents store equal bytes. */
  static byte[] bytes(Incident incident) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream(incident.getSerializedSize());
      com.google.protobuf.CodedOutputStream coded =
          com.google.protobuf.CodedOutputStream.newInstance(out);
      coded.useDeterministicSerialization();
      incident.writeTo(coded);
      coded.flush();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static IncidentState state(Stage stage) {
    return switch (stage) {
      case OPEN -> IncidentState.INCIDENT_STATE_OPEN;
      case MITIGATING -> IncidentState.INCIDENT_STATE_MITIGATING;
      case RESOLVED -> IncidentState.INCIDENT_STATE_RESOLVED;
    };
  }

  static Stage stage(IncidentState state) {
    return switch (state) {
      case INCIDENT_STATE_OPEN -> Stage.OPEN;
      case INCIDENT_STATE_MITIGATING -> Stage.MITIGATING;
      case INCIDENT_STATE_RESOLVED -> Stage.RESOLVED;
      default -> throw new IllegalArgumentException("not a state: " + state);
    };
  }

  private static Timestamp seconds(long epochSecond) {
    return Timestamp.newBuilder().setSeconds(epochSecond).build();
  }

  private static Timestamp millis(long epochMillis) {
    return Timestamp.newBuilder()
        .setSeconds(Math.floorDiv(epochMillis, 1000L))
        .setNanos((int) Math.floorMod(epochMillis, 1000L) * 1_000_000)
        .build();
  }
}
