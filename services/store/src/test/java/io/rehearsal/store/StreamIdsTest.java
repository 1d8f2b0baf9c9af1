package io.rehearsal.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StreamIdsTest {

  @ParameterizedTest
  @CsvSource({
    "1-0, 1-0, 0",
    "1-1, 1-0, 1",
    "9-0, 10-0, -1",
    "10-2, 10-10, -1",
    "5, 5-0, 0",
    "18446744073709551615-0, 1-0, 1"
  })
  void shouldOrderByTimeThenSequenceWhenComparingIds(String a, String b, int expectedSign) {
    assertThat(Integer.signum(StreamIds.compare(a, b))).isEqualTo(expectedSign);
  }
}
