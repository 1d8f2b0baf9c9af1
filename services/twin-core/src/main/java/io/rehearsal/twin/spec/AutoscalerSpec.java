package io.rehearsal.twin.spec;

/**
 * A horizontal pod autoscaler with Kubernetes semantics: every {@code period} seconds, desired =
 * ceil(current * metric / target), unchanged while |metric / target - 1| <= tolerance; scale-up
 * takes the lowest and scale-down the highest recommendation within its stabilisation window;
 * clamped to [min, max].
 *
 * @param metric what is tracked
 * @param target target value of the metric per replica
 * @param min minimum replicas
 * @param max maximum replicas
 * @param period sync period in seconds (default 15)
 * @param tolerance tolerance (default 0.1)
 * @param scaleUpWindow scale-up stabilisation window in seconds (default 0)
 * @param scaleDownWindow scale-down stabilisation window in seconds (default 300)
 */
public record AutoscalerSpec(
    ScalingMetric metric,
    double target,
    int min,
    int max,
    Double period,
    Double tolerance,
    Double scaleUpWindow,
    Double scaleDownWindow) {
  /** Validates the autoscaler and fills defaults. */
  public AutoscalerSpec {
    Check.present("metric", metric);
    Check.positive("target", target);
    Check.atLeast("min", min, 1);
    Check.atLeast("max", max, min);
    period = Check.positive("period", Check.or(period, 15));
    tolerance = Check.range("tolerance", Check.or(tolerance, 0.1), 0, 1);
    scaleUpWindow = Check.nonNegative("scaleUpWindow", Check.or(scaleUpWindow, 0));
    scaleDownWindow = Check.nonNegative("scaleDownWindow", Check.or(scaleDownWindow, 300));
  }
}
