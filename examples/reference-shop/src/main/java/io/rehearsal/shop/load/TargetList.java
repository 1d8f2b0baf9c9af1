package io.rehearsal.shop.load;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The entry replicas the load generator sends to, round robin, as a load balancer in front of the
 * entry service would. Read from a file of base URIs (one per line) that is re-read when it
 * changes, checked at most every {@link #CHECK_NANOS}: a scaled-out entry service is picked up
 * while the load runs. An unreadable or empty file keeps the last list.
 */
final class TargetList implements Supplier<URI> {
  static final long CHECK_NANOS = 250_000_000L;

  private final Path file;
  private final LongSupplier nanoClock;
  private final AtomicInteger next = new AtomicInteger();
  private volatile List<URI> targets;
  private volatile FileTime seen = FileTime.fromMillis(0);
  private volatile long checkedAt;

  private TargetList(Path file, List<URI> initial, LongSupplier nanoClock) {
    this.file = file;
    this.targets = List.copyOf(initial);
    this.nanoClock = nanoClock;
    this.checkedAt = nanoClock.getAsLong();
  }

  /** One fixed target. */
  static TargetList of(URI target) {
    return new TargetList(null, List.of(target), () -> 0);
  }

  /**
   * The targets in {@code file}, re-read when it changes; {@code fallback} until it is readable.
   */
  static TargetList watching(Path file, URI fallback, LongSupplier nanoClock) {
    TargetList list = new TargetList(file, List.of(fallback), nanoClock);
    list.reload();
    return list;
  }

  /** The next target of the round robin. */
  @Override
  public URI get() {
    long now = nanoClock.getAsLong();
    if (file != null && now - checkedAt >= CHECK_NANOS) {
      checkedAt = now;
      reload();
    }
    List<URI> current = targets;
    return current.get(Math.floorMod(next.getAndIncrement(), current.size()));
  }

  /** The current targets. */
  List<URI> targets() {
    return targets;
  }

  private void reload() {
    try {
      FileTime modified = Files.getLastModifiedTime(file);
      if (modified.equals(seen)) {
        return;
      }
      List<URI> read =
          Files.readAllLines(file).stream()
              .map(String::strip)
              .filter(l -> !l.isEmpty() && !l.startsWith("#"))
              .map(URI::create)
              .toList();
      if (!read.isEmpty()) {
        targets = read;
        seen = modified;
      }
    } catch (IOException | IllegalArgumentException e) {
      // a file being rewritten or not there yet: keep sending to the last list
    }
  }
}
