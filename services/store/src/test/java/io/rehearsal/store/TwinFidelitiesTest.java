package io.rehearsal.store;

import static io.rehearsal.store.StoreFixture.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Drift measurements and first-stored times, through {@link TwinSnapshots}, on a real server. */
@ExtendWith(StoreExtension.class)
class TwinFidelitiesTest {

  private static final TwinFidelityRecord CLOSE =
      new TwinFidelityRecord(0.04, 0.08, 0.01, 0.002, 1_700_000_000_000L);
  private static final TwinFidelityRecord SLOW =
      new TwinFidelityRecord(1.9, 2.1, Double.NaN, 0.03, 1_700_000_060_000L);

  private StoreFixture fixture;
  private TwinSnapshots snapshots;

  @BeforeEach
  void open(StoreFixture fixture) {
    this.fixture = fixture;
    snapshots = fixture.store.twinSnapshots();
  }

  @Test
  void shouldHaveNoFidelityWhenNoneWasRecorded() {
    SnapshotId id = snapshots.put(bytes("twin"));

    assertThat(snapshots.fidelity(id)).isEmpty();
  }

  @Test
  void shouldReturnTheLatestMeasurementWhenRecordedTwice() {
    SnapshotId id = snapshots.put(bytes("twin"));

    snapshots.recordFidelity(id, CLOSE);
    snapshots.recordFidelity(id, SLOW);

    assertThat(snapshots.fidelity(id)).contains(SLOW);
    assertThat(snapshots.fidelity(id).orElseThrow().throughputMape()).isNaN();
    assertThat(snapshots.fidelity(snapshots.put(bytes("other twin")))).isEmpty();
  }

  @Test
  void shouldWriteInOneHsetWhenRecording() {
    SnapshotId id = snapshots.put(bytes("twin"));
    fixture.raw().configResetstat();

    snapshots.recordFidelity(id, CLOSE);

    List<String> commands =
        fixture.raw().info("commandstats").lines().filter(l -> l.startsWith("cmdstat_")).toList();
    assertThat(commands)
        .filteredOn(l -> !l.startsWith("cmdstat_config:") && !l.startsWith("cmdstat_info:"))
        .singleElement()
        .satisfies(l -> assertThat(l).startsWith("cmdstat_hset:calls=1,"));
  }

  @Test
  void shouldNeitherMarkNorClearStalenessWhenRecording() {
    SnapshotId id = snapshots.put(bytes("twin"));
    snapshots.recordFidelity(id, CLOSE);
    assertThat(snapshots.staleness(id)).isEmpty();
    assertThat(fixture.raw().exists(bytes("rehearsal:{twin}:status:" + id))).isZero();
    TwinStaleness stale = new TwinStaleness("p99_mape 2.1 over 0.4", "p99_mape", 2.1, 0.4, 1L);
    snapshots.markStale(id, stale);

    snapshots.recordFidelity(id, SLOW);

    assertThat(snapshots.staleness(id)).contains(stale);
    assertThat(snapshots.fidelity(id)).contains(SLOW);
    assertThat(snapshots.events(10)).hasSize(1);
  }

  @Test
  void shouldRecordTheServerTimeWhenFirstStoredAndKeepItWhenPutAgain() throws Exception {
    long before = serverMillis();
    SnapshotId id = snapshots.put(bytes("twin"));
    long after = serverMillis();
    long storedAt = snapshots.storedAt(id).orElseThrow();
    Thread.sleep(5);

    SnapshotId again = snapshots.put(bytes("twin"));

    assertThat(again).isEqualTo(id).isEqualTo(SnapshotId.of(bytes("twin")));
    assertThat(storedAt).isBetween(before, after);
    assertThat(snapshots.storedAt(id)).hasValue(storedAt);
  }

  @Test
  void shouldHaveNoStoredTimeWhenStoredBehindTheStoresBack() {
    SnapshotId id = SnapshotId.of(bytes("legacy twin"));
    fixture.raw().set(bytes("rehearsal:snapshot:" + id), bytes("legacy twin"));

    assertThat(snapshots.contains(id)).isTrue();
    assertThat(snapshots.storedAt(id)).isEmpty();
    snapshots.put(bytes("legacy twin"));
    assertThat(snapshots.storedAt(id)).isEmpty();
  }

  @Test
  void shouldFailLoudlyWhenAStoredMeasurementIsMalformed() {
    SnapshotId id = snapshots.put(bytes("twin"));
    fixture.raw().hset(bytes("rehearsal:{twin}:fidelity:" + id), bytes("p99_mape"), bytes("x"));

    assertThatThrownBy(() -> snapshots.fidelity(id))
        .isInstanceOf(StoreIntegrityException.class)
        .hasMessageContaining(id.hex());
  }

  @Test
  void shouldRejectRecordWhenAMeasureIsNegative() {
    assertThatThrownBy(() -> new TwinFidelityRecord(0.1, -0.2, 0, 0, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("p99Mape")
        .hasMessageContaining("-0.2");
  }

  private long serverMillis() {
    List<byte[]> time = fixture.raw().time();
    return Long.parseLong(StoreFixture.text(time.get(0))) * 1000
        + Long.parseLong(StoreFixture.text(time.get(1))) / 1000;
  }
}
