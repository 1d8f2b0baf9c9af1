package io.rehearsal.store;

import static io.rehearsal.store.StoreFixture.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(StoreExtension.class)
class TwinSnapshotsTest {

  private StoreFixture fixture;
  private TwinSnapshots snapshots;

  @BeforeEach
  void open(StoreFixture fixture) {
    this.fixture = fixture;
    snapshots = fixture.store.twinSnapshots();
  }

  @Test
  void shouldReturnSha256OfBytesWhenPut() throws Exception {
    byte[] spec = bytes("twin spec v1");

    SnapshotId id = snapshots.put(spec);

    String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(spec));
    assertThat(id.hex()).isEqualTo(expected);
    assertThat(snapshots.get(id)).hasValueSatisfying(v -> assertThat(v).isEqualTo(spec));
    assertThat(snapshots.contains(id)).isTrue();
  }

  @Test
  void shouldReturnSameIdAndStoreOnceWhenSameBytesArePutTwice() {
    SnapshotId first = snapshots.put(bytes("same"));
    SnapshotId second = snapshots.put(bytes("same"));

    assertThat(second).isEqualTo(first);
    assertThat(fixture.raw().keys(bytes("rehearsal:snapshot:*"))).hasSize(1);
  }

  @Test
  void shouldReturnEmptyWhenIdIsUnknown() {
    assertThat(snapshots.get(SnapshotId.of(bytes("never stored")))).isEmpty();
  }

  @Test
  void shouldRefuseToReplaceWhenOtherBytesAreStoredUnderTheId() {
    SnapshotId id = SnapshotId.of(bytes("original"));
    fixture.raw().set(bytes("rehearsal:snapshot:" + id), bytes("forged"));

    assertThatThrownBy(() -> snapshots.put(bytes("original")))
        .isInstanceOf(StoreIntegrityException.class)
        .hasMessageContaining(id.hex());
    assertThat(fixture.raw().get(bytes("rehearsal:snapshot:" + id))).isEqualTo(bytes("forged"));
  }

  @Test
  void shouldDetectCorruptionWhenStoredBytesDoNotHashToId() {
    SnapshotId id = snapshots.put(bytes("original"));
    fixture.raw().set(bytes("rehearsal:snapshot:" + id), bytes("tampered"));

    assertThatThrownBy(() -> snapshots.get(id))
        .isInstanceOf(StoreIntegrityException.class)
        .hasMessageContaining("corrupted")
        .hasMessageContaining(SnapshotId.of(bytes("tampered")).hex());
  }

  @Test
  void shouldRejectIdWhenNotASha256() {
    assertThatThrownBy(() -> new SnapshotId("ABC"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'ABC'");
  }
}
