package io.rehearsal.store;

import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.RedisBusyException;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs.StreamOffset;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A work queue shared by any number of processes: jobs are entries of one Redis Stream read through
 * the consumer group {@value #GROUP}; a job's result lands in a hash keyed by job id, so a job run
 * twice (after a worker died between writing its result and acknowledging) stores the same result
 * twice and nobody notices. Jobs are grouped in batches (e.g. one evaluation): a batch has a plan
 * (bytes every worker needs to run its jobs), results, failures and a wake-up stream, all expiring
 * after the queue's retention.
 *
 * <p>Reclaim: a job read by a consumer that then dies stays pending in the group; after {@code
 * minIdle} without an acknowledgement or a {@link JobConsumer#touch touch}, any other consumer
 * takes it over with {@code XAUTOCLAIM} before reading new jobs. Workers touch the jobs they are
 * running, so a live but slow worker keeps its job.
 *
 * <pre>{@code
 * JobQueue queue = store.jobQueue("sandbox", Duration.ofHours(1));
 * try (JobBatch batch = queue.open("ev-1", planBytes)) {          // coordinator
 *   batch.submit("0:0:5", jobBytes);
 *   while (batch.results(List.of("0:0:5")).isEmpty()) batch.await(Duration.ofSeconds(1));
 * }
 * try (JobConsumer worker = queue.consumer("host-42-0", Duration.ofSeconds(30), 5)) {  // worker
 *   worker.take(Duration.ofSeconds(1)).ifPresent(d -> worker.complete(d, run(d.payload())));
 * }
 * }</pre>
 */
public final class JobQueue {

  /** The consumer group every worker reads through. */
  public static final String GROUP = "workers";

  private final RedisCommands<byte[], byte[]> redis;
  private final Keys keys;
  private final String name;
  private final Duration retention;
  private final Supplier<StatefulRedisConnection<byte[], byte[]>> connector;

  JobQueue(
      RedisCommands<byte[], byte[]> redis,
      Keys keys,
      String name,
      Duration retention,
      Supplier<StatefulRedisConnection<byte[], byte[]>> connector) {
    this.redis = redis;
    this.keys = keys;
    this.name = Ids.require("queue name", name);
    if (retention == null || retention.toSeconds() < 1) {
      throw new IllegalArgumentException("retention must be at least 1 s, but was " + retention);
    }
    this.retention = retention;
    this.connector = connector;
    ensureGroup();
  }

  /**
   * Opens a batch: stores its plan (replacing an earlier plan of the same batch id) for the workers
   * and returns the coordinator's handle, which holds its own connection for blocking waits.
   */
  public JobBatch open(String batch, byte[] plan) {
    Ids.require("batch id", batch);
    Objects.requireNonNull(plan, "plan must not be null");
    redis.psetex(key("plan:" + batch), retention.toMillis(), plan);
    return new JobBatch(this, batch, connector.get());
  }

  /** The plan of a batch, or empty when the batch was closed or has expired. */
  public Optional<byte[]> plan(String batch) {
    return Optional.ofNullable(redis.get(key("plan:" + Ids.require("batch id", batch))));
  }

  /**
   * A consumer of the group with its own connection for blocking reads.
   *
   * @param consumer unique per worker thread and process, e.g. {@code host-pid-thread}
   * @param minIdle how long a job must go unacknowledged and untouched before others reclaim it
   * @param maxDeliveries deliveries after which a reclaimed job counts as poison and fails
   */
  public JobConsumer consumer(String consumer, Duration minIdle, int maxDeliveries) {
    Ids.require("consumer name", consumer);
    if (minIdle == null || minIdle.toMillis() < 1) {
      throw new IllegalArgumentException("minIdle must be at least 1 ms, but was " + minIdle);
    }
    if (maxDeliveries < 1) {
      throw new IllegalArgumentException(
          "maxDeliveries must be at least 1, but was " + maxDeliveries);
    }
    return new JobConsumer(this, consumer, minIdle, maxDeliveries, connector.get());
  }

  /** Up to {@code count} jobs read but not yet acknowledged, oldest first. */
  public List<PendingJob> pending(int count) {
    if (count < 1) {
      throw new IllegalArgumentException("count must be at least 1, but was " + count);
    }
    return redis
        .xpending(stream(), Keys.utf8(GROUP), Range.create("-", "+"), Limit.from(count))
        .stream()
        .map(
            p ->
                new PendingJob(
                    p.getId(), p.getConsumer(), p.getMsSinceLastDelivery(), p.getRedeliveryCount()))
        .toList();
  }

  /** Jobs in the stream, read or not (acknowledged jobs are deleted from it). */
  public long length() {
    return redis.xlen(stream());
  }

  /** The queue's name, part of its keys. */
  public String name() {
    return name;
  }

  RedisCommands<byte[], byte[]> redis() {
    return redis;
  }

  Duration retention() {
    return retention;
  }

  byte[] stream() {
    return key("stream");
  }

  byte[] key(String part) {
    return keys.jobs(name, part);
  }

  /** Creates the group (and the stream) unless it exists; also after the stream was deleted. */
  void ensureGroup() {
    try {
      redis.xgroupCreate(
          StreamOffset.from(stream(), "0"), Keys.utf8(GROUP), XGroupCreateArgs.Builder.mkstream());
    } catch (RedisBusyException e) {
      // BUSYGROUP: another process created it first.
    } catch (RedisCommandExecutionException e) {
      if (e.getMessage() == null || !e.getMessage().startsWith("BUSYGROUP")) {
        throw e;
      }
    }
  }
}
