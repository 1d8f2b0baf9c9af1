package io.rehearsal.store;

import static io.rehearsal.store.StoreFixture.bytes;
import static org.assertj.core.api.Assertions.assertThat;

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
    fixture = StoreFixture.open(dir, config -> config.withRecentLimit(2));
    evaluations = fixture.store.evaluations();
  }

  @AfterEach
  void close() {
    fixture.close();
  }

  @Test
  void shouldBeIdempotentWhenTheSamePutIsResent() {
    assertThat(evaluations.put("ev-1", bytes("result"), T0)).isEqualTo(PutResult.CREATED);
    assertThat(evaluations.put("ev-1", bytes("result"), T0)).isEqualTo(PutResult.UNCHANGED);
    assertThat(evaluations.put("ev-1", bytes("changed"), T0)).isEqualTo(PutResult.CONFLICT);

    assertThat(evaluations.get("ev-1"))
        .hasValueSatisfying(v -> assertThat(v).isEqualTo(bytes("result")));
  }

  @Test
  void shouldRetainOnlyNewestWhenLimitIsExceeded() {
    evaluations.put("ev-1", bytes("1"), T0.plusSeconds(1));
    evaluations.put("ev-2", bytes("2"), T0.plusSeconds(2));
    evaluations.put("ev-3", bytes("3"), T0.plusSeconds(3));

    assertThat(evaluations.recent(5)).containsExactly("ev-3", "ev-2");
    assertThat(evaluations.get("ev-1")).isEmpty();
  }

  @Test
  void shouldKeepEvaluationsApartFromIncidentsWhenIdsAreEqual() {
    fixture.store.incidents().put("same-id", bytes("incident"), T0);
    evaluations.put("same-id", bytes("evaluation"), T0);

    assertThat(evaluations.get("same-id"))
        .hasValueSatisfying(v -> assertThat(v).isEqualTo(bytes("evaluation")));
    assertThat(fixture.store.incidents().get("same-id"))
        .hasValueSatisfying(v -> assertThat(v).isEqualTo(bytes("incident")));
    assertThat(evaluations.size()).isEqualTo(1);
  }
}
