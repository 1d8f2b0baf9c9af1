package io.rehearsal.twin.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.rehearsal.twin.random.RandomStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EventQueueTest {

  record Event(double time, int priority, long sequence, int a) {}

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
    expected.sort(
        Comparator.comparingDouble(Event::time)
            .thenComparingInt(Event::priority)
            .thenComparingLong(Event::sequence));
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
}
