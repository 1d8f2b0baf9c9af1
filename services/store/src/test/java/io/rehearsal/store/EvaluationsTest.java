package io.rehearsal.store;

import static io.rehearsal.store.StoreFixture.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluationsTest {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  @TempDir Path dir;
  private StoreFixture fixture;
  private Evaluations evaluations;

  @BeforeEach
  void open() {
    fixture = StoreFixture.open(dir, config -> config.withRecentLimit(3));
    evaluations = fixture.store.evaluations();
  }

  @AfterEach
  void close() {
    fixture.close();
  }

  @Test
  void shouldStoreAndReadBackWhenPut() {
    assertThat(evaluations.put("ev-1", bytes("checkout slow"), T0)).isEqualTo(PutResult.CREATED);

    assertThat(evaluations.get("ev-1"))
        .hasValueSatisfying(v -> assertThat(v).isEqualTo(bytes("checkout slow")));
    assertThat(evaluations.get("ev-2")).isEmpty();
  }

  @Test
  void shouldAnswerUnchangedWhenSameBytesArePutAgain() {
    evaluations.put("ev-1", bytes("a"), T0);

    assertThat(evaluations.put("ev-1", bytes("a"), T0)).isEqualTo(PutResult.UNCHANGED);
    assertThat(evaluations.size()).isEqualTo(1);
  }

  @Test
  void shouldKeepOriginalAndAnswerConflictWhenOtherBytesArePutUnderSameId() {
    evaluations.put("ev-1", bytes("original"), T0);

    assertThat(evaluations.put("ev-1", bytes("other"), T0.plusSeconds(5)))
        .isEqualTo(PutResult.CONFLICT);
    assertThat(evaluations.get("ev-1"))
        .hasValueSatisfying(v -> assertThat(v).isEqualTo(bytes("original")));
    assertThat(evaluations.recent(10)).containsExactly("ev-1");
  }

  @Test
  void shouldListNewestFirstByCallerTimestampWhenPutOutOfOrder() {
    evaluations.put("b", bytes("b"), T0.plusSeconds(20));
    evaluations.put("a", bytes("a"), T0.plusSeconds(10));
    evaluations.put("c", bytes("c"), T0.plusSeconds(30));

    assertThat(evaluations.recent(10)).containsExactly("c", "b", "a");
    assertThat(evaluations.recent(2)).containsExactly("c", "b");
  }

  @Test
  void shouldDeleteOldestWhenMoreThanRecentLimitArePut() {
    for (int i = 1; i <= 5; i++) {
      evaluations.put("ev-" + i, bytes("evaluation " + i), T0.plusSeconds(i));
    }

    assertThat(evaluations.size()).isEqualTo(3);
    assertThat(evaluations.recent(10)).containsExactly("ev-5", "ev-4", "ev-3");
    assertThat(evaluations.get("ev-1")).isEmpty();
    assertThat(evaluations.get("ev-2")).isEmpty();
    assertThat(fixture.raw().keys(bytes("rehearsal:{evaluations}:item:*"))).hasSize(3);
  }

  @Test
  void shouldRejectIdWhenItCouldBreakTheKeyLayout() {
    assertThatThrownBy(() -> evaluations.put("a b", bytes("x"), T0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("evaluations id")
        .hasMessageContaining("'a b'");
    assertThatThrownBy(() -> evaluations.get("{x}")).hasMessageContaining("'{x}'");
    assertThatThrownBy(() -> evaluations.recent(0)).hasMessageContaining("but was 0");
  }
}
