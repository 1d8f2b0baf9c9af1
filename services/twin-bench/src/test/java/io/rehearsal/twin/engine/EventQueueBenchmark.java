package io.rehearsal.twin.engine;

import io.rehearsal.twin.random.RandomStream;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * JMH: the event queue in the hold model — pop the earliest event, push one a random exponential
 * time later — at a steady size (50 is the shop's typical queue, 150 the shop at 1,000 requests per
 * second). Reports push+pop pairs per microsecond.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class EventQueueBenchmark {
  /** Events held in the queue. */
  @Param({"50", "150", "5000"})
  public int size;

  private EventQueue queue;
  private RandomStream random;

  /** Fills the queue. */
  @Setup
  public void setUp() {
    queue = new EventQueue(16);
    random = new RandomStream(1);
    for (int i = 0; i < size; i++) {
      queue.push(random.nextExponential(1), Sim.PRIORITY_NORMAL, 1, i, 0, 0);
    }
  }

  /** One pop and one push. */
  @Benchmark
  public int hold() {
    queue.pop();
    double now = queue.time();
    queue.push(now + Draws.exponential(random, 1), Sim.PRIORITY_NORMAL, 1, queue.a(), 0, 0);
    return queue.a();
  }
}
