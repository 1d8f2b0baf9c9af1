package io.rehearsal.rehearse.incident;

import io.rehearsal.rehearse.fitting.SymptomPoint;
import io.rehearsal.rehearse.fitting.Symptoms;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An incident: what the system showed from the fault's onset on, and optionally how it looked when
 * healthy and which fault was injected. Read and written by {@link IncidentFiles}.
 *
 * @param id short identifier, letters, digits, {@code . _ -} (e.g. {@code incident-latency})
 * @param title one line for people
 * @param onsetEpochMs wall-clock onset, epoch milliseconds, or 0 when unknown; the symptom series
 *     start at the onset
 * @param symptoms per-endpoint series from the onset on ({@code service/METHOD /route} names, as
 *     the calibrated twin names its endpoints)
 * @param baseline per endpoint, its healthy mean figures before the onset (may be empty; every key
 *     is an endpoint of {@code symptoms})
 * @param label the injected fault, or null when unknown (a real incident)
 */
public record Incident(
    String id,
    String title,
    long onsetEpochMs,
    Symptoms symptoms,
    Map<String, SymptomPoint> baseline,
    IncidentLabel label) {
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]+");

  /** Validates the fields and copies the baseline, keeping its order. */
  public Incident {
    if (id == null || !ID.matcher(id).matches()) {
      throw new IllegalArgumentException(
          "id must be letters, digits, '.', '_' or '-', but was '" + id + "'");
    }
    title = title == null || title.isBlank() ? id : title;
    if (onsetEpochMs < 0) {
      throw new IllegalArgumentException("onsetEpochMs must be >= 0, but was " + onsetEpochMs);
    }
    if (symptoms == null) {
      throw new IllegalArgumentException("symptoms must be present");
    }
    baseline = baseline == null ? Map.of() : copy(baseline, Set.copyOf(symptoms.names()));
  }

  /** Whether the injected fault is known. */
  public boolean labelled() {
    return label != null;
  }

  /** A copy with this label. */
  public Incident withLabel(IncidentLabel newLabel) {
    return new Incident(id, title, onsetEpochMs, symptoms, baseline, newLabel);
  }

  private static Map<String, SymptomPoint> copy(Map<String, SymptomPoint> in, Set<String> names) {
    Map<String, SymptomPoint> out = new LinkedHashMap<>();
    in.forEach(
        (endpoint, point) -> {
          if (!names.contains(endpoint)) {
            throw new IllegalArgumentException(
                "baseline endpoint must be one of the symptoms' endpoints, but was '"
                    + endpoint
                    + "'");
          }
          out.put(endpoint, point);
        });
    return Collections.unmodifiableMap(out);
  }
}
