package io.rehearsal.ml.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CadOseTest {

  private static final int[] CYCLE = {0, 2, 5, 7, 5, 2};

  @Test
  void shouldScoreZeroWhenARepeatedCycleIsPredicted() {
    CadOse cad = new CadOse(10);
    learnCycles(cad, 30);
    for (int i = 0; i < CYCLE.length; i++) {
      assertThat(cad.score(CYCLE[i])).as("step %d of the cycle", i).isZero();
    }
  }

  @Test
  void shouldScoreHighWhenALevelBreaksALongRepeatedCycle() {
    CadOse cad = new CadOse(10);
    learnCycles(cad, 30);
    double news = cad.score(3); // never seen after 0
    assertThat(news).isGreaterThanOrEqualTo(CadOse.BASE_THRESHOLD);
  }

  @Test
  void shouldStayQuietForTheRestPeriodWhenAScoreReachedTheBaseThreshold() {
    CadOse cad = new CadOse(20);
    learnCycles(cad, 30);
    assertThat(cad.score(3)).isGreaterThanOrEqualTo(CadOse.BASE_THRESHOLD);
    for (int i = 0; i < 19; i++) {
      assertThat(cad.score(i % 2 == 0 ? 6 : 1)).as("rest step %d", i).isZero();
    }
  }

  @Test
  void shouldRefuseWhenTheRestPeriodIsBelowOne() {
    assertThatThrownBy(() -> new CadOse(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("restPeriod must be at least 1, but was 0");
  }

  private static void learnCycles(CadOse cad, int cycles) {
    for (int c = 0; c < cycles; c++) {
      for (int level : CYCLE) {
        cad.score(level);
      }
    }
  }
}
