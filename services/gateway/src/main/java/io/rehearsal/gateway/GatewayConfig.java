package io.rehearsal.gateway;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/** The gateway's settings: {@code rehearsal.gateway.*} (or {@code REHEARSAL_GATEWAY_*}). */
@ConfigMapping(prefix = "rehearsal.gateway")
interface GatewayConfig {

  /**
   * The YAML policy file. When absent the gateway denies everything (an empty policy set: default
   * deny) and says so at start-up; it never falls back to an example policy.
   */
  Optional<Path> policyFile();

  /** How long a decision may wait when neither the request nor the matched rule says. */
  @WithDefault("1h")
  Duration decisionTtl();

  /** Bounds of the built-in guards, which no policy can switch off. */
  Guards guards();

  /** Admission control for Submits ({@link SubmitAdmission}). */
  Overload overload();

  /** Admission control for Submits. */
  interface Overload {
    /**
     * Submits decided at once; one more is refused UNAVAILABLE at once. Size it by Little's law:
     * the Submits per second you want to admit times the latency they may wait (64 at ~500/s: a
     * Submit waits at most ~130 ms for a thread).
     */
    @WithDefault("64")
    int maxInFlight();
  }

  /** Bounds of the built-in guards. */
  interface Guards {
    /** Evidence older than this never auto-approves. */
    @WithDefault("1h")
    Duration maxEvidenceAge();

    /** Evidence from a twin calibrated longer ago than this never auto-approves. */
    @WithDefault("24h")
    Duration maxTwinAge();
  }

  /**
   * Rate limits on automatic actions (token buckets in Redis shared by every replica), which no
   * policy can switch off: when one is used up an ALLOW becomes REQUIRE_APPROVAL.
   */
  RateLimits rateLimits();

  /** Rate limits on automatic actions, as {@code COUNT/DURATION}. */
  interface RateLimits {
    /** Automatic actions per target (environment and service or dependency). */
    @WithDefault("3/1h")
    String perTarget();

    /** Automatic actions in the whole deployment. */
    @WithDefault("30/1h")
    String global();
  }

  /**
   * Reviewers' groups, by reviewer identity as the channels authenticate it (token name, Slack
   * mapping, page login): {@code
   * rehearsal.gateway.approvers."alice@example.com".groups=sre,payments}. A gRPC caller's token
   * groups that are not roles are added.
   */
  Map<String, Approver> approvers();

  /** One reviewer's entry. */
  interface Approver {
    /** The groups the reviewer belongs to. */
    Set<String> groups();
  }

  /** The per-target action history rules read as {@code recent.*}. */
  History history();

  /** The per-target action history. */
  interface History {
    /** How far back approved actions are kept and seen by rules; 0 records nothing. */
    @WithDefault("24h")
    Duration window();
  }

  /** How approved decisions are delivered to the hooks. */
  Dispatch dispatch();

  /**
   * Production automation hooks by name ({@code rehearsal.gateway.hooks.NAME.url}, {@code .secret},
   * {@code .environments}); an approved decision goes to the first (by name) that serves its
   * environment. None: approved decisions wait for pulling loops (WatchDecisions).
   */
  Map<String, Hook> hooks();

  /** The kill switch, checked again when a hook is about to be called. */
  KillSwitch killSwitch();

  /**
   * Freeze windows by name ({@code rehearsal.gateway.freeze.NAME.zone}, {@code .start}, {@code
   * .end}, {@code .environments}), checked again at dispatch.
   */
  Map<String, Freeze> freeze();

  /** Where the gateway runs in shadow mode (no hook called; the ledger records what would run). */
  Shadow shadow();

  /** Dispatch settings. */
  interface Dispatch {
    /** Whether this process delivers at all (several gateways may share the outbox). */
    @WithDefault("true")
    boolean enabled();

    /** Attempts before a delivery is dead-lettered. */
    @WithDefault("8")
    int maxAttempts();

    /** Wait after the first failed attempt. */
    @WithDefault("1s")
    Duration initialBackoff();

    /** Longest wait between attempts. */
    @WithDefault("5m")
    Duration maxBackoff();

    /** Growth of the wait per attempt. */
    @WithDefault("2")
    double backoffMultiplier();

    /** Share of each wait drawn at random, in [0, 1]. */
    @WithDefault("0.5")
    double jitter();

    /** Seed of the jitter; unset draws one at start-up. */
    OptionalLong seed();

    /** Timeout of one HTTP attempt. */
    @WithDefault("10s")
    Duration timeout();

    /** How long a claimed delivery is reserved (longer than the timeout). */
    @WithDefault("1m")
    Duration lease();

    /** How often the outbox and watches are polled. */
    @WithDefault("100ms")
    Duration pollInterval();

    /** Deliveries claimed per poll. */
    @WithDefault("32")
    int batchSize();

    /** Deliveries in flight at once. */
    @WithDefault("4")
    int concurrency();
  }

  /** One hook. */
  interface Hook {
    /** Its http(s) endpoint. */
    String url();

    /** Its Standard Webhooks secret ({@code whsec_} + base64). */
    String secret();

    /** Environments it serves (e.g. {@code PRODUCTION}); unset means all. */
    Optional<Set<String>> environments();
  }

  /** The kill switch. */
  interface KillSwitch {
    /** Nothing is dispatched. */
    @WithDefault("false")
    boolean all();

    /** Targets (service, else dependency name) nothing is dispatched to. */
    Optional<Set<String>> targets();
  }

  /** One freeze window, in local time of its zone. */
  interface Freeze {
    /** The zone, e.g. {@code Europe/Berlin}. */
    String zone();

    /** First local time frozen, e.g. {@code 2026-12-24T00:00}. */
    String start();

    /** First local time no longer frozen. */
    String end();

    /** Environments frozen; unset means all. */
    Optional<Set<String>> environments();
  }

  /** Shadow mode scope. */
  interface Shadow {
    /** Environments in shadow mode (e.g. {@code PRODUCTION}). */
    Optional<Set<String>> environments();

    /** Targets (service, else dependency name) in shadow mode. */
    Optional<Set<String>> targets();
  }
}
