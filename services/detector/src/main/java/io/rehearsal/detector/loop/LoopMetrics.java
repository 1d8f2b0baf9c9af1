package io.rehearsal.detector.loop;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The loop's counters on {@code /q/metrics}: {@code rehearsal_detector_loop_steps_total{step,
 * status}} — e.g. {@code step="evaluation",status="failed"} for every failed Evaluate attempt.
 */
final class LoopMetrics {

  private final MeterRegistry registry;

  LoopMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /** Counts one step outcome. */
  void count(String step, String status) {
    Counter.builder("rehearsal.detector.loop.steps")
        .description("Steps of the detector's loop, by step and how they went")
        .tag("step", step)
        .tag("status", status)
        .register(registry)
        .increment();
  }

  /** How many times {@code step} ended with {@code status} so far. */
  double total(String step, String status) {
    Counter c =
        registry
            .find("rehearsal.detector.loop.steps")
            .tag("step", step)
            .tag("status", status)
            .counter();
    return c == null ? 0 : c.count();
  }
}
