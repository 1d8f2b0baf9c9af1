package io.rehearsal.gateway.slack;

import io.quarkus.runtime.StartupEvent;
import io.rehearsal.gateway.decision.DecisionDesk;
import io.rehearsal.store.RedisStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.jboss.logging.Logger;

/** Wires the Slack integration from {@link SlackConfig}; closes it on shutdown. */
@ApplicationScoped
class SlackBeans {

  private static final Logger LOG = Logger.getLogger(SlackBeans.class);

  @Produces
  @Singleton
  SlackIntegration slackIntegration(
      SlackConfig config, PageConfig page, DecisionDesk desk, RedisStore store) {
    return SlackIntegration.start(config, page.pageUrl(), desk, store, Clock.systemUTC());
  }

  void close(@Disposes SlackIntegration slack) throws Exception {
    slack.close();
  }

  /** Builds it at start-up, so a missing key stops the gateway at once; says whether it is on. */
  void announce(@Observes StartupEvent event, SlackIntegration slack, SlackConfig config) {
    if (slack.enabled()) {
      LOG.infof(
          "Slack approvals on: channel %s, %d mapped approvers, interactions at /slack/interactions",
          config.channel().orElseThrow(), config.users().size());
    } else {
      LOG.debug("Slack approvals off (rehearsal.gateway.slack.enabled=false)");
    }
  }
}
