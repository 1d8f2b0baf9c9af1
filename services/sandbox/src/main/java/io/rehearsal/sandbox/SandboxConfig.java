package io.rehearsal.sandbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The sandbox's settings: {@code rehearsal.sandbox.*} (or {@code REHEARSAL_SANDBOX_*}). */
@ConfigMapping(prefix = "rehearsal.sandbox")
interface SandboxConfig {

  /** The job queue shared by all sandbox processes and this process's workers on it. */
  Workers workers();

  /** How evaluations simulate and when they stop. */
  Evaluation evaluation();

  /** How fault hypotheses are fitted. */
  Fitting fitting();

  /** Evaluations running at once in this process, and waiting for a slot. */
  Admission admission();

  /** The job queue and this process's workers. */
  interface Workers {
    /** Name of the queue (its Redis Stream); processes sharing it share the work. */
    @WithDefault("sandbox")
    String queue();

    /** Worker threads in this process (0: coordinate only). */
    @WithDefault("2")
    int threads();

    /** A job untouched this long is reclaimed from its (dead) worker by another. */
    @WithDefault("30s")
    Duration reclaimIdle();

    /** Deliveries after which a job counts as poison and fails its evaluation. */
    @WithDefault("5")
    int maxDeliveries();

    /** Longest blocking read for new jobs. */
    @WithDefault("500ms")
    Duration block();

    /** How long batch data (plans, results) stays in Redis. */
    @WithDefault("24h")
    Duration retention();

    /** Longest wait of a coordinator between reads of its batch's results. */
    @WithDefault("1s")
    Duration poll();

    /** Longest time one stage of jobs may take before its evaluation fails. */
    @WithDefault("10m")
    Duration stageDeadline();
  }

  /** Simulation and replication defaults. */
  interface Evaluation {
    /** Simulated seconds before the fork, excluded from outcomes. */
    @WithDefault("60")
    double warmupSeconds();

    /** Width of simulated time-series buckets, seconds. */
    @WithDefault("10")
    double bucketSeconds();

    /** Replications per job. */
    @WithDefault("5")
    int jobSize();

    /** Replications per arm before any elimination, when the request leaves it unset. */
    @WithDefault("10")
    int minReplications();

    /** Most replications per arm, when the request leaves it unset. */
    @WithDefault("100")
    int maxReplications();

    /** Replications added per surviving arm in each later stage. */
    @WithDefault("5")
    int batch();

    /** Probability of correct selection, when the request leaves it unset. */
    @WithDefault("0.95")
    double probabilityOfCorrectSelection();

    /** Indifference zone in utility units, when the request leaves it unset. */
    @WithDefault("0.01")
    double indifferenceZone();
  }

  /** Fault fitting. */
  interface Fitting {
    /** Warm-up of fitting runs, seconds (rounded up to the symptoms' resolution). */
    @WithDefault("30")
    double warmupSeconds();

    /** Best screened hypotheses whose magnitude is refined. */
    @WithDefault("3")
    int refine();

    /** Simulations per refinement. */
    @WithDefault("5")
    int refineEvaluations();

    /** Fitting simulations run in parallel. */
    @WithDefault("2")
    int threads();

    /** Hypotheses reported, best first. */
    @WithDefault("5")
    int reported();
  }

  /** Admission of evaluations in this process. */
  interface Admission {
    /** Evaluations coordinated at once. */
    @WithDefault("2")
    int concurrent();

    /** Evaluations waiting for a slot; beyond it Evaluate answers RESOURCE_EXHAUSTED. */
    @WithDefault("8")
    int queued();
  }
}
