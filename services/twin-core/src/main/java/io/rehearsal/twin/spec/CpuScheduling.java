package io.rehearsal.twin.spec;

/** How a host's cores are shared among the CPU phases of the requests running on it. */
public enum CpuScheduling {
  /**
   * Processor sharing: every job runs at once, all at the same speed (at most one core each) — long
   * CPU phases under a time-slicing scheduler.
   */
  SHARING,
  /**
   * First come, first served: a job holds a core until its CPU phase ends, later jobs wait in
   * arrival order — CPU bursts shorter than the operating system's time slice, which run to
   * completion once scheduled.
   */
  FIFO
}
