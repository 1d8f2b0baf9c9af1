package io.rehearsal.gateway;

import io.quarkus.runtime.StartupEvent;
import io.rehearsal.gateway.decision.DecisionDesk;
import io.rehearsal.policy.GuardSettings;
import io.rehearsal.policy.PolicyEngine;
import io.rehearsal.policy.PolicySet;
import io.rehearsal.store.RedisStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.jboss.logging.Logger;

/** Wires the gateway: the policy engine over the configured policy file and the decision desk. */
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

  @Produces
  @Singleton
  DecisionDesk decisionDesk(RedisStore store, PolicyEngine engine, GatewayConfig config) {
    return new DecisionDesk(
        store.decisions(),
        store.audit(),
        store.evaluations(),
        engine,
        config.decisionTtl(),
        Clock.systemUTC());
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
