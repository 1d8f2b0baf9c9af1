package io.rehearsal.detector.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rehearsal.store.RedisStore;
import io.rehearsal.store.SnapshotId;
import io.rehearsal.store.StoreConfig;
import io.rehearsal.store.TwinSnapshots;
import io.rehearsal.twin.spec.TwinSpecs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the drift check's twin comes from, on a real embedded redis-server. */
class TwinSourceTest {

  private static final String TWIN =
      """
      name: shop
      services:
        - name: front
          replicas: 1
          workers: 8
          endpoints:
            - name: GET /x
              selfTime: {type: exponential, mean: %s}
      traffic:
        - endpoint: front/GET /x
          arrivals: {type: poisson, rate: 10}
      """;

  @TempDir Path dir;
  private RedisStore store;
  private TwinSnapshots snapshots;
  private Path file;

  @BeforeEach
  void open() {
    store = RedisStore.connect(StoreConfig.defaults().withDataDir(dir.resolve("redis")));
    snapshots = store.twinSnapshots();
    file = dir.resolve("twin.yaml");
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void shouldHaveNoTwinWhenNoneIsSetAndThereIsNoFile() {
    assertThat(new TwinSource(snapshots, file).current()).isEmpty();
  }

  @Test
  void shouldPublishTheFileAsCurrentWhenItAppearsAndAgainWhenItChanges() throws Exception {
    TwinSource source = new TwinSource(snapshots, file);
    write("0.01", 1_000);

    TwinSource.Current first = source.current().orElseThrow();
    write("0.02", 2_000);
    TwinSource.Current second = source.current().orElseThrow();

    assertThat(first.spec().services().get(0).name()).isEqualTo("front");
    assertThat(second.id()).isNotEqualTo(first.id());
    assertThat(snapshots.current()).contains(second.id());
    String stored = new String(snapshots.get(second.id()).orElseThrow(), StandardCharsets.UTF_8);
    assertThat(TwinSpecs.fromJson(stored)).isEqualTo(second.spec());
  }

  @Test
  void shouldKeepTheCurrentTwinWhenTheFileBecomesInvalid() throws Exception {
    TwinSource source = new TwinSource(snapshots, file);
    write("0.01", 1_000);
    SnapshotId good = source.current().orElseThrow().id();

    Files.writeString(file, "services: [{name: front, endpoints: [{name: GET /x}]}]\n");
    Files.setLastModifiedTime(file, FileTime.fromMillis(3_000));

    assertThat(source.current().orElseThrow().id()).isEqualTo(good);
  }

  @Test
  void shouldFailClearlyWhenTheCurrentSnapshotIsNotATwinSpec() {
    SnapshotId junk = snapshots.put("not: [a twin".getBytes(StandardCharsets.UTF_8));
    snapshots.setCurrent(junk);

    assertThatThrownBy(() -> new TwinSource(snapshots, file).current())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(junk.hex())
        .hasMessageContaining("is not a twin spec");
  }

  private void write(String mean, long modifiedMillis) throws Exception {
    Files.writeString(file, TWIN.formatted(mean));
    Files.setLastModifiedTime(file, FileTime.fromMillis(modifiedMillis));
  }
}
