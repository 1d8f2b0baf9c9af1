package io.rehearsal.gateway.watch;

import com.google.protobuf.InvalidProtocolBufferException;
import io.rehearsal.gateway.decision.GatewayException;
import io.rehearsal.gateway.decision.Transition;
import io.rehearsal.proto.v1.Decision;
import io.rehearsal.proto.v1.DecisionEvent;
import io.rehearsal.proto.v1.Remediation;
import io.rehearsal.proto.v1.RemediationKind;
import io.rehearsal.proto.v1.Target;
import io.rehearsal.proto.v1.WatchDecisionsRequest;
import io.rehearsal.store.DecisionJournal;
import io.rehearsal.store.JournalEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One client's watch: the decision events after its position, filtered. The journal writes an event
 * in the same atomic step as every decision change, and its stream ids only grow, so reading on
 * from the last delivered cursor misses nothing and repeats nothing.
 *
 * <p>Started without a cursor it first replays the retained stream to a snapshot: the latest event
 * of every live (non-terminal) decision, each with {@code snapshot = true} and the cursor of the
 * last event read, so resuming after any snapshot event continues with the changes that followed
 * the snapshot.
 */
public final class DecisionWatch {

  private static final int PAGE = 1_000;

  private final DecisionJournal journal;
  private final WatchDecisionsRequest filter;
  private Optional<String> position;

  private DecisionWatch(
      DecisionJournal journal, WatchDecisionsRequest filter, Optional<String> position) {
    this.journal = journal;
    this.filter = filter;
    this.position = position;
  }

  /**
   * Opens a watch resuming after {@code request.after_cursor}.
   *
   * @throws GatewayException INVALID_ARGUMENT for a malformed cursor, OUT_OF_RANGE for one older
   *     than the retained history
   */
  public static DecisionWatch resume(DecisionJournal journal, WatchDecisionsRequest request) {
    String cursor = request.getAfterCursor();
    try {
      DecisionJournal.requireCursor(cursor);
    } catch (IllegalArgumentException e) {
      throw GatewayException.invalid("after_cursor", e.getMessage());
    }
    Optional<String> oldest = journal.oldest();
    if (oldest.isPresent() && DecisionJournal.before(cursor, oldest.get())) {
      throw GatewayException.of(
          GatewayException.Reason.OUT_OF_RANGE,
          "after_cursor "
              + cursor
              + " is older than the retained history (oldest "
              + oldest.get()
              + "): watch again without a cursor");
    }
    return new DecisionWatch(journal, request, Optional.of(cursor));
  }

  /** Opens a watch at the head of the stream; {@link #snapshot} gives the live decisions. */
  public static DecisionWatch fromNow(DecisionJournal journal, WatchDecisionsRequest request) {
    return new DecisionWatch(journal, request, Optional.empty());
  }

  /**
   * Reads the retained stream to its head and returns the latest event of every live decision
   * matching the filter (snapshot events); the watch continues after the head.
   */
  public List<DecisionEvent> snapshot() {
    Map<String, DecisionEvent> latest = new LinkedHashMap<>();
    List<JournalEvent> page;
    do {
      page = journal.after(position, PAGE);
      for (JournalEvent e : page) {
        latest.remove(e.decisionId()); // keep commit order of each decision's latest change
        latest.put(e.decisionId(), parse(e));
        position = Optional.of(e.cursor());
      }
    } while (page.size() == PAGE);
    String cursor = position.orElse("");
    List<DecisionEvent> out = new ArrayList<>();
    for (DecisionEvent e : latest.values()) {
      if (!Transition.terminal(e.getDecision().getState()) && matches(e)) {
        out.add(
            e.toBuilder()
                .setCursor(cursor)
                .setSnapshot(true)
                .setPreviousState(io.rehearsal.proto.v1.DecisionState.DECISION_STATE_UNSPECIFIED)
                .build());
      }
    }
    return out;
  }

  /** Up to {@code limit} events read after the position that match the filter, oldest first. */
  public List<DecisionEvent> poll(int limit) {
    List<DecisionEvent> out = new ArrayList<>();
    for (JournalEvent e : journal.after(position, limit)) {
      position = Optional.of(e.cursor());
      DecisionEvent event = parse(e);
      if (matches(event)) {
        out.add(event);
      }
    }
    return out;
  }

  /** The cursor after which the next poll reads; empty before any event was read. */
  public Optional<String> position() {
    return position;
  }

  boolean matches(DecisionEvent event) {
    Decision d = event.getDecision();
    return (filter.getStatesList().isEmpty() || filter.getStatesList().contains(d.getState()))
        && (filter.getEnvironmentsList().isEmpty()
            || filter.getEnvironmentsList().contains(d.getRequest().getEnvironment()))
        && (filter.getKindsList().isEmpty()
            || filter.getKindsList().contains(kind(d.getRequest().getRemediation())))
        && (filter.getTargetsList().isEmpty()
            || filter.getTargetsList().stream()
                .anyMatch(t -> covers(t, d.getRequest().getRemediation().getTarget())));
  }

  private static boolean covers(Target filter, Target target) {
    return field(filter.getService(), target.getService())
        && field(filter.getEndpoint(), target.getEndpoint())
        && field(filter.getDependency(), target.getDependency())
        && field(filter.getRegion(), target.getRegion());
  }

  /** The wire kind of a remediation: the number of the action oneof case (as remediation.proto). */
  private static RemediationKind kind(Remediation r) {
    RemediationKind kind = RemediationKind.forNumber(r.getActionCase().getNumber());
    return kind == null ? RemediationKind.REMEDIATION_KIND_UNSPECIFIED : kind;
  }

  private static boolean field(String filter, String value) {
    return filter.isEmpty() || filter.equals(value);
  }

  private static DecisionEvent parse(JournalEvent e) {
    try {
      return DecisionEvent.parseFrom(e.payload()).toBuilder().setCursor(e.cursor()).build();
    } catch (InvalidProtocolBufferException ex) {
      throw new IllegalStateException("decision event " + e.cursor() + " is not readable", ex);
    }
  }
}
