package io.rehearsal.ml.rca;

import java.util.Objects;
import java.util.Set;

/**
 * What a service's processes reported about themselves, before and during the incident.
 *
 * @param service the service
 * @param instancesBefore distinct instances ({@code service.instance.id}) seen in the normal window
 * @param instancesLate distinct instances seen in the last part of the incident window
 * @param workersBefore mean worker-pool size per instance before, NaN when not reported
 * @param workersDuring mean worker-pool size per instance during, NaN when not reported
 * @param queueBefore mean queue length per instance before, NaN when not reported
 * @param queueDuring mean queue length per instance during, NaN when not reported
 * @param versionsBefore the {@code service.version}s seen before
 * @param versionsDuring the {@code service.version}s seen during
 * @param silentInstance the instance that stopped reporting longest while others of the service
 *     went on (a lost replica), empty when none did
 * @param silentSeconds how long it stayed silent, 0 when none did
 */
public record ServiceState(
    String service,
    int instancesBefore,
    int instancesLate,
    double workersBefore,
    double workersDuring,
    double queueBefore,
    double queueDuring,
    Set<String> versionsBefore,
    Set<String> versionsDuring,
    String silentInstance,
    int silentSeconds) {

  /** Copies the sets and checks the counts. */
  public ServiceState {
    Objects.requireNonNull(service, "service");
    Stats.check(instancesBefore >= 0, "instancesBefore", instancesBefore);
    Stats.check(instancesLate >= 0, "instancesLate", instancesLate);
    versionsBefore = Set.copyOf(versionsBefore);
    versionsDuring = Set.copyOf(versionsDuring);
    Objects.requireNonNull(silentInstance, "silentInstance");
    Stats.check(silentSeconds >= 0, "silentSeconds", silentSeconds);
  }

  /** Whether a version appeared during the incident that was not running before it. */
  public boolean versionChanged() {
    return !versionsBefore.isEmpty() && !versionsBefore.containsAll(versionsDuring);
  }
}
