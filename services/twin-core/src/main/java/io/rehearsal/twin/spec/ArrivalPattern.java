package io.rehearsal.twin.spec;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;

/**
 * The arrival rate of a traffic source over time, in requests (or sessions) per second. All
 * patterns produce a (possibly non-homogeneous) Poisson process.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = ArrivalPattern.Poisson.class, name = "poisson"),
  @JsonSubTypes.Type(value = ArrivalPattern.Diurnal.class, name = "diurnal"),
  @JsonSubTypes.Type(value = ArrivalPattern.Burst.class, name = "burst"),
  @JsonSubTypes.Type(value = ArrivalPattern.Replay.class, name = "replay")
})
public sealed interface ArrivalPattern {
  /** The rate at simulated time {@code t} seconds. */
  double rateAt(double t);

  /** An upper bound of {@link #rateAt} over all times. */
  double maxRate();

  /** A constant rate. */
  record Poisson(double rate) implements ArrivalPattern {
    /** Validates the rate. */
    public Poisson {
      Check.nonNegative("rate", rate);
    }

    @Override
    public double rateAt(double t) {
      return rate;
    }

    @Override
    public double maxRate() {
      return rate;
    }
  }

  /** mean * (1 + amplitude * sin(2 pi (t + phase) / period)). */
  record Diurnal(double mean, double amplitude, double period, double phase)
      implements ArrivalPattern {
    /** Validates the parameters. */
    public Diurnal {
      Check.nonNegative("mean", mean);
      Check.probability("amplitude", amplitude);
      Check.positive("period", period);
      Check.nonNegative("phase", phase);
    }

    @Override
    public double rateAt(double t) {
      return mean * (1 + amplitude * StrictMath.sin(2 * StrictMath.PI * (t + phase) / period));
    }

    @Override
    public double maxRate() {
      return mean * (1 + amplitude);
    }
  }

  /**
   * {@code base}, rising to {@code peak} for {@code duration} from {@code start}, every {@code
   * every} s (0: once).
   */
  record Burst(double base, double peak, double start, double duration, double every)
      implements ArrivalPattern {
    /** Validates the parameters. */
    public Burst {
      Check.nonNegative("base", base);
      Check.nonNegative("peak", peak);
      Check.nonNegative("start", start);
      Check.positive("duration", duration);
      Check.nonNegative("every", every);
    }

    @Override
    public double rateAt(double t) {
      if (t < start) {
        return base;
      }
      double offset = every > 0 ? (t - start) % every : t - start;
      return offset < duration ? peak : base;
    }

    @Override
    public double maxRate() {
      return Math.max(base, peak);
    }
  }

  /**
   * A recorded rate series: {@code rates[i]} holds on [i step, (i + 1) step); the last value
   * persists.
   */
  record Replay(double step, List<Double> rates) implements ArrivalPattern {
    /** Validates the series. */
    public Replay {
      Check.positive("step", step);
      rates = Check.list(rates);
      if (rates.isEmpty()) {
        throw Check.fail("rates", "must not be empty");
      }
      for (int i = 0; i < rates.size(); i++) {
        Check.nonNegative("rates[" + i + "]", rates.get(i));
      }
    }

    @Override
    public double rateAt(double t) {
      int i = (int) Math.min(rates.size() - 1, Math.max(0, Math.floor(t / step)));
      return rates.get(i);
    }

    @Override
    public double maxRate() {
      return rates.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    }
  }
}
