package io.rehearsal.twin.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rehearsal.twin.random.RandomStream;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TimersTest {
  record Key(double time, long order) {}

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3})
  void shouldAlwaysExposeTheEarliestTimerWhenTimersMoveAtRandom(long seed) {
    RandomStream r = new RandomStream(seed);
    int ids = 40;
    Timers timers = new Timers(ids);
    Map<Integer, Key> reference = new HashMap<>();
    long order = 0;
    for (int step = 0; step < 20_000; step++) {
      int id = r.nextInt(ids);
      if (r.nextBoolean(0.25)) {
        timers.remove(id);
        reference.remove(id);
      } else {
        Key k = new Key(r.nextInt(50), order++);
        timers.set(id, k.time(), k.order());
        reference.put(id, k);
      }
      assertThat(timers.isEmpty()).isEqualTo(reference.isEmpty());
      if (!reference.isEmpty()) {
        int expected =
            reference.entrySet().stream()
                .min(
                    Comparator.comparing(
                        (Map.Entry<Integer, Key> e) -> e.getValue(),
                        Comparator.comparingDouble(Key::time).thenComparingLong(Key::order)))
                .orElseThrow()
                .getKey();
        assertThat(timers.first()).isEqualTo(expected);
        assertThat(timers.firstTime()).isEqualTo(reference.get(expected).time());
      }
      assertThat(timers.isSet(id)).isEqualTo(reference.containsKey(id));
    }
  }

  @Test
  void shouldSortAgainstTheEventQueueByTimeThenOrderWhenBothHoldTheSameTime() {
    EventQueue events = new EventQueue(4);
    Timers timers = new Timers(1);
    long first = events.nextOrder(Sim.PRIORITY_NORMAL);
    events.push(5.0, Sim.PRIORITY_NORMAL, 0, 1, 0, 0);
    timers.set(0, 5.0, first);
    assertThat(events.popBefore(timers.firstKeyTime(), timers.firstKeyOrder())).isFalse();
    timers.set(0, 5.0, events.nextOrder(Sim.PRIORITY_NORMAL));
    assertThat(events.popBefore(timers.firstKeyTime(), timers.firstKeyOrder())).isTrue();
    assertThat(events.a()).isEqualTo(1);
    timers.remove(0);
    assertThat(timers.firstKeyTime()).isEqualTo(Long.MAX_VALUE);
    assertThat(events.popBefore(timers.firstKeyTime(), timers.firstKeyOrder())).isFalse(); // empty
  }

  @Test
  void shouldRejectANegativeTimeWhenSet() {
    assertThatThrownBy(() -> new Timers(1).set(0, -1, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("-1.0");
  }
}
