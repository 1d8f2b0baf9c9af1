package io.rehearsal.otlp;

import java.util.ArrayList;
import java.util.List;

/** Counts rejected items and keeps the first few reasons. */
final class Rejections {

  private final List<String> reasons = new ArrayList<>(Mapped.MAX_REASONS);
  private long count;
  private long unexplained;

  /** One item rejected. */
  void reject(String path, String reason) {
    reject(1, path, reason);
  }

  /** {@code items} items rejected for one reason (e.g. a resource without service.name). */
  void reject(long items, String path, String reason) {
    if (items <= 0) {
      return;
    }
    count += items;
    if (reasons.size() < Mapped.MAX_REASONS) {
      reasons.add(path + ": " + reason);
    } else {
      unexplained += items;
    }
  }

  <T> Mapped<T> result(List<T> accepted) {
    return new Mapped<>(accepted, count, reasons, unexplained);
  }
}
