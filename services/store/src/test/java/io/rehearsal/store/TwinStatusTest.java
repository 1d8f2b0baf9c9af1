package io.rehearsal.store;

import static io.rehearsal.store.StoreFixture.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The current twin and stale markings, through {@link TwinSnapshots}, on a real redis-server. */
@ExtendWith(StoreExtension.class)
class TwinStatusTest {

  private static final TwinStaleness SLOW =
      new TwinStaleness(
          "p99_mape 2.1 exceeds the bound 0.5", "p99_mape", 2.1, 0.5, 1_700_000_000_000L);

  private StoreFixture fixture;
  private TwinSnapshots snapshots;

  @BeforeEach
  void open(StoreFixture fixture) {
    this.fixture = fixture;
    snapshots = fixture.store.twinSnapshots();
  }

  @Test
  void shouldHaveNoCurrentTwinWhenNoneWasSet() {
    assertThat(snapshots.current()).isEmpty();
    assertThat(snapshots.events(10)).isEmpty();
  }

  @Test
  void shouldReturnTheLatestCurrentAndAppendEventsWhenSetTwice() {
    SnapshotId first = snapshots.put(bytes("twin v1"));
    SnapshotId second = snapshots.put(bytes("twin v2"));

    snapshots.setCurrent(first);
    snapshots.setCurrent(second);

    assertThat(snapshots.current()).contains(second);
    List<TwinEvent> events = snapshots.events(10);
    assertThat(events)
        .extracting(TwinEvent::kind)
        .containsExactly(TwinEvent.Kind.CURRENT, TwinEvent.Kind.CURRENT);
    assertThat(events).extracting(TwinEvent::snapshot).containsExactly(second, first);
  }

  @Test
  void shouldRefuseCurrentWhenSnapshotIsNotStored() {
    SnapshotId unknown = SnapshotId.of(bytes("never stored"));

    assertThatThrownBy(() -> snapshots.setCurrent(unknown))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(unknown.hex());
    assertThat(snapshots.current()).isEmpty();
  }

  @Test
  void shouldKeepStalenessAndAppendOneEventWhenMarkedStale() {
    SnapshotId id = snapshots.put(bytes("twin"));
    assertThat(snapshots.staleness(id)).isEmpty();

    boolean marked = snapshots.markStale(id, SLOW);

    assertThat(marked).isTrue();
    assertThat(snapshots.staleness(id)).contains(SLOW);
    TwinEvent event = snapshots.events(1).get(0);
    assertThat(event.kind()).isEqualTo(TwinEvent.Kind.STALE);
    assertThat(event.snapshot()).isEqualTo(id);
    assertThat(event.staleness()).contains(SLOW);
    assertThat(fixture.raw().hget(bytes("rehearsal:{twin}:status:" + id), bytes("stale")))
        .isEqualTo(bytes("1"));
  }

  @Test
  void shouldKeepTheFirstReasonAndAppendNothingWhenMarkedStaleAgain() {
    SnapshotId id = snapshots.put(bytes("twin"));
    snapshots.markStale(id, SLOW);
    TwinStaleness later =
        new TwinStaleness("p99_mape 3.0 exceeds 0.5", "p99_mape", 3.0, 0.5, 1_700_000_060_000L);

    boolean marked = snapshots.markStale(id, later);

    assertThat(marked).isFalse();
    assertThat(snapshots.staleness(id)).contains(SLOW);
    assertThat(snapshots.events(10)).hasSize(1);
  }

  @Test
  void shouldLeaveOtherSnapshotsFreshWhenOneIsMarkedStale() {
    SnapshotId old = snapshots.put(bytes("twin v1"));
    SnapshotId recalibrated = snapshots.put(bytes("twin v2"));

    snapshots.markStale(old, SLOW);

    assertThat(snapshots.staleness(recalibrated)).isEmpty();
  }

  @Test
  void shouldFailLoudlyWhenAStoredStalenessIsMalformed() {
    SnapshotId id = snapshots.put(bytes("twin"));
    fixture.raw().hset(bytes("rehearsal:{twin}:status:" + id), bytes("stale"), bytes("1"));

    assertThatThrownBy(() -> snapshots.staleness(id))
        .isInstanceOf(StoreIntegrityException.class)
        .hasMessageContaining(id.hex());
  }

  @Test
  void shouldRejectStalenessWhenMetricHasSpaces() {
    assertThatThrownBy(() -> new TwinStaleness("r", "p99 mape", 1, 0.5, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'p99 mape'");
  }
}
