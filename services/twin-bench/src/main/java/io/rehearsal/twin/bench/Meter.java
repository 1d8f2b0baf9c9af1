package io.rehearsal.twin.bench;

/**
 * What the benchmark reads from the machine, passed in by its caller (the CLI) so that the twin
 * library itself never reads a wall clock: the simulation stays deterministic, only the benchmark's
 * measurements are not.
 */
public interface Meter {
  /** A monotonic clock in nanoseconds, e.g. {@code System.nanoTime()}. */
  long nanoTime();

  /**
   * Bytes allocated so far by the calling thread (e.g. {@code
   * com.sun.management.ThreadMXBean.getThreadAllocatedBytes}), or -1 if unknown.
   */
  long allocatedBytes();
}
