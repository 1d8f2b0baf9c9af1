package io.rehearsal.detector.drift;

import io.rehearsal.store.SnapshotId;
import io.rehearsal.store.TwinSnapshots;
import io.rehearsal.twin.spec.InvalidSpecException;
import io.rehearsal.twin.spec.TwinSpec;
import io.rehearsal.twin.spec.TwinSpecs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Objects;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The environment's current twin: the snapshot the store names current, parsed once per snapshot. A
 * twin spec file, when configured and present, is published first whenever it changes: stored as a
 * snapshot (canonical bytes: the spec as {@link TwinSpecs#toJson} writes it) and made current.
 */
final class TwinSource {

  private static final Logger LOG = Logger.getLogger(TwinSource.class);

  /** The current twin and its snapshot id. */
  record Current(SnapshotId id, TwinSpec spec) {}

  private final TwinSnapshots snapshots;
  private final Path twinFile;
  private FileTime publishedModified;
  private Current cached;

  TwinSource(TwinSnapshots snapshots, Path twinFile) {
    this.snapshots = snapshots;
    this.twinFile = twinFile;
  }

  /**
   * The current twin, or empty when none is set.
   *
   * @throws IllegalStateException if the current snapshot is missing or is not a valid twin spec
   */
  Optional<Current> current() {
    publishIfChanged();
    Optional<SnapshotId> id = snapshots.current();
    if (id.isEmpty()) {
      return Optional.empty();
    }
    if (cached == null || !cached.id().equals(id.get())) {
      cached = new Current(id.get(), load(id.get()));
    }
    return Optional.of(cached);
  }

  private TwinSpec load(SnapshotId id) {
    byte[] bytes =
        snapshots
            .get(id)
            .orElseThrow(
                () -> new IllegalStateException("current twin snapshot " + id + " is not stored"));
    try {
      return TwinSpecs.fromYaml(new String(bytes, StandardCharsets.UTF_8));
    } catch (InvalidSpecException e) {
      throw new IllegalStateException(
          "current twin snapshot " + id + " is not a twin spec: " + e.getMessage(), e);
    }
  }

  /** Publishes the twin file when its modification time changed since the last look. */
  private void publishIfChanged() {
    if (!Files.isRegularFile(twinFile)) {
      return;
    }
    try {
      FileTime modified = Files.getLastModifiedTime(twinFile);
      if (Objects.equals(modified, publishedModified)) {
        return;
      }
      publishedModified = modified;
      TwinSpec spec = TwinSpecs.read(twinFile);
      SnapshotId id = snapshots.put(TwinSpecs.toJson(spec).getBytes(StandardCharsets.UTF_8));
      if (!snapshots.current().equals(Optional.of(id))) {
        snapshots.setCurrent(id);
        LOG.infof("Twin %s (%s) is now the current twin", twinFile, id);
      }
    } catch (IOException | RuntimeException e) {
      LOG.warnf(
          "Cannot publish the twin file %s, keeping the current twin: %s",
          twinFile, e.getMessage());
    }
  }
}
