package io.rehearsal.twin.spec;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;

/**
 * A distribution of durations in seconds (self time, latency, startup, think time).
 *
 * <p>YAML: {@code {type: lognormal, p50: 0.02, p99: 0.2}}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = Distribution.Constant.class, name = "constant"),
  @JsonSubTypes.Type(value = Distribution.Exponential.class, name = "exponential"),
  @JsonSubTypes.Type(value = Distribution.LogNormal.class, name = "lognormal"),
  @JsonSubTypes.Type(value = Distribution.Gamma.class, name = "gamma"),
  @JsonSubTypes.Type(value = Distribution.Empirical.class, name = "empirical")
})
public sealed interface Distribution {
  /** The 99th percentile of the standard normal distribution. */
  double Z99 = 2.3263478740408408;

  /** The mean of the distribution in seconds. */
  double mean();

  /** Always {@code value}. */
  record Constant(double value) implements Distribution {
    /** Validates the value. */
    public Constant {
      Check.nonNegative("value", value);
    }

    @Override
    public double mean() {
      return value;
    }
  }

  /** Exponential with the given mean. */
  record Exponential(double mean) implements Distribution {
    /** Validates the mean. */
    public Exponential {
      Check.positive("mean", mean);
    }
  }

  /** Log-normal fitted to its median and 99th percentile: sigma = ln(p99/p50) / z(0.99). */
  record LogNormal(double p50, double p99) implements Distribution {
    /** Validates that the 99th percentile is above the median. */
    public LogNormal {
      Check.positive("p50", p50);
      if (!(p99 > p50)) {
        throw Check.fail("p99", "must be > p50 (" + p50 + "), but was " + p99);
      }
    }

    /** The sigma of the underlying normal. */
    public double sigma() {
      return StrictMath.log(p99 / p50) / Z99;
    }

    @Override
    public double mean() {
      double s = sigma();
      return p50 * StrictMath.exp(s * s / 2);
    }
  }

  /** Gamma with the given shape and mean (scale = mean / shape). */
  record Gamma(double shape, double mean) implements Distribution {
    /** Validates shape and mean. */
    public Gamma {
      Check.positive("shape", shape);
      Check.positive("mean", mean);
    }
  }

  /**
   * Empirical quantiles at equally spaced probabilities 0, 1/n, ..., 1 (n + 1 values, ascending);
   * sampled by linear interpolation between them.
   */
  record Empirical(List<Double> quantiles) implements Distribution {
    /** Validates that there are at least two ascending, non-negative quantiles. */
    public Empirical {
      quantiles = Check.list(quantiles);
      if (quantiles.size() < 2) {
        throw Check.fail("quantiles", "needs at least 2 values, but had " + quantiles.size());
      }
      for (int i = 0; i < quantiles.size(); i++) {
        Check.nonNegative("quantiles[" + i + "]", quantiles.get(i));
        if (i > 0 && quantiles.get(i) < quantiles.get(i - 1)) {
          throw Check.fail(
              "quantiles[" + i + "]", "must be ascending, but was " + quantiles.get(i));
        }
      }
    }

    @Override
    public double mean() {
      double sum = 0;
      for (int i = 1; i < quantiles.size(); i++) {
        sum += (quantiles.get(i) + quantiles.get(i - 1)) / 2;
      }
      return sum / (quantiles.size() - 1);
    }
  }
}
