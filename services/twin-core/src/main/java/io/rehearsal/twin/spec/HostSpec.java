package io.rehearsal.twin.spec;

/**
 * A machine (Kubernetes node) whose CPU cores are shared by processor sharing among the replicas
 * placed on it.
 *
 * @param name unique host name
 * @param cores number of CPU cores (may be fractional)
 * @param region the region the host is in, or null for the first region
 */
public record HostSpec(String name, double cores, String region) {
  /** Validates the host. */
  public HostSpec {
    Check.simpleName("name", name);
    Check.positive("cores", cores);
  }
}
