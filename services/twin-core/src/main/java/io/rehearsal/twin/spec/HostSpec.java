package io.rehearsal.twin.spec;

/**
 * A machine (Kubernetes node) whose CPU cores are shared among the replicas placed on it.
 *
 * @param name unique host name
 * @param cores number of CPU cores (may be fractional)
 * @param region the region the host is in, or null for the first region
 * @param scheduling how the cores are shared among the jobs when there are more jobs than cores;
 *     null is {@link CpuScheduling#SHARING} (processor sharing)
 */
public record HostSpec(String name, double cores, String region, CpuScheduling scheduling) {
  /** Validates the host. */
  public HostSpec {
    Check.simpleName("name", name);
    Check.positive("cores", cores);
  }

  /** A processor-sharing host. */
  public HostSpec(String name, double cores, String region) {
    this(name, cores, region, null);
  }

  /** Whether waiting jobs queue for a core in arrival order instead of sharing the cores. */
  public boolean fifo() {
    return scheduling == CpuScheduling.FIFO;
  }
}
