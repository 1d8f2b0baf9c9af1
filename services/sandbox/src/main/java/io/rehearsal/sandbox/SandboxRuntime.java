package io.rehearsal.sandbox;

import com.google.protobuf.InvalidProtocolBufferException;
import io.grpc.Status;
import io.rehearsal.proto.v1.EvaluateRequest;
import io.rehearsal.proto.v1.Evaluation;
import io.rehearsal.proto.v1.EvaluationEvent;
import io.rehearsal.proto.v1.EvaluationPhase;
import io.rehearsal.proto.v1.EvaluationStatus;
import io.rehearsal.sandbox.evaluation.EvaluationPipeline;
import io.rehearsal.sandbox.evaluation.PreparedEvaluation;
import io.rehearsal.sandbox.evaluation.RequestPreparer;
import io.rehearsal.sandbox.mapping.EvidenceMapper;
import io.rehearsal.store.PutResult;
import io.rehearsal.store.RedisStore;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Runs accepted evaluations on a bounded pool, keeps the ones in progress (and recent failures) in
 * memory, and stores succeeded ones in Redis under their id. The id is derived from the request and
 * the twin, so Evaluate is idempotent: the same request again replays the stored evaluation.
 */
@ApplicationScoped
class SandboxRuntime {

  private static final Logger LOG = Logger.getLogger(SandboxRuntime.class);

  private final RequestPreparer preparer;
  private final EvaluationPipeline pipeline;
  private final RedisStore store;
  private final ThreadPoolExecutor pool;
  private final Map<String, Evaluation> inMemory = new ConcurrentHashMap<>();

  SandboxRuntime(
      RequestPreparer preparer,
      EvaluationPipeline pipeline,
      RedisStore store,
      SandboxConfig config) {
    this.preparer = preparer;
    this.pipeline = pipeline;
    this.store = store;
    int n = config.admission().concurrent();
    this.pool =
        new ThreadPoolExecutor(
            n,
            n,
            0,
            TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(config.admission().queued()),
            r -> new Thread(r, "sandbox-evaluation"));
  }

  /** Validates and maps a request; see {@link RequestPreparer#prepare}. */
  PreparedEvaluation prepare(EvaluateRequest request) {
    return preparer.prepare(request);
  }

  /**
   * Starts (or replays) an evaluation, streaming to {@code sink}.
   *
   * @throws io.grpc.StatusRuntimeException RESOURCE_EXHAUSTED when the pool and its queue are full
   */
  void start(PreparedEvaluation p, EventSink sink) {
    Optional<Evaluation> stored = stored(p.id());
    if (stored.isPresent()) {
      sink.event(accepted(p.id()));
      sink.event(EvaluationEvent.newBuilder().setResult(stored.get()).build());
      sink.completed();
      return;
    }
    Evaluation accepted = pipeline.accepted(p);
    CountDownLatch announced = new CountDownLatch(1);
    try {
      pool.execute(() -> run(p, accepted, sink, announced));
    } catch (RejectedExecutionException e) {
      throw Status.RESOURCE_EXHAUSTED
          .withDescription(
              "evaluation queue is full: "
                  + pool.getActiveCount()
                  + " running, "
                  + pool.getQueue().size()
                  + " waiting; retry later")
          .asRuntimeException();
    }
    inMemory.put(p.id(), accepted);
    sink.event(accepted(p.id()));
    sink.event(progress(EvaluationPhase.EVALUATION_PHASE_QUEUED, "queued"));
    announced.countDown();
  }

  /** An evaluation in progress or recently failed here, or stored. */
  Optional<Evaluation> find(String id) {
    Evaluation here = inMemory.get(id);
    return here != null ? Optional.of(here) : stored(id);
  }

  @PreDestroy
  void stop() {
    pool.shutdownNow();
  }

  private void run(
      PreparedEvaluation p, Evaluation accepted, EventSink sink, CountDownLatch announced) {
    try {
      announced.await();
      Evaluation result =
          pipeline.run(
              p,
              accepted,
              event -> {
                track(p.id(), event);
                sink.event(event);
              });
      Evaluation kept = keep(result);
      sink.event(EvaluationEvent.newBuilder().setResult(kept).build());
      sink.completed();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      LOG.errorf(e, "evaluation %s could not be stored", p.id());
      sink.event(
          EvaluationEvent.newBuilder()
              .setResult(
                  accepted.toBuilder()
                      .setStatus(EvaluationStatus.EVALUATION_STATUS_FAILED)
                      .setFailureMessage("could not store the evaluation: " + e.getMessage()))
              .build());
      sink.completed();
    }
  }

  /** Stores a succeeded evaluation (the stored one wins a race), keeps a failed one in memory. */
  private Evaluation keep(Evaluation result) {
    if (result.getStatus() != EvaluationStatus.EVALUATION_STATUS_SUCCEEDED) {
      inMemory.put(result.getId(), result);
      return result;
    }
    Instant created =
        Instant.ofEpochSecond(result.getCreatedAt().getSeconds(), result.getCreatedAt().getNanos());
    PutResult put =
        store.evaluations().put(result.getId(), EvidenceMapper.deterministic(result), created);
    inMemory.remove(result.getId());
    return put == PutResult.CONFLICT ? stored(result.getId()).orElse(result) : result;
  }

  private void track(String id, EvaluationEvent event) {
    inMemory.computeIfPresent(
        id,
        (k, e) -> {
          Evaluation.Builder b =
              e.toBuilder().setStatus(EvaluationStatus.EVALUATION_STATUS_RUNNING);
          if (event.hasFaultHypothesesFitted()) {
            b.clearFaultHypotheses()
                .addAllFaultHypotheses(event.getFaultHypothesesFitted().getHypothesesList());
          }
          return b.build();
        });
  }

  private Optional<Evaluation> stored(String id) {
    Optional<byte[]> found;
    try {
      found = store.evaluations().get(id);
    } catch (IllegalArgumentException e) {
      return Optional.empty(); // not a storable id, so never stored
    }
    return found.map(
        bytes -> {
          try {
            return Evaluation.parseFrom(bytes);
          } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("stored evaluation " + id + " is not an Evaluation", e);
          }
        });
  }

  private static EvaluationEvent accepted(String id) {
    return EvaluationEvent.newBuilder()
        .setAccepted(EvaluationEvent.Accepted.newBuilder().setEvaluationId(id))
        .build();
  }

  private static EvaluationEvent progress(EvaluationPhase phase, String message) {
    return EvaluationEvent.newBuilder()
        .setProgress(EvaluationEvent.Progress.newBuilder().setPhase(phase).setMessage(message))
        .build();
  }
}
