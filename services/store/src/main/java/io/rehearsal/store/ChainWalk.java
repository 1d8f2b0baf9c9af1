package io.rehearsal.store;

import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import java.util.List;
import java.util.Optional;

/**
 * One pass of {@link AuditLog#verifyChain()}: pages through the stream, checking every link, then
 * checks the stored head. Appends running concurrently are tolerated: the head is read before the
 * walk (that entry must be found, with that hash) and after it (no entry may lie beyond the head,
 * which only a write bypassing the append script can cause).
 */
final class ChainWalk {

  private final AuditLog log;
  private final AuditKey key;
  private String expectedPrev = AuditLog.GENESIS_HASH;
  private String lastId;
  private long entries;
  private boolean sawHead;

  ChainWalk(AuditLog log, AuditKey key) {
    this.log = log;
    this.key = key;
  }

  ChainVerification run() {
    Optional<AuditLog.Head> headBefore = log.storedHead();
    for (List<StreamMessage<byte[], byte[]>> page = nextPage(); ; page = nextPage()) {
      for (StreamMessage<byte[], byte[]> message : page) {
        Optional<ChainVerification.Broken> broken = check(message, headBefore);
        if (broken.isPresent()) {
          return broken.get();
        }
      }
      if (page.size() < AuditLog.pageSize()) {
        break;
      }
    }
    return finish(headBefore);
  }

  private List<StreamMessage<byte[], byte[]>> nextPage() {
    Range<String> range =
        lastId == null
            ? Range.create("-", "+")
            : Range.from(Range.Boundary.excluding(lastId), Range.Boundary.unbounded());
    return log.range(range, AuditLog.pageSize());
  }

  private Optional<ChainVerification.Broken> check(
      StreamMessage<byte[], byte[]> message, Optional<AuditLog.Head> head) {
    AuditEntry entry;
    try {
      entry = AuditLog.parse(message);
    } catch (StoreIntegrityException e) {
      return broken(message.getId(), e.getMessage());
    }
    if (!entry.prevHash().equals(expectedPrev)) {
      return broken(
          entry.id(),
          "previous hash is "
              + entry.prevHash()
              + " but the entry before has hash "
              + expectedPrev);
    }
    if (!entry.hashMatches(key)) {
      return broken(
          entry.id(),
          "hash is "
              + entry.hash()
              + " but HMAC-SHA256(key "
              + key.fingerprint()
              + ", prev || payload) is "
              + key.chainHash(entry.prevHash(), entry.payload()));
    }
    if (head.isPresent() && head.get().id().equals(entry.id())) {
      if (!head.get().hash().equals(entry.hash())) {
        return broken(entry.id(), "the head says hash " + head.get().hash() + " for this entry");
      }
      sawHead = true;
    }
    expectedPrev = entry.hash();
    lastId = entry.id();
    entries++;
    return Optional.empty();
  }

  private ChainVerification finish(Optional<AuditLog.Head> headBefore) {
    if (headBefore.isPresent() && !sawHead) {
      return new ChainVerification.Broken(
          headBefore.get().id(), "the head names this entry but the stream does not contain it");
    }
    if (entries == 0) {
      return new ChainVerification.Intact(0, AuditLog.GENESIS_HASH);
    }
    Optional<AuditLog.Head> headAfter = log.storedHead();
    String headId = headAfter.map(AuditLog.Head::id).orElse("0-0");
    if (StreamIds.compare(lastId, headId) > 0) {
      String beyond = firstAfter(headId);
      return new ChainVerification.Broken(
          beyond, "the entry lies beyond the head " + headId + ": it was not appended by the log");
    }
    return new ChainVerification.Intact(entries, expectedPrev);
  }

  private String firstAfter(String id) {
    return log.range(Range.from(Range.Boundary.excluding(id), Range.Boundary.unbounded()), 1)
        .get(0)
        .getId();
  }

  private static Optional<ChainVerification.Broken> broken(String id, String reason) {
    return Optional.of(new ChainVerification.Broken(id, reason));
  }
}
