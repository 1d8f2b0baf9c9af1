package io.rehearsal.gateway;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.rehearsal.gateway.decision.ApproverDirectory;
import io.rehearsal.gateway.decision.DecisionDesk;
import io.rehearsal.gateway.decision.HistoryPolicy;
import io.rehearsal.gateway.dispatch.DeadLetters;
import io.rehearsal.gateway.dispatch.DispatchGuards;
import io.rehearsal.gateway.dispatch.Dispatcher;
import io.rehearsal.gateway.dispatch.HookTarget;
import io.rehearsal.gateway.dispatch.KillSwitchBoard;
import io.rehearsal.gateway.dispatch.WebhookSender;
import io.rehearsal.gateway.security.CallerGroups;
import io.rehearsal.gateway.shadow.ShadowLedger;
import io.rehearsal.gateway.watch.WatchStreams;
import io.rehearsal.policy.GuardSettings;
import io.rehearsal.policy.PolicyEngine;
import io.rehearsal.policy.PolicySet;
import io.rehearsal.store.DecisionJournal;
import io.rehearsal.store.IncidentLifecycle;
import io.rehearsal.store.RedisStore;
import io.rehearsal.store.StoreConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.jboss.logging.Logger;

/**
 * Wires the gateway: the policy engine over the configured policy file, the decision desk on the
 * store and its journal, the hook dispatcher, the watches, the dead letters and the shadow ledger.
 */
@ApplicationScoped
class GatewayBeans {

  private static final Logger LOG = Logger.getLogger(GatewayBeans.class);

  /**
   * The policy set used when no file is configured: one rule that denies everything (a policy set
   * must hold a rule, so the default deny is spelled out).
   */
  static final String DENY_ALL =
      """
      name: deny-all
      rules:
        - name: no-policy-configured
          description: No policy file is configured (rehearsal.gateway.policy-file).
          when: "true"
          effect: DENY
      """;

  @Produces
  @Singleton
  PolicyEngine policyEngine(GatewayConfig config) {
    PolicySet policies =
        config
            .policyFile()
            .map(PolicySet::load)
            .orElseGet(() -> PolicySet.parse(DENY_ALL, "<built-in>", "deny-all"));
    GatewayConfig.Guards g = config.guards();
    return new PolicyEngine(
        policies, new GuardSettings(g.maxEvidenceAge(), g.maxTwinAge()), Clock.systemUTC());
  }

  /** On the store's connection: a decision's reads and writes share one connection. */
  @Produces
  @Singleton
  DecisionJournal decisionJournal(RedisStore store) {
    return store.journal();
  }

  /**
   * The detector's incidents, read (never written) for the review page: one home for incidents, the
   * lifecycle the detector keeps in Redis.
   */
  @Produces
  @Singleton
  IncidentLifecycle incidents(RedisStore store) {
    StoreConfig defaults = StoreConfig.defaults();
    return IncidentLifecycle.connect(
        store.uri(),
        defaults.keyPrefix(),
        defaults.commandTimeout(),
        IncidentLifecycle.DEFAULT_RETAINED);
  }

  void closeIncidents(@Disposes IncidentLifecycle incidents) {
    incidents.close();
  }

  /**
   * Reviewers' groups for every channel: the configured ones, a gRPC caller's token groups that are
   * not roles, and those of a page reviewer signed in with OIDC.
   */
  @Produces
  @Singleton
  ApproverDirectory approverDirectory(
      GatewayConfig config, io.quarkus.security.identity.CurrentIdentityAssociation identities) {
    java.util.Map<String, Set<String>> groups = new java.util.TreeMap<>();
    config.approvers().forEach((who, entry) -> groups.put(who, entry.groups()));
    return new CallerGroups(ApproverDirectory.of(groups), CallerGroups.oidcReviewer(identities));
  }

  /** The kill switch operators change at run time (SetKillSwitch), beside the configured one. */
  @Produces
  @Singleton
  KillSwitchBoard killSwitchBoard(GatewayConfig config, RedisStore store, DecisionJournal journal) {
    return new KillSwitchBoard(
        config.killSwitch().all(),
        config.killSwitch().targets().orElse(Set.of()),
        journal.ledger("kill-switch"),
        store.audit(),
        Clock.systemUTC());
  }

  /** The guards checked at decision and dispatch: configured, plus the run-time kill switch. */
  @Produces
  @Singleton
  DispatchGuards dispatchGuards(GatewayConfig config, KillSwitchBoard board) {
    return DispatchConfigs.guards(config).withRuntime(board);
  }

  @Produces
  @Singleton
  DecisionDesk decisionDesk(
      RedisStore store,
      DecisionJournal journal,
      PolicyEngine engine,
      GatewayConfig config,
      ApproverDirectory approvers,
      DispatchGuards guards) {
    HistoryPolicy history = new HistoryPolicy(config.history().window());
    return new DecisionDesk(
        store.decisions(),
        journal,
        store.audit(),
        store.evaluations(),
        engine,
        config.decisionTtl(),
        Clock.systemUTC(),
        new GatewayCircumstances(
            guards,
            store.rateLimits(),
            GatewayCircumstances.LimitSpec.parse(
                "rehearsal.gateway.rate-limits.per-target", config.rateLimits().perTarget()),
            GatewayCircumstances.LimitSpec.parse(
                "rehearsal.gateway.rate-limits.global", config.rateLimits().global()),
            journal.history(),
            history),
        approvers,
        history);
  }

  @Produces
  @Singleton
  List<HookTarget> hooks(GatewayConfig config) {
    return DispatchConfigs.hooks(config.hooks());
  }

  @Produces
  @Singleton
  ShadowLedger shadowLedger(DecisionJournal journal) {
    return new ShadowLedger(journal.ledger("shadow"));
  }

  @Produces
  @Singleton
  DeadLetters deadLetters(DecisionJournal journal, DecisionDesk desk, List<HookTarget> hooks) {
    return new DeadLetters(journal.outbox(), desk.executions(), hooks, Clock.systemUTC());
  }

  @Produces
  @Singleton
  SubmitAdmission submitAdmission(GatewayConfig config, MeterRegistry registry) {
    return new SubmitAdmission(config.overload().maxInFlight(), registry);
  }

  @Produces
  @Singleton
  WatchStreams watchStreams(GatewayConfig config) {
    return new WatchStreams(config.dispatch().pollInterval());
  }

  void closeWatches(@Disposes WatchStreams watches) {
    watches.close();
  }

  @Produces
  @Singleton
  Dispatcher dispatcher(
      GatewayConfig config,
      DecisionJournal journal,
      DecisionDesk desk,
      ShadowLedger ledger,
      List<HookTarget> hooks,
      DispatchGuards guards) {
    GatewayConfig.Dispatch d = config.dispatch();
    Duration timeout = d.timeout();
    long seed = d.seed().orElseGet(() -> new SecureRandom().nextLong());
    return new Dispatcher(
        desk.executions(),
        journal.outbox(),
        ledger,
        hooks,
        guards,
        DispatchConfigs.shadow(config.shadow()),
        DispatchConfigs.settings(d),
        new WebhookSender(timeout, Clock.systemUTC()),
        Clock.systemUTC(),
        new SplittableRandom(seed));
  }

  void closeDispatcher(@Disposes Dispatcher dispatcher) {
    dispatcher.close();
  }

  /** Starts delivering at start-up (unless disabled), so nothing approved waits for a request. */
  void startDispatch(@Observes StartupEvent event, Dispatcher dispatcher, GatewayConfig config) {
    if (config.dispatch().enabled()) {
      dispatcher.start();
      LOG.infof("hook dispatch on: %d hook(s) %s", config.hooks().size(), config.hooks().keySet());
    } else {
      LOG.warn("hook dispatch is off (rehearsal.gateway.dispatch.enabled=false)");
    }
  }

  void stopDispatch(@Observes ShutdownEvent event, Dispatcher dispatcher) {
    dispatcher.close();
  }

  /** Says at start-up which policy decides, and loudly when none is configured. */
  void announcePolicy(@Observes StartupEvent event, PolicyEngine engine, GatewayConfig config) {
    if (config.policyFile().isEmpty()) {
      LOG.warnf(
          "no policy file configured (rehearsal.gateway.policy-file): every request is DENIED by"
              + " default (policy version %s)",
          engine.policies().version());
      return;
    }
    LOG.infof(
        "policy %s from %s: %d rules, version %s",
        engine.policies().name(),
        config.policyFile().get(),
        engine.policies().rules().size(),
        engine.policies().version());
  }
}
