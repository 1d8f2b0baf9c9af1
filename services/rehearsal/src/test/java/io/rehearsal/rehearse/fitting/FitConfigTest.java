package io.rehearsal.rehearse.fitting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FitConfigTest {
  @Test
  void shouldUseOneReplicationWhenBuiltWithTheShortConstructor() {
    assertThat(new FitConfig(30, 7, 3, 5, 2).replications()).isEqualTo(1);
    assertThat(FitConfig.of(7, 2).withReplications(3).replications()).isEqualTo(3);
  }

  @Test
  void shouldNameTheBadValueWhenReplicationsIsZero() {
    assertThatThrownBy(() -> new FitConfig(30, 7, 3, 5, 2, 0))
        .hasMessage("replications must be >= 1, but was 0");
  }
}
