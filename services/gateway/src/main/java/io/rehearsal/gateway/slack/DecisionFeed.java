package io.rehearsal.gateway.slack;

import io.quarkus.runtime.StartupEvent;
import io.rehearsal.gateway.watch.DecisionWatch;
import io.rehearsal.gateway.watch.WatchStreams;
import io.rehearsal.proto.v1.DecisionEvent;
import io.rehearsal.proto.v1.WatchDecisionsRequest;
import io.rehearsal.store.DecisionJournal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Feeds the {@link DecisionListener} from the gateway's decision event stream (the journal that
 * {@code WatchDecisions} reads), so a decision changed through any channel — gRPC, the review page,
 * expiry — reaches Slack. At start-up it first hands over the live decisions (a message missed
 * while the gateway was down is posted, a posted one re-rendered), then every change; after a
 * failed read it resumes from the last event it saw.
 */
@ApplicationScoped
class DecisionFeed {

  private static final Logger LOG = Logger.getLogger(DecisionFeed.class);

  void follow(
      @Observes StartupEvent event,
      SlackIntegration slack,
      DecisionJournal journal,
      WatchStreams streams) {
    if (slack.enabled()) {
      DecisionWatch watch =
          DecisionWatch.fromNow(journal, WatchDecisionsRequest.getDefaultInstance());
      streams.open(watch, watch.snapshot(), new Feed(slack.listener(), streams, watch));
    }
  }

  /** A sink that never cancels and always takes more, reopening after a failed read. */
  private record Feed(DecisionListener listener, WatchStreams streams, DecisionWatch watch)
      implements WatchStreams.Sink {

    @Override
    public boolean cancelled() {
      return false;
    }

    @Override
    public boolean ready() {
      return true;
    }

    @Override
    public void send(DecisionEvent event) {
      listener.changed(event.getDecision());
    }

    @Override
    public void fail(RuntimeException error) {
      LOG.warnf(
          "decision stream read failed (%s); Slack resumes after the last event seen",
          error.getMessage());
      // The same watch keeps its position: the next poll reads on from the last event seen.
      streams.open(watch, List.of(), this);
    }
  }
}
