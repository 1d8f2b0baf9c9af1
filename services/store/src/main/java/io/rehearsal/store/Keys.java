package io.rehearsal.store;

import java.nio.charset.StandardCharsets;

/**
 * The Redis key layout, in one place. Keys that one script touches together share a hash tag
 * ({@code {...}}), so the layout also works on Redis Cluster, where a script's keys must live in
 * one slot.
 *
 * <pre>
 * PREFIX snapshot:SHA256                 twin snapshot bytes
 * PREFIX {evaluations}:item:ID           evaluation bytes
 * PREFIX {evaluations}:recent            sorted set id by caller timestamp
 * PREFIX {decision:ID}                   hash: rev, data
 * PREFIX {decision:ID}:writes            list of "token revision" of the last writes
 * PREFIX {audit}:stream                  stream: key, payload, prev, hash
 * PREFIX {audit}:head                    hash: hash, id of the last entry, key fingerprint
 * PREFIX {audit}:keys                    hash: idempotency key to entry id
 * PREFIX {ratelimit}:SCOPE               hash: tokens, at (a token bucket; expires when full)
 * PREFIX {telemetry}:windows             stream: start, window; entry id = window start ms
 * PREFIX {jobs:Q}:stream                 stream: batch, job, payload; consumer group "workers"
 * PREFIX {jobs:Q}:plan:B                 batch B's plan bytes (with a time to live)
 * PREFIX {jobs:Q}:results:B              hash: job id to result bytes
 * PREFIX {jobs:Q}:failures:B             hash: job id to failure message
 * PREFIX {jobs:Q}:done:B                 stream: job (one entry per finished job, a wake-up)
 * PREFIX {twin}:current                  id of the environment's current twin snapshot
 * PREFIX {twin}:status:SHA256            hash: stale, reason, metric, measured, bound, at
 * PREFIX {twin}:events                   stream: event, snapshot, (staleness fields)
 * PREFIX {twin}:fidelity:SHA256          hash: p50_mape, p99_mape, throughput_mape,
 *                                        error_rate_abs_diff, at (the latest drift measurement)
 * PREFIX {twin}:stored-at:SHA256         epoch ms (server clock) the snapshot was first stored
 * </pre>
 */
final class Keys {

  private final String prefix;

  Keys(String prefix) {
    this.prefix = prefix;
  }

  byte[] snapshot(SnapshotId id) {
    return bytes("snapshot:" + id.hex());
  }

  String itemPrefix(String family) {
    return prefix + "{" + family + "}:item:";
  }

  byte[] item(String family, String id) {
    return utf8(itemPrefix(family) + id);
  }

  byte[] recent(String family) {
    return bytes("{" + family + "}:recent");
  }

  byte[] decision(String id) {
    return bytes("{decision:" + id + "}");
  }

  byte[] decisionWrites(String id) {
    return bytes("{decision:" + id + "}:writes");
  }

  byte[] telemetryWindows() {
    return bytes("{telemetry}:windows");
  }

  byte[] jobs(String queue, String part) {
    return bytes("{jobs:" + queue + "}:" + part);
  }

  byte[] twinCurrent() {
    return bytes("{twin}:current");
  }

  byte[] twinStatus(SnapshotId id) {
    return bytes("{twin}:status:" + id.hex());
  }

  byte[] twinFidelity(SnapshotId id) {
    return bytes("{twin}:fidelity:" + id.hex());
  }

  byte[] twinStoredAt(SnapshotId id) {
    return bytes("{twin}:stored-at:" + id.hex());
  }

  byte[] twinEvents() {
    return bytes("{twin}:events");
  }

  byte[] auditStream() {
    return bytes("{audit}:stream");
  }

  byte[] auditHead() {
    return bytes("{audit}:head");
  }

  byte[] auditKeys() {
    return bytes("{audit}:keys");
  }

  byte[] rateBucket(String scope) {
    return bytes("{ratelimit}:" + Ids.require("scope", scope));
  }

  private byte[] bytes(String suffix) {
    return utf8(prefix + suffix);
  }

  static byte[] utf8(String value) {
    return value.getBytes(StandardCharsets.UTF_8);
  }

  static String text(byte[] value) {
    return new String(value, StandardCharsets.UTF_8);
  }
}
