package io.rehearsal.store;

import io.lettuce.core.KeyValue;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XAddArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.XReadArgs.StreamOffset;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The coordinator's side of one batch of jobs on a {@link JobQueue}: submits jobs, reads their
 * results and failures, and waits for workers to finish some. Holds its own connection, because
 * waiting is a blocking read; {@link #close()} deletes the batch's keys and closes it.
 */
public final class JobBatch implements AutoCloseable {

  private static final byte[] BATCH = Keys.utf8("batch");
  private static final byte[] JOB = Keys.utf8("job");
  private static final byte[] PAYLOAD = Keys.utf8("payload");

  private final JobQueue queue;
  private final String id;
  private final StatefulRedisConnection<byte[], byte[]> waiting;
  private String lastSeen = "0-0";

  JobBatch(JobQueue queue, String id, StatefulRedisConnection<byte[], byte[]> waiting) {
    this.queue = queue;
    this.id = id;
    this.waiting = waiting;
  }

  /** The batch id. */
  public String id() {
    return id;
  }

  /** Appends a job to the queue's stream; any consumer of the group may run it. */
  public void submit(String jobId, byte[] payload) {
    Ids.require("job id", jobId);
    Objects.requireNonNull(payload, "payload must not be null");
    Map<byte[], byte[]> body = new LinkedHashMap<>();
    body.put(BATCH, Keys.utf8(id));
    body.put(JOB, Keys.utf8(jobId));
    body.put(PAYLOAD, payload);
    queue.redis().xadd(queue.stream(), body);
  }

  /** The results stored so far for {@code jobIds}, by job id; jobs without a result are absent. */
  public Map<String, byte[]> results(Collection<String> jobIds) {
    Map<String, byte[]> out = new LinkedHashMap<>();
    if (jobIds.isEmpty()) {
      return out;
    }
    byte[][] fields = jobIds.stream().map(Keys::utf8).toArray(byte[][]::new);
    for (KeyValue<byte[], byte[]> kv : queue.redis().hmget(results(queue, id), fields)) {
      if (kv.hasValue()) {
        out.put(Keys.text(kv.getKey()), kv.getValue());
      }
    }
    return out;
  }

  /** Jobs that failed, by job id, with the worker's message. */
  public Map<String, String> failures() {
    Map<String, String> out = new LinkedHashMap<>();
    queue
        .redis()
        .hgetall(failures(queue, id))
        .forEach((k, v) -> out.put(Keys.text(k), Keys.text(v)));
    return out;
  }

  /**
   * Waits up to {@code timeout} until a worker reports a finished job of this batch (since the last
   * call); returns whether one did. A wake-up only: read {@link #results} and {@link #failures}.
   */
  public boolean await(Duration timeout) {
    RedisCommands<byte[], byte[]> redis = waiting.sync();
    List<StreamMessage<byte[], byte[]>> news =
        redis.xread(
            XReadArgs.Builder.block(Math.max(1, timeout.toMillis())).count(1000),
            StreamOffset.from(done(queue, id), lastSeen));
    if (news.isEmpty()) {
      return false;
    }
    lastSeen = news.get(news.size() - 1).getId();
    return true;
  }

  /** Deletes the batch's plan, results, failures and wake-ups, and closes the connection. */
  @Override
  public void close() {
    try {
      queue
          .redis()
          .del(queue.key("plan:" + id), results(queue, id), failures(queue, id), done(queue, id));
    } finally {
      waiting.close();
    }
  }

  static byte[] results(JobQueue queue, String batch) {
    return queue.key("results:" + batch);
  }

  static byte[] failures(JobQueue queue, String batch) {
    return queue.key("failures:" + batch);
  }

  static byte[] done(JobQueue queue, String batch) {
    return queue.key("done:" + batch);
  }

  static XAddArgs doneArgs() {
    return new XAddArgs().maxlen(100_000).approximateTrimming();
  }

  static byte[] field(StreamMessage<byte[], byte[]> message, byte[] name) {
    for (Map.Entry<byte[], byte[]> e : message.getBody().entrySet()) {
      if (java.util.Arrays.equals(e.getKey(), name)) {
        return e.getValue();
      }
    }
    return null;
  }

  static byte[] batchField() {
    return BATCH;
  }

  static byte[] jobField() {
    return JOB;
  }

  static byte[] payloadField() {
    return PAYLOAD;
  }
}
