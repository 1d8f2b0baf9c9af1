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
  void shouldDependOnOrderWhenTheSameFactsAreListedDifferently() {
    assertThat(FactHash.of(new long[] {1, 2})).isNotEqualTo(FactHash.of(new long[] {2, 1}));
  }
}
