package io.rehearsal.twin.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.rehearsal.twin.random.RandomStream;
import java.util.PriorityQueue;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LongHeap4Test {

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3})
  void shouldPopTheSmallestValueWhenPushesAndPopsInterleave(long seed) {
    RandomStream r = new RandomStream(seed);
    LongHeap4 heap = new LongHeap4(2);
    PriorityQueue<Long> reference = new PriorityQueue<>();
    for (int i = 0; i < 50_000; i++) {
      if (reference.isEmpty() || r.nextBoolean(0.55)) {
        long v = r.nextLong() >>> 20;
        heap.push(v);
        reference.add(v);
      } else {
        assertThat(heap.pop()).isEqualTo(reference.poll());
      }
      assertThat(heap.size()).isEqualTo(reference.size());
    }
  }
}
