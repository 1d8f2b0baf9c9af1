package io.rehearsal.gateway.web;

import com.google.protobuf.InvalidProtocolBufferException;
import io.rehearsal.proto.v1.Decision;
import io.rehearsal.proto.v1.DecisionEvent;
import io.rehearsal.proto.v1.DecisionState;
import io.rehearsal.store.DecisionJournal;
import io.rehearsal.store.JournalEvent;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every decision the page lists, newest first: the latest version of each decision in the gateway's
 * decision event stream (the journal {@code WatchDecisions} reads, written with every change
 * whatever its channel), read on from where the last look stopped. Holds the retained history (the
 * journal keeps its newest 100,000 events).
 */
final class DecisionBoard {

  private static final int PAGE = 1_000;

  private final DecisionJournal journal;
  private final Map<String, Decision> latest = new LinkedHashMap<>();
  private Optional<String> position = Optional.empty();

  DecisionBoard(DecisionJournal journal) {
    this.journal = journal;
  }

  /**
   * The decisions in {@code state} (any when empty) whose target service is {@code service} (any
   * when empty), newest first.
   */
  synchronized List<Decision> list(Optional<DecisionState> state, Optional<String> service) {
    catchUp();
    return latest.values().stream()
        .filter(d -> state.isEmpty() || d.getState() == state.get())
        .filter(
            d ->
                service.isEmpty()
                    || d.getRequest()
                        .getRemediation()
                        .getTarget()
                        .getService()
                        .equals(service.get()))
        .sorted(NEWEST_FIRST)
        .toList();
  }

  /** The target services seen, sorted, for the filter. */
  synchronized List<String> services() {
    catchUp();
    return latest.values().stream()
        .map(d -> d.getRequest().getRemediation().getTarget().getService())
        .filter(s -> !s.isEmpty())
        .distinct()
        .sorted()
        .toList();
  }

  static final Comparator<Decision> NEWEST_FIRST =
      Comparator.comparing((Decision d) -> d.getCreatedAt().getSeconds())
          .thenComparing(d -> d.getCreatedAt().getNanos())
          .thenComparing(Decision::getId)
          .reversed();

  private void catchUp() {
    List<JournalEvent> page;
    do {
      page = journal.after(position, PAGE);
      for (JournalEvent e : page) {
        latest.put(e.decisionId(), parse(e).getDecision());
        position = Optional.of(e.cursor());
      }
    } while (page.size() == PAGE);
  }

  private static DecisionEvent parse(JournalEvent e) {
    try {
      return DecisionEvent.parseFrom(e.payload());
    } catch (InvalidProtocolBufferException ex) {
      throw new IllegalStateException("decision event " + e.cursor() + " is not readable", ex);
    }
  }
}
