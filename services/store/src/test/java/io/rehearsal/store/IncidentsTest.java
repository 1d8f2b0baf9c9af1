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

class IncidentsTest {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  @TempDir Path dir;
  private StoreFixture fixture;
  private Incidents incidents;

  @BeforeEach
  void open() {
    fixture = StoreFixture.open(dir, config -> config.withRecentLimit(3));
    incidents = fixture.store.incidents();
  }

  @AfterEach
  void close() {
    fixture.close();
  }

  @Test
  void shouldStoreAndReadBackWhenPut() {
    assertThat(incidents.put("inc-1", bytes("checkout slow"), T0)).isEqualTo(PutResult.CREATED);

    assertThat(incidents.get("inc-1"))
        .hasValueSatisfying(v -> assertThat(v).isEqualTo(bytes("checkout slow")));
    assertThat(incidents.get("inc-2")).isEmpty();
  }

  @Test
  void shouldAnswerUnchangedWhenSameBytesArePutAgain() {
    incidents.put("inc-1", bytes("a"), T0);

    assertThat(incidents.put("inc-1", bytes("a"), T0)).isEqualTo(PutResult.UNCHANGED);
    assertThat(incidents.size()).isEqualTo(1);
  }

  @Test
  void shouldKeepOriginalAndAnswerConflictWhenOtherBytesArePutUnderSameId() {
    incidents.put("inc-1", bytes("original"), T0);

    assertThat(incidents.put("inc-1", bytes("other"), T0.plusSeconds(5)))
        .isEqualTo(PutResult.CONFLICT);
    assertThat(incidents.get("inc-1"))
        .hasValueSatisfying(v -> assertThat(v).isEqualTo(bytes("original")));
    assertThat(incidents.recent(10)).containsExactly("inc-1");
  }

  @Test
  void shouldListNewestFirstByCallerTimestampWhenPutOutOfOrder() {
    incidents.put("b", bytes("b"), T0.plusSeconds(20));
    incidents.put("a", bytes("a"), T0.plusSeconds(10));
    incidents.put("c", bytes("c"), T0.plusSeconds(30));

    assertThat(incidents.recent(10)).containsExactly("c", "b", "a");
    assertThat(incidents.recent(2)).containsExactly("c", "b");
  }

  @Test
  void shouldDeleteOldestWhenMoreThanRecentLimitArePut() {
    for (int i = 1; i <= 5; i++) {
      incidents.put("inc-" + i, bytes("incident " + i), T0.plusSeconds(i));
    }

    assertThat(incidents.size()).isEqualTo(3);
    assertThat(incidents.recent(10)).containsExactly("inc-5", "inc-4", "inc-3");
    assertThat(incidents.get("inc-1")).isEmpty();
    assertThat(incidents.get("inc-2")).isEmpty();
    assertThat(fixture.raw().keys(bytes("rehearsal:{incidents}:item:*"))).hasSize(3);
  }

  @Test
  void shouldRejectIdWhenItCouldBreakTheKeyLayout() {
    assertThatThrownBy(() -> incidents.put("a b", bytes("x"), T0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("incidents id")
        .hasMessageContaining("'a b'");
    assertThatThrownBy(() -> incidents.get("{x}")).hasMessageContaining("'{x}'");
    assertThatThrownBy(() -> incidents.recent(0)).hasMessageContaining("but was 0");
  }
}
