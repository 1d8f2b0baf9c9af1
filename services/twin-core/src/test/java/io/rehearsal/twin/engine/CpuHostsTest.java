package io.rehearsal.twin.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.rehearsal.twin.random.RandomStream;
import io.rehearsal.twin.spec.CpuScheduling;
import io.rehearsal.twin.spec.Distribution;
import io.rehearsal.twin.spec.EndpointSpec;
import io.rehearsal.twin.spec.HostSpec;
import io.rehearsal.twin.spec.PlacementSpec;
import io.rehearsal.twin.spec.ServiceSpec;
import io.rehearsal.twin.spec.TwinSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Drives {@link CpuHosts} directly with random CPU jobs on one host — two replicas limited to one
 * core and one to half a core, sharing 1, 2 or 4 cores — and compares every completion time with a
 * plain reference: exact processor sharing recomputed from scratch at every arrival and departure.
 * The loads make jobs move often between free running, capped replicas and a saturated host.
 */
class CpuHostsTest {
  private static final double[] LIMIT = {1, 1, 0.5};
  private static final int JOBS = 4000;

  @ParameterizedTest(name = "seed {0}, rate {1}, {2} cores")
  @CsvSource({"1, 2, 2", "2, 4, 2", "3, 6, 2", "4, 4, 4", "5, 8, 4", "6, 2, 1"})
  void shouldFinishEveryJobWhenExactProcessorSharingWouldWhenLoadVaries(
      long seed, double rate, double cores) {
    RandomStream random = new RandomStream(seed);
    double[] arrival = new double[JOBS];
    int[] replica = new int[JOBS];
    double[] work = new double[JOBS];
    double t = 0;
    for (int j = 0; j < JOBS; j++) {
      t += random.nextExponential(1 / rate);
      arrival[j] = t;
      replica[j] = random.nextInt(3);
      work[j] = random.nextExponential(0.4);
    }
    double[] engine = new Driver(spec(cores)).run(arrival, replica, work);
    double[] reference = referenceProcessorSharing(cores, arrival, replica, work);
    for (int j = 0; j < JOBS; j++) {
      assertThat(engine[j]).as("job %d", j).isCloseTo(reference[j], within(1e-6));
    }
  }

  @ParameterizedTest(name = "seed {0}, rate {1}, {2} cores")
  @CsvSource({"7, 4, 2", "8, 4.5, 2", "9, 9, 4", "10, 2, 1"})
  void shouldServeJobsInArrivalOrderWhenTheHostIsFirstCome(long seed, double rate, int cores) {
    RandomStream random = new RandomStream(seed);
    double[] arrival = new double[JOBS];
    int[] replica = new int[JOBS];
    double[] work = new double[JOBS];
    double t = 0;
    for (int j = 0; j < JOBS; j++) {
      t += random.nextExponential(1 / rate);
      arrival[j] = t;
      replica[j] = random.nextInt(3);
      work[j] = random.nextExponential(0.4);
    }
    TwinSpec fifo =
        TwinSpec.builder("cpu")
            .host(new HostSpec("h", cores, null, CpuScheduling.FIFO))
            .service(service("a", cores))
            .service(service("b", cores))
            .build();
    double[] engine = new Driver(fifo).run(arrival, replica, work);
    // c servers, first come first served: each job starts when it arrives or a core frees up
    double[] free = new double[cores];
    double sharedWait = 0;
    for (int j = 0; j < JOBS; j++) {
      int k = 0;
      for (int i = 1; i < cores; i++) {
        k = free[i] < free[k] ? i : k;
      }
      double start = Math.max(arrival[j], free[k]);
      sharedWait += start - arrival[j];
      free[k] = start + work[j];
      assertThat(engine[j]).as("job %d", j).isCloseTo(free[k], within(1e-6));
    }
    double[] sharing = referenceProcessorSharing(cores, arrival, replica, work);
    assertThat(sharedWait).as("jobs waited for a core").isPositive();
    assertThat(engine).isNotEqualTo(sharing);
  }

  /** The engine's CPU model with the event loop of a simulation around it. */
  private static final class Driver {
    private final Model model;
    private final Requests q = new Requests(64);
    private final Replicas reps;
    private final EventQueue events = new EventQueue(64);
    private final Timers timers = new Timers(4);
    private final CpuHosts cpu;
    private final int[] jobOf = new int[JOBS * 2];
    private final double[] done = new double[JOBS];
    private final int[] replicaIndex = new int[3];

    Driver(TwinSpec spec) {
      model = new Model(spec);
      reps = new Replicas(model.services, model.regions);
      cpu = new CpuHosts(model, q, reps, events, timers, 1);
    }

    double[] run(double[] arrival, int[] replica, double[] work) {
      replicaIndex[0] = reps.add(0, 0, 0, 0, 0);
      replicaIndex[1] = reps.add(0, 0, 0, 0, 0);
      replicaIndex[2] = reps.add(1, 0, 0, 0, 0);
      int next = 0;
      int finished = 0;
      while (finished < JOBS) {
        double tArrival = next < JOBS ? arrival[next] : Double.POSITIVE_INFINITY;
        double tOther =
            Math.min(
                timers.isEmpty() ? Double.POSITIVE_INFINITY : timers.firstTime(),
                events.isEmpty() ? Double.POSITIVE_INFINITY : events.peekTime());
        if (tArrival <= tOther) {
          int h = q.allocate();
          q.replica[h] = replicaIndex[replica[next]];
          q.waitAfterCpu[h] = 0;
          jobOf[h] = next;
          cpu.add(0, h, work[next], tArrival);
          next++;
        } else if (events.popBefore(timers.firstKeyTime(), timers.firstKeyOrder())) {
          int h = events.a();
          if (q.gen[h] == events.b() && q.cpuEpoch[h] == events.c()) {
            cpu.leave(0, h);
            finish(h, events.time());
            finished++;
          }
        } else {
          cpu.onTimer(timers.first(), tOther);
          for (int i = 0; i < cpu.doneCount; i++) {
            finish(cpu.finished(i), tOther);
            finished++;
          }
        }
      }
      return done;
    }

    private void finish(int h, double time) {
      done[jobOf[h]] = time;
      q.release(h);
    }
  }

  private static TwinSpec spec(double cores) {
    return TwinSpec.builder("cpu")
        .host(new HostSpec("h", cores, null))
        .service(service("a", LIMIT[0]))
        .service(service("b", LIMIT[2]))
        .build();
  }

  private static ServiceSpec service(String name, double limit) {
    EndpointSpec e = new EndpointSpec("e", new Distribution.Constant(1), 1.0, 0.0, true, List.of());
    PlacementSpec placement = new PlacementSpec(List.of("h"), 0, limit);
    return new ServiceSpec(name, "1", 1, 1000, null, null, placement, null, List.of(e));
  }

  /** Exact processor sharing, rates recomputed from scratch at every arrival and departure. */
  private static double[] referenceProcessorSharing(
      double cores, double[] arrival, int[] replica, double[] work) {
    double[] done = new double[JOBS];
    double[] left = work.clone();
    List<Integer> active = new ArrayList<>();
    double now = 0;
    int next = 0;
    while (next < JOBS || !active.isEmpty()) {
      double[] rate = rates(cores, active, replica);
      double step = Double.POSITIVE_INFINITY;
      for (int i = 0; i < active.size(); i++) {
        step = Math.min(step, left[active.get(i)] / rate[i]);
      }
      double tArrival = next < JOBS ? arrival[next] : Double.POSITIVE_INFINITY;
      double dt = Math.min(step, tArrival - now);
      for (int i = 0; i < active.size(); i++) {
        left[active.get(i)] -= rate[i] * dt;
      }
      now += dt;
      if (tArrival <= now) {
        active.add(next++);
      }
      for (int i = active.size() - 1; i >= 0; i--) {
        if (left[active.get(i)] <= 1e-12) {
          done[active.remove(i)] = now;
        }
      }
    }
    return done;
  }

  /** Max-min fair shares: each job at most one core, each replica at most its limit. */
  private static double[] rates(double cores, List<Integer> active, int[] replica) {
    int[] count = new int[3];
    active.forEach(j -> count[replica[j]]++);
    double low = 0;
    double high = 1;
    for (int k = 0; k < 200; k++) {
      double level = (low + high) / 2;
      if (used(count, level) > cores) {
        high = level;
      } else {
        low = level;
      }
    }
    double level = used(count, 1) <= cores ? 1 : low;
    double[] rate = new double[active.size()];
    for (int i = 0; i < rate.length; i++) {
      int r = replica[active.get(i)];
      rate[i] = Math.min(level, LIMIT[r] / count[r]);
    }
    return rate;
  }

  private static double used(int[] count, double level) {
    return Arrays.stream(new int[] {0, 1, 2})
        .mapToDouble(r -> count[r] == 0 ? 0 : Math.min(count[r] * level, LIMIT[r]))
        .sum();
  }
}
