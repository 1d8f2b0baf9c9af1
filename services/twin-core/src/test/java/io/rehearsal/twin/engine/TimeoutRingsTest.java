package io.rehearsal.twin.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TimeoutRingsTest {
  private final Timers timers = new Timers(3);
  private final TimeoutRings rings = new TimeoutRings(2, timers, 1);
  private final int[] live = new int[256];

  @Test
  void shouldArmTheTimerForTheFirstEntryOnlyWhenEntriesQueueUp() {
    assertThat(rings.add(0, 5, 1, 2.0, 10)).isTrue();
    assertThat(rings.add(0, 6, 1, 3.0, 11)).isTrue();
    assertThat(timers.first()).isEqualTo(1);
    assertThat(timers.firstTime()).isEqualTo(2.0);
    assertThat(rings.callOf(timers.first())).isZero();
    assertThat(rings.headSlot(0)).isEqualTo(5);
  }

  @Test
  void shouldSkipAnsweredCallsWhenTheHeadAdvances() {
    for (int i = 0; i < 40; i++) {
      live[i] = 1;
      rings.add(1, i, 1, 10 + i, i);
    }
    for (int i = 1; i < 39; i++) {
      live[i] = 2; // answered: the slot's token moved on
    }
    rings.advance(1, live);
    assertThat(rings.headSlot(1)).isEqualTo(39);
    assertThat(timers.firstTime()).isEqualTo(49.0);
    rings.advance(1, live);
    assertThat(timers.isSet(2)).isFalse();
  }

  @Test
  void shouldKeepTheOrderWhenTheRingGrowsAfterWrappingAround() {
    for (int i = 0; i < 6; i++) {
      live[i] = 1;
      rings.add(0, i, 1, i, i);
    }
    for (int i = 0; i < 5; i++) {
      rings.advance(0, live); // head now in the middle of the ring
    }
    for (int i = 0; i < 20; i++) {
      live[100 + i] = 1;
      rings.add(0, 100 + i, 1, 10 + i, 100 + i); // wraps around, then grows twice
    }
    for (int i = 0; i <= 20; i++) {
      assertThat(rings.headSlot(0)).isEqualTo(i == 0 ? 5 : 99 + i);
      rings.advance(0, live);
    }
    assertThat(timers.isSet(1)).isFalse();
  }

  @Test
  void shouldRefuseAnEntryWhenItsDeadlineComesBeforeTheLastOne() {
    rings.add(0, 1, 1, 5.0, 1);
    assertThat(rings.add(0, 2, 1, 4.0, 2)).isFalse();
    assertThat(rings.add(0, 3, 1, 5.0, 3)).isTrue();
  }
}
