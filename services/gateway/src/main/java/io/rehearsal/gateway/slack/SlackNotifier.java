package io.rehearsal.gateway.slack;

import com.google.protobuf.InvalidProtocolBufferException;
import io.rehearsal.gateway.decision.DecisionDesk;
import io.rehearsal.proto.v1.Decision;
import io.rehearsal.proto.v1.DecisionState;
import io.rehearsal.proto.v1.Evaluation;
import io.rehearsal.store.Evaluations;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps Slack in step with the decisions: posts a message when a decision waits for approval, and
 * re-renders it from the stored decision whenever the decision changes, whoever changed it (so a
 * decision approved on the page or over gRPC shows there too). Runs on its own executor and never
 * throws into the caller: a Slack failure is logged and the gateway decides on.
 */
public final class SlackNotifier implements DecisionListener {

  private static final Logger LOG = Logger.getLogger(SlackNotifier.class.getName());

  private final DecisionDesk desk;
  private final Evaluations evaluations;
  private final SlackApi api;
  private final MessageIndex index;
  private final ApprovalMessage messages;
  private final String channel;
  private final Executor executor;

  /**
   * @param desk where decisions are re-read (a message always shows the stored revision)
   * @param evaluations the sandbox's evaluations, for the headline evidence
   * @param api the Slack Web API
   * @param index which message shows which decision
   * @param messages the message builder
   * @param channel the channel id approval requests are posted to
   * @param executor where Slack calls run
   */
  public SlackNotifier(
      DecisionDesk desk,
      Evaluations evaluations,
      SlackApi api,
      MessageIndex index,
      ApprovalMessage messages,
      String channel,
      Executor executor) {
    this.desk = desk;
    this.evaluations = evaluations;
    this.api = api;
    this.index = index;
    this.messages = messages;
    this.channel = channel;
    this.executor = executor;
  }

  @Override
  public void changed(Decision decision) {
    executor.execute(() -> safely(decision.getId(), () -> sync(decision)));
  }

  /**
   * Posts or updates the message of a decision now, on the caller's thread.
   *
   * @throws RuntimeException when Slack or Redis fails
   */
  void sync(Decision changed) {
    Optional<MessageIndex.Message> posted = index.find(changed.getId());
    if (posted.isPresent()) {
      show(changed.getId(), posted.get());
    } else if (changed.getState() == DecisionState.DECISION_STATE_PENDING_APPROVAL) {
      post(changed.getId());
    }
  }

  /** Re-renders {@code message} from the stored decision. */
  void show(String decisionId, MessageIndex.Message message) {
    Decision d = desk.get(decisionId);
    api.update(
        message.channel(), message.ts(), messages.text(d), messages.blocks(d, evaluation(d)));
  }

  private void post(String decisionId) {
    if (!index.claim(decisionId)) {
      return;
    }
    try {
      Decision d = desk.get(decisionId);
      String ts = api.post(channel, messages.text(d), messages.blocks(d, evaluation(d)));
      index.posted(decisionId, new MessageIndex.Message(channel, ts));
    } catch (RuntimeException e) {
      index.release(decisionId);
      throw e;
    }
  }

  private Optional<Evaluation> evaluation(Decision d) {
    if (d.getEvaluationId().isEmpty()) {
      return Optional.empty();
    }
    return evaluations.get(d.getEvaluationId()).flatMap(SlackNotifier::parse);
  }

  private static Optional<Evaluation> parse(byte[] bytes) {
    try {
      return Optional.of(Evaluation.parseFrom(bytes));
    } catch (InvalidProtocolBufferException e) {
      return Optional.empty();
    }
  }

  private static void safely(String decisionId, Runnable work) {
    try {
      work.run();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Slack message of decision " + decisionId + " not updated", e);
    }
  }
}
