package io.rehearsal.store;

import io.lettuce.core.Consumer;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XAutoClaimArgs;
import io.lettuce.core.XClaimArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.XReadArgs.StreamOffset;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.models.stream.ClaimedMessages;
import io.lettuce.core.models.stream.PendingMessage;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One worker's side of a {@link JobQueue}: takes a job (first reclaiming one idle longer than
 * {@code minIdle} from a dead consumer, else reading a new one), then completes or fails it. Not
 * thread-safe except {@link #touch}, which a heartbeat thread may call; one per worker thread.
 */
public final class JobConsumer implements AutoCloseable {

  private final JobQueue queue;
  private final String name;
  private final Duration minIdle;
  private final int maxDeliveries;
  private final StatefulRedisConnection<byte[], byte[]> reading;
  private final Consumer<byte[]> consumer;

  JobConsumer(
      JobQueue queue,
      String name,
      Duration minIdle,
      int maxDeliveries,
      StatefulRedisConnection<byte[], byte[]> reading) {
    this.queue = queue;
    this.name = name;
    this.minIdle = minIdle;
    this.maxDeliveries = maxDeliveries;
    this.reading = reading;
    this.consumer = Consumer.from(Keys.utf8(JobQueue.GROUP), Keys.utf8(name));
  }

  /** This consumer's name in the group. */
  public String name() {
    return name;
  }

  /**
   * The next job: a reclaimed one if any job has been idle longer than {@code minIdle}, else a new
   * one, waiting up to {@code block} for it; empty when none came. A reclaimed job delivered more
   * than {@code maxDeliveries} times is failed and acknowledged instead of returned (poison).
   */
  public Optional<Delivery> take(Duration block) {
    try {
      Optional<Delivery> reclaimed = reclaim();
      return reclaimed.isPresent() ? reclaimed : readNew(block);
    } catch (RedisCommandExecutionException e) {
      if (e.getMessage() != null && e.getMessage().startsWith("NOGROUP")) {
        queue.ensureGroup();
        return Optional.empty();
      }
      throw e;
    }
  }

  /** Stores the job's result, wakes the batch's coordinator and acknowledges the job. */
  public void complete(Delivery job, byte[] result) {
    RedisCommands<byte[], byte[]> redis = queue.redis();
    byte[] results = JobBatch.results(queue, job.batch());
    redis.hset(results, Keys.utf8(job.jobId()), result);
    redis.pexpire(results, queue.retention().toMillis());
    finish(job);
  }

  /** Records why the job failed, wakes the batch's coordinator and acknowledges the job. */
  public void fail(Delivery job, String message) {
    RedisCommands<byte[], byte[]> redis = queue.redis();
    byte[] failures = JobBatch.failures(queue, job.batch());
    redis.hset(failures, Keys.utf8(job.jobId()), Keys.utf8(String.valueOf(message)));
    redis.pexpire(failures, queue.retention().toMillis());
    finish(job);
  }

  /** Acknowledges a job without a result (e.g. its batch is gone). */
  public void drop(Delivery job) {
    acknowledge(job.entryId());
  }

  /** Resets the job's idle time, so that nobody reclaims it while this worker runs it. */
  public void touch(Delivery job) {
    queue
        .redis()
        .xclaim(
            queue.stream(), consumer, XClaimArgs.Builder.justid().minIdleTime(0), job.entryId());
  }

  /** Closes this consumer's connection; jobs it holds are reclaimed by others after minIdle. */
  @Override
  public void close() {
    reading.close();
  }

  private Optional<Delivery> reclaim() {
    XAutoClaimArgs<byte[]> args =
        new XAutoClaimArgs<byte[]>()
            .consumer(consumer)
            .minIdleTime(minIdle)
            .startId("0-0")
            .count(1);
    ClaimedMessages<byte[], byte[]> claimed = queue.redis().xautoclaim(queue.stream(), args);
    for (StreamMessage<byte[], byte[]> m : claimed.getMessages()) {
      if (m == null || m.getBody() == null || m.getBody().isEmpty()) {
        continue;
      }
      Delivery d = delivery(m, true);
      if (d == null) {
        acknowledge(m.getId());
        continue;
      }
      if (deliveries(m.getId()) > maxDeliveries) {
        fail(d, "job " + d.jobId() + " was delivered more than " + maxDeliveries + " times");
        continue;
      }
      return Optional.of(d);
    }
    return Optional.empty();
  }

  private Optional<Delivery> readNew(Duration block) {
    List<StreamMessage<byte[], byte[]>> read =
        reading
            .sync()
            .xreadgroup(
                consumer,
                XReadArgs.Builder.block(Math.max(1, block.toMillis())).count(1),
                StreamOffset.lastConsumed(queue.stream()));
    if (read.isEmpty()) {
      return Optional.empty();
    }
    Delivery d = delivery(read.get(0), false);
    if (d == null) {
      acknowledge(read.get(0).getId());
    }
    return Optional.ofNullable(d);
  }

  private long deliveries(String entryId) {
    List<PendingMessage> p =
        queue
            .redis()
            .xpending(
                queue.stream(),
                Keys.utf8(JobQueue.GROUP),
                Range.create(entryId, entryId),
                Limit.from(1));
    return p.isEmpty() ? 0 : p.get(0).getRedeliveryCount();
  }

  private void finish(Delivery job) {
    RedisCommands<byte[], byte[]> redis = queue.redis();
    byte[] done = JobBatch.done(queue, job.batch());
    redis.xadd(done, JobBatch.doneArgs(), JobBatch.jobField(), Keys.utf8(job.jobId()));
    redis.pexpire(done, queue.retention().toMillis());
    acknowledge(job.entryId());
  }

  private void acknowledge(String entryId) {
    queue.redis().xack(queue.stream(), Keys.utf8(JobQueue.GROUP), entryId);
    queue.redis().xdel(queue.stream(), entryId);
  }

  /** The delivery, or null for an entry that is not a job (it is acknowledged and skipped). */
  private static Delivery delivery(StreamMessage<byte[], byte[]> m, boolean reclaimed) {
    byte[] batch = JobBatch.field(m, JobBatch.batchField());
    byte[] job = JobBatch.field(m, JobBatch.jobField());
    byte[] payload = JobBatch.field(m, JobBatch.payloadField());
    if (batch == null || job == null || payload == null) {
      return null;
    }
    return new Delivery(m.getId(), Keys.text(batch), Keys.text(job), payload, reclaimed);
  }
}
