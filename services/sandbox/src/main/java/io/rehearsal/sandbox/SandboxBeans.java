package io.rehearsal.sandbox;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.rehearsal.rehearse.evaluation.ReplicationPolicy;
import io.rehearsal.rehearse.jobs.DistributedEvaluator;
import io.rehearsal.sandbox.evaluation.EvaluationPipeline;
import io.rehearsal.sandbox.evaluation.JobWorkers;
import io.rehearsal.sandbox.evaluation.PipelineSettings;
import io.rehearsal.sandbox.evaluation.RedisJobTransport;
import io.rehearsal.sandbox.evaluation.RequestPreparer;
import io.rehearsal.sandbox.evaluation.WorkerSettings;
import io.rehearsal.store.JobQueue;
import io.rehearsal.store.RedisStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.jboss.logging.Logger;

/** Wires the sandbox: job queue, this process's workers, the request preparer and the pipeline. */
@ApplicationScoped
class SandboxBeans {

  private static final Logger LOG = Logger.getLogger(SandboxBeans.class);

  @Produces
  @Singleton
  JobQueue jobQueue(RedisStore store, SandboxConfig config) {
    return store.jobQueue(config.workers().queue(), config.workers().retention());
  }

  @Produces
  @Singleton
  JobWorkers jobWorkers(JobQueue queue, RedisStore store, SandboxConfig config) {
    SandboxConfig.Workers w = config.workers();
    WorkerSettings settings =
        new WorkerSettings(w.threads(), w.reclaimIdle(), w.maxDeliveries(), w.block());
    return new JobWorkers(queue, store.twinSnapshots(), settings);
  }

  @Produces
  @Singleton
  PipelineSettings pipelineSettings(SandboxConfig config) {
    SandboxConfig.Evaluation e = config.evaluation();
    SandboxConfig.Fitting f = config.fitting();
    ReplicationPolicy policy =
        new ReplicationPolicy(
            e.minReplications(),
            e.maxReplications(),
            e.batch(),
            e.probabilityOfCorrectSelection(),
            e.indifferenceZone());
    return new PipelineSettings(
        e.warmupSeconds(),
        e.bucketSeconds(),
        f.warmupSeconds(),
        f.refine(),
        f.refineEvaluations(),
        f.threads(),
        e.jobSize(),
        policy,
        f.reported());
  }

  @Produces
  @Singleton
  RequestPreparer requestPreparer(RedisStore store, PipelineSettings settings) {
    return new RequestPreparer(store.twinSnapshots(), settings);
  }

  @Produces
  @Singleton
  EvaluationPipeline pipeline(
      RedisStore store, JobQueue queue, PipelineSettings settings, SandboxConfig config) {
    DistributedEvaluator evaluator =
        new DistributedEvaluator(
            new RedisJobTransport(queue),
            config.workers().poll(),
            config.workers().stageDeadline());
    return new EvaluationPipeline(store.twinSnapshots(), evaluator, settings, Clock.systemUTC());
  }

  /** Starts this process's workers with the service, so every replica shares the work. */
  void startWorkers(@Observes StartupEvent event, JobWorkers workers, SandboxConfig config) {
    workers.start();
    LOG.infof(
        "sandbox workers %s: %d threads on queue '%s'",
        workers.process(), config.workers().threads(), config.workers().queue());
  }

  void stopWorkers(@Observes ShutdownEvent event, JobWorkers workers) {
    workers.close();
  }
}
