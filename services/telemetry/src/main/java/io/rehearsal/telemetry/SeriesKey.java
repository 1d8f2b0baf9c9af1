package io.rehearsal.telemetry;

import java.util.Map;

/** Identifies a metric series within a window. */
record SeriesKey(String service, String name, Map<String, String> attributes, MetricKind kind)
    implements Comparable<SeriesKey> {

  static SeriesKey of(MetricPoint point) {
    return new SeriesKey(point.service(), point.name(), point.attributes(), point.kind());
  }

  @Override
  public int compareTo(SeriesKey other) {
    int byService = service.compareTo(other.service);
    if (byService != 0) {
      return byService;
    }
    int byName = name.compareTo(other.name);
    if (byName != 0) {
      return byName;
    }
    int byAttributes = attributes.toString().compareTo(other.attributes.toString());
    return byAttributes != 0 ? byAttributes : kind.compareTo(other.kind);
  }
}
