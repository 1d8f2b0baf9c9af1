package io.rehearsal.ml.incident;

/**
 * One endpoint misbehaving in one way, as first seen.
 *
 * @param service the service
 * @param endpoint the endpoint, or {@link #ALL_ENDPOINTS} for a symptom of the whole service
 * @param signal what is wrong
 * @param epochSecond when the symptom was raised
 * @param onsetSecond the first second of the run of anomalous values that raised it
 * @param value the value that raised it (burn rate, p99 ms, error rate, requests/s or overlap
 *     share)
 * @param baseline the normal value in the same unit (for a burn rate, the threshold)
 */
public record Symptom(
    String service,
    String endpoint,
    Signal signal,
    long epochSecond,
    long onsetSecond,
    double value,
    double baseline) {

  /** The endpoint of a symptom about the whole service (e.g. {@link Signal#CONCURRENCY}). */
  public static final String ALL_ENDPOINTS = "*";

  /** Key of the series this symptom is about. */
  String key() {
    return service + '/' + endpoint + '/' + signal;
  }
}
