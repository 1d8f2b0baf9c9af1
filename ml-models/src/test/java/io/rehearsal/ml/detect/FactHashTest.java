package io.rehearsal.ml.detect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FactHashTest {

  @Test
  void shouldGiveCPython27TupleHashesWhenHashingFacts() {
    // hash(()) and hash((1, 2)) in CPython 2.7 on 64-bit Linux.
    assertThat(FactHash.of(new long[0])).isEqualTo(3_527_539L);
    assertThat(FactHash.of(new long[] {1, 2})).isEqualTo(3_713_081_631_934_410_656L);
  }

  @Test
  void shouldNameASubsetAsItsCopyWhenGivenItsPositions() {
    long[] facts = {65_536, 65_539, 65_540, (1L << 31) + 7, (1L << 31) + 90, -1};
    for (long positions = 0; positions < 1L << facts.length; positions++) {
      long[] copy = new long[Long.bitCount(positions)];
      int k = 0;
      for (int i = 0; i < facts.length; i++) {
        if ((positions & (1L << i)) != 0) {
          copy[k++] = facts[i];
        }
      }
      assertThat(FactHash.ofSubset(facts, positions))
          .as("positions %s", positions)
          .isEqualTo(FactHash.of(copy));
    }
    assertThat(FactHash.of(facts, 3)).isEqualTo(FactHash.of(new long[] {65_536, 65_539, 65_540}));
  }

  @Test
  void shouldDependOnOrderWhenTheSameFactsAreListedDifferently() {
    assertThat(FactHash.of(new long[] {1, 2})).isNotEqualTo(FactHash.of(new long[] {2, 1}));
  }
}
