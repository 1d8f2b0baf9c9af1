package io.rehearsal.shop.telemetry;

import com.sun.management.OperatingSystemMXBean;
import io.opentelemetry.api.metrics.Meter;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Process CPU metrics, named as in the OpenTelemetry semantic conventions: {@code process.cpu.time}
 * (cumulative seconds), {@code process.cpu.utilization} (CPU time since the previous collection
 * over wall time times available cores, in [0, 1]) and {@code system.cpu.utilization} (the whole
 * host, which every shop process shares).
 */
public final class ProcessMetrics {
  private final LongSupplier cpuNanos;
  private final LongSupplier wallNanos;
  private final int cores;
  private long lastCpu;
  private long lastWall;

  /** Utilization from two clocks: process CPU time and wall time, both in nanoseconds. */
  ProcessMetrics(LongSupplier cpuNanos, LongSupplier wallNanos, int cores) {
    this.cpuNanos = cpuNanos;
    this.wallNanos = wallNanos;
    this.cores = cores;
    this.lastCpu = cpuNanos.getAsLong();
    this.lastWall = wallNanos.getAsLong();
  }

  /** Registers the instruments on {@code meter}; closing the result unregisters them. */
  public static AutoCloseable register(Meter meter) {
    OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    ProcessMetrics process =
        new ProcessMetrics(
            os::getProcessCpuTime, System::nanoTime, Runtime.getRuntime().availableProcessors());
    List<AutoCloseable> instruments =
        List.of(
            meter
                .counterBuilder("process.cpu.time")
                .ofDoubles()
                .setUnit("s")
                .setDescription("Total CPU seconds of this process.")
                .buildWithCallback(m -> m.record(os.getProcessCpuTime() / 1e9)),
            meter
                .gaugeBuilder("process.cpu.utilization")
                .setUnit("1")
                .setDescription("CPU time since the last collection / (elapsed time x cores).")
                .buildWithCallback(m -> m.record(process.utilization())),
            meter
                .gaugeBuilder("system.cpu.utilization")
                .setUnit("1")
                .setDescription("Recent CPU utilization of the whole host.")
                .buildWithCallback(m -> recordIfKnown(m, os.getCpuLoad())));
    return () -> {
      for (AutoCloseable instrument : instruments) {
        instrument.close();
      }
    };
  }

  /** CPU utilization since the previous call, in [0, 1]. */
  synchronized double utilization() {
    long cpu = cpuNanos.getAsLong();
    long wall = wallNanos.getAsLong();
    double used = cpu - lastCpu;
    double available = (double) (wall - lastWall) * cores;
    lastCpu = cpu;
    lastWall = wall;
    return available <= 0 ? 0 : Math.min(1, Math.max(0, used / available));
  }

  private static void recordIfKnown(
      io.opentelemetry.api.metrics.ObservableDoubleMeasurement m, double load) {
    if (load >= 0) {
      m.record(load);
    }
  }
}
