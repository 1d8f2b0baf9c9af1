package io.rehearsal.detector.loop;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The loop from a new incident to a rehearsed, submitted remediation and its outcome: {@code
 * rehearsal.detector.loop.*}. Relative paths are resolved against the detector's working directory
 * ({@code services/detector} under {@code ./rehearsal up}).
 */
@ConfigMapping(prefix = "rehearsal.detector.loop")
public interface LoopConfig {

  /** Whether new incidents go to the sandbox and the gateway at all. */
  @WithDefault("true")
  boolean enabled();

  /** The remediation catalog (YAML); the loop is off when it does not exist. */
  @WithDefault("../../examples/reference-shop/catalog.yaml")
  Path catalog();

  /** The sandbox's gRPC address ({@code host:port}). */
  @WithDefault("localhost:9091")
  String sandbox();

  /** The policy gateway's gRPC address ({@code host:port}). */
  @WithDefault("localhost:9090")
  String gateway();

  /** A file holding the bearer JWT (role {@code automation}) sent to the gateway. */
  @WithDefault("../../.rehearsal/credentials/automation.jwt")
  Path tokenFile();

  /** The environment the incidents happen in, e.g. {@code production} or {@code staging}. */
  @WithDefault("production")
  String environment();

  /** Simulated time after the decision point each candidate is rehearsed for. */
  @WithDefault("300s")
  Duration horizon();

  /** Attempts per step (evaluate, submit, report) before it is recorded as failed for good. */
  @WithDefault("4")
  int attempts();

  /** Wait before the second attempt; doubled for every further one. */
  @WithDefault("2s")
  Duration backoff();

  /** Bound on one Evaluate stream, from the call to its result. */
  @WithDefault("10m")
  Duration evaluationTimeout();

  /** How often the decision (and later the incident) is re-read while the loop waits on it. */
  @WithDefault("2s")
  Duration poll();

  /**
   * How long a decision may take to be executed (or refused) before the loop stops following it.
   */
  @WithDefault("1h")
  Duration decisionWait();

  /** After the remediation ran: how long the incident's SLOs have to recover. */
  @WithDefault("10m")
  Duration recoveryWindow();

  /**
   * Wall time the loop waits for telemetry to cover the incident window (onset + 20 s) before it
   * ranks suspects with what it has.
   */
  @WithDefault("30s")
  Duration telemetryWait();

  /** Bound on recent spans kept for root-cause ranking; the oldest go first. */
  @WithDefault("300000")
  int recentSpans();

  /** Incidents worked on at once; more wait their turn. */
  @WithDefault("4")
  int concurrency();
}
