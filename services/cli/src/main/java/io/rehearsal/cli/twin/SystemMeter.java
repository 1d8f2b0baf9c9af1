package io.rehearsal.cli.twin;

import io.rehearsal.twin.bench.Meter;
import java.lang.management.ManagementFactory;

/**
 * The real clock and allocation counter for {@code twin bench}: {@link System#nanoTime()} and the
 * HotSpot per-thread allocation counter ({@code com.sun.management.ThreadMXBean}), if present.
 */
final class SystemMeter implements Meter {
  private final java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();

  @Override
  public long nanoTime() {
    return System.nanoTime();
  }

  @Override
  public long allocatedBytes() {
    if (threads instanceof com.sun.management.ThreadMXBean hotspot
        && hotspot.isThreadAllocatedMemorySupported()
        && hotspot.isThreadAllocatedMemoryEnabled()) {
      return hotspot.getThreadAllocatedBytes(Thread.currentThread().getId());
    }
    return -1;
  }
}
