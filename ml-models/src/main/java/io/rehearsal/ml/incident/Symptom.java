package io.rehearsal.ml.incident;

/**
 * One endpoint misbehaving in one way, as first seen.
 *
 * @param service the service
 * @param endpoint the endpoint
 * @param signal what is wrong
 * @param epochSecond when the symptom was raised
 * @param onsetSecond the first second of the run of anomalous values that raised it
 * @param value the value that raised it (burn rate, p99 ms, error rate or requests/s)
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

  /** Key of the series this symptom is about. */
  String key() {
    return service + '/' + endpoint + '/' + signal;
  }
}
