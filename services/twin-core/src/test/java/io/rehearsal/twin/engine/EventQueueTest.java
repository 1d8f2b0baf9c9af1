package io.rehearsal.twin.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.rehearsal.twin.random.RandomStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EventQueueTest {

  record Event(double time, int priority, long sequence, int a) {}

  /** The order the queue promises: time, then priority, then insertion. */
  private static final Comparator<Event> ORDER =
      Comparator.comparingDouble(Event::time)
          .thenComparingInt(Event::priority)
          .thenComparingLong(Event::sequence);

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void shouldPopInTimePriorityThenInsertionOrderWhenEventsAreRandom(long seed) {
    RandomStream r = new RandomStream(seed);
    EventQueue q = new EventQueue(4);
    List<Event> expected = new ArrayList<>();
    for (int i = 0; i < 5000; i++) {
      double time = r.nextInt(200);
      int priority = r.nextInt(3);
      q.push(time, priority, 0, i, 0, 0);
      expected.add(new Event(time, priority, i, i));
    }
    expected.sort(ORDER);
    for (Event e : expected) {
      q.pop();
      assertThat(q.a()).isEqualTo(e.a());
      assertThat(q.time()).isEqualTo(e.time());
    }
    assertThat(q.isEmpty()).isTrue();
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {7, 8})
  void shouldKeepOrderWhenPushesAndPopsInterleave(long seed) {
    RandomStream r = new RandomStream(seed);
    EventQueue q = new EventQueue(16);
    double now = 0;
    for (int i = 0; i < 20_000; i++) {
      q.push(now + r.nextExponential(1), 1, 0, i, 0, 0);
      if (r.nextBoolean(0.5)) {
        q.pop();
        assertThat(q.time()).isGreaterThanOrEqualTo(now);
        now = q.time();
      }
    }
  }

  /**
   * Events due within the calendar's window, beyond it, in full buckets and at equal times (with
   * and without equal priorities), pushed and popped in random interleaving, come out in exactly
   * the order of a reference priority queue over (time, priority, sequence).
   */
  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {11, 12, 13})
  void shouldPopInReferenceOrderWhenCalendarAndHeapBothHoldEvents(long seed) {
    RandomStream r = new RandomStream(seed);
    EventQueue q = new EventQueue(4, 0.001);
    PriorityQueue<Event> reference = new PriorityQueue<>(ORDER);
    double now = 0;
    long sequence = 0;
    int sizeMismatches = 0;
    for (int i = 0; i < 200_000; i++) {
      if (reference.isEmpty() || r.nextBoolean(0.52)) {
        double time = now + delay(r);
        int priority = r.nextInt(3);
        q.push(time, priority, 0, i, 0, 0);
        reference.add(new Event(time, priority, sequence++, i));
      } else {
        now = popExpected(q, reference).time();
      }
      sizeMismatches += q.size() == reference.size() ? 0 : 1;
    }
    assertThat(sizeMismatches).isZero();
    while (!reference.isEmpty()) {
      q.pop();
      assertThat(q.a()).isEqualTo(reference.poll().a());
    }
    assertThat(q.isEmpty()).isTrue();
  }

  /**
   * Withdrawing random pending events (by ticket, time and payload) while others are pushed and
   * popped leaves exactly the reference order of the rest: a withdrawn event filed in the calendar
   * never comes out; one in the heap (further ahead than the window) still does, and says so.
   */
  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {21, 22, 23})
  void shouldPopTheReferenceOrderOfWhatIsLeftWhenPendingEventsAreWithdrawn(long seed) {
    RandomStream r = new RandomStream(seed);
    EventQueue q = new EventQueue(4, 0.001);
    PriorityQueue<Event> reference = new PriorityQueue<>(ORDER);
    List<Pending> pending = new ArrayList<>();
    double now = 0;
    long sequence = 0;
    int withdrawn = 0;
    int stayed = 0;
    for (int i = 0; i < 100_000; i++) {
      double u = r.nextDouble();
      if (reference.isEmpty() || u < 0.5) {
        double time = now + delay(r);
        int priority = r.nextInt(3);
        Event e = new Event(time, priority, sequence++, i);
        pending.add(new Pending(e, q.push(time, priority, 7, i, -i, 3)));
        reference.add(e);
      } else if (u < 0.6) {
        Pending p = pending.remove(r.nextInt(pending.size()));
        Event e = p.event();
        int ticket = p.ticket();
        assertThat(q.withdraw(ticket, e.time(), 7, e.a(), -e.a(), 4)).isFalse(); // not this event
        if (q.withdraw(ticket, e.time(), 7, e.a(), -e.a(), 3)) {
          reference.remove(e);
          withdrawn++;
        } else {
          stayed++; // in the heap: it stays in the reference too, and must come out in order
        }
      } else {
        Event popped = popExpected(q, reference);
        now = popped.time();
        pending.removeIf(p -> p.event().equals(popped));
      }
      assertThat(q.size()).isEqualTo(reference.size());
    }
    assertThat(withdrawn).isGreaterThan(1000);
    assertThat(stayed).isGreaterThan(100);
  }

  /** A pending event and the ticket its push returned. */
  private record Pending(Event event, int ticket) {}

  /** Pops {@code q} and checks it against the reference's next event, which it returns. */
  private static Event popExpected(EventQueue q, PriorityQueue<Event> reference) {
    Event expected = reference.poll();
    q.pop();
    assertThat(q.a()).isEqualTo(expected.a());
    assertThat(q.time()).isEqualTo(expected.time());
    return expected;
  }

  /** Zero delays (ties), sub-bucket and bucket-sized delays, and delays past the 62 ms window. */
  private static double delay(RandomStream r) {
    return switch (r.nextInt(5)) {
      case 0 -> 0;
      case 1 -> r.nextInt(4) * 0.001;
      case 2 -> r.nextExponential(0.0005);
      case 3 -> r.nextExponential(0.02);
      default -> r.nextExponential(0.5);
    };
  }

  @ParameterizedTest(name = "{0} events at one time")
  @ValueSource(ints = {5, 16, 17, 100})
  void shouldKeepInsertionOrderWhenOneBucketOverflows(int n) {
    EventQueue q = new EventQueue(4);
    q.push(1.0, 1, 0, -1, 0, 0);
    q.pop();
    for (int i = 0; i < n; i++) {
      q.push(1.0005, 1, 0, i, 0, 0);
    }
    q.push(1.0005, 0, 0, n, 0, 0);
    q.pop();
    assertThat(q.a()).as("priority 0 first").isEqualTo(n);
    for (int i = 0; i < n; i++) {
      q.pop();
      assertThat(q.a()).isEqualTo(i);
    }
    assertThat(q.isEmpty()).isTrue();
  }

  @ParameterizedTest(name = "width {0}")
  @ValueSource(doubles = {0, -1, Double.NaN, Double.POSITIVE_INFINITY})
  void shouldRejectBucketWidthWhenNotPositiveAndFinite(double width) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new EventQueue(16, width))
        .withMessageContaining("bucket width must be > 0");
  }

  @Test
  void shouldPopAnEventDueBeforeTheLastPoppedOneFirstWhenOneIsPushed() {
    EventQueue q = new EventQueue(16);
    q.push(5.0, 1, 0, 1, 0, 0);
    q.push(5.001, 1, 0, 2, 0, 0);
    q.push(5.2, 1, 0, 3, 0, 0);
    q.pop();
    q.push(4.0, 1, 0, 4, 0, 0);
    q.push(5.0005, 1, 0, 5, 0, 0);
    int[] order = new int[4];
    for (int i = 0; i < 4; i++) {
      q.pop();
      order[i] = q.a();
    }
    assertThat(order).containsExactly(4, 5, 2, 3);
  }
}
