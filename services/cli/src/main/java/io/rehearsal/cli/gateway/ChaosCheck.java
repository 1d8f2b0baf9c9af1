package io.rehearsal.cli.gateway;

import com.google.protobuf.InvalidProtocolBufferException;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.rehearsal.proto.v1.DecisionEvent;
import io.rehearsal.proto.v1.DecisionState;
import io.rehearsal.proto.v1.PolicyGatewayGrpc;
import io.rehearsal.proto.v1.RemediationRequest;
import io.rehearsal.proto.v1.SubmitResponse;
import io.rehearsal.store.AuditEntry;
import io.rehearsal.store.ChainVerification;
import io.rehearsal.store.DecisionJournal;
import io.rehearsal.store.JournalEvent;
import io.rehearsal.store.RedisStore;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * What the chaos campaign sent and what the gateway acknowledged, and the checks afterwards: every
 * acknowledged decision is still stored at (at least) the acknowledged revision with its audit
 * entry and its creation event; a replay of it answers "already decided"; no decision was created
 * twice, no audit key or creation event appears twice; the audit chain verifies.
 */
final class ChaosCheck {

  /** What a Submit's answer said. */
  record Ack(String decisionId, long revision, DecisionState state) {}

  private final Map<String, RemediationRequest> sent = new ConcurrentHashMap<>();
  private final Map<String, Ack> acks = new ConcurrentHashMap<>();
  private final Map<String, Integer> creations = new ConcurrentHashMap<>();
  private int retried;
  private int retriedAlreadyStored;
  private int unacknowledged;
  private int replayCreated;

  void sent(RemediationRequest request) {
    sent.put(request.getRequestId(), request);
  }

  void acknowledged(RemediationRequest request, SubmitResponse response) {
    var d = response.getDecision();
    acks.put(request.getRequestId(), new Ack(d.getId(), d.getRevision(), d.getState()));
    if (response.getCreated()) {
      creations.merge(request.getRequestId(), 1, Integer::sum);
    }
  }

  /**
   * Submits every request not acknowledged during the load again until it is (a few rounds, the
   * gateway may still be reconnecting), then replays every request acknowledged during the load,
   * which must find its decision.
   */
  void resubmitUntilAcknowledged(ManagedChannel channel, PrintWriter progress)
      throws InterruptedException {
    Map<String, Ack> duringLoad = Map.copyOf(acks);
    var stub = PolicyGatewayGrpc.newBlockingStub(channel);
    for (int round = 0; round < 10; round++) {
      List<RemediationRequest> missing =
          sent.values().stream().filter(r -> !acks.containsKey(r.getRequestId())).toList();
      if (missing.isEmpty()) {
        break;
      }
      progress.printf("resubmitting %d unacknowledged requests%n", missing.size());
      progress.flush();
      for (RemediationRequest r : missing) {
        try {
          SubmitResponse response = stub.withDeadlineAfter(15, TimeUnit.SECONDS).submit(r);
          retried++;
          retriedAlreadyStored += response.getCreated() ? 0 : 1;
          acknowledged(r, response);
        } catch (StatusRuntimeException e) {
          // still recovering: the next round tries again
        }
      }
      Thread.sleep(1_000);
    }
    unacknowledged = (int) sent.keySet().stream().filter(id -> !acks.containsKey(id)).count();
    for (String id : duringLoad.keySet()) {
      if (stub.withDeadlineAfter(15, TimeUnit.SECONDS).submit(sent.get(id)).getCreated()) {
        replayCreated++;
        creations.merge(id, 1, Integer::sum);
      }
    }
  }

  /** The campaign's verdict from the store the gateway wrote. */
  Map<String, Object> verify(RedisStore store) {
    Map<String, Object> f = new LinkedHashMap<>();
    int lost = 0;
    int lostAudit = 0;
    for (Ack ack : acks.values()) {
      var stored = store.decisions().get(ack.decisionId());
      if (stored.isEmpty() || stored.get().revision() < ack.revision()) {
        lost++;
      }
      if (store.audit().find("decision:" + ack.decisionId() + ":" + ack.revision()).isEmpty()) {
        lostAudit++;
      }
    }
    Map<String, Integer> creates = creationEvents(store);
    long missingEvents =
        acks.values().stream().filter(a -> !creates.containsKey(a.decisionId())).count();
    long doubleEvents = creates.values().stream().filter(n -> n > 1).count();
    long doubleCreations = creations.values().stream().filter(n -> n > 1).count();
    ChainVerification chain = store.audit().verifyChain();
    f.put("sent", sent.size());
    f.put("acknowledged_during_load", acks.size() - retried);
    f.put("resubmitted_and_acknowledged", retried);
    f.put("resubmitted_found_already_stored", retriedAlreadyStored);
    f.put("unacknowledged_after_retries", unacknowledged);
    f.put("lost_acknowledged_decisions", lost + replayCreated);
    f.put("lost_audit_entries", lostAudit);
    f.put("lost_creation_events", missingEvents);
    f.put("duplicate_creations", doubleCreations);
    f.put("duplicate_creation_events", doubleEvents);
    f.put("duplicate_audit_keys", duplicateAuditKeys(store));
    f.put("audit_entries", store.audit().size());
    f.put("audit_chain", chain.toString());
    boolean passed =
        lost + replayCreated + lostAudit + missingEvents + doubleEvents + doubleCreations == 0
            && (long) f.get("duplicate_audit_keys") == 0
            && unacknowledged == 0
            && chain.intact();
    f.put("passed", passed);
    return f;
  }

  private static long duplicateAuditKeys(RedisStore store) {
    Map<String, Integer> keys = new HashMap<>();
    String from = "-";
    while (true) {
      List<AuditEntry> page = store.audit().read(from, 1_000);
      page.forEach(e -> keys.merge(e.key(), 1, Integer::sum));
      if (page.size() < 1_000) {
        break;
      }
      from = "(" + page.get(page.size() - 1).id();
    }
    return keys.values().stream().filter(n -> n > 1).count();
  }

  /** Decision id to the number of creation events in the journal's stream. */
  private static Map<String, Integer> creationEvents(RedisStore store) {
    Map<String, Integer> creates = new HashMap<>();
    DecisionJournal journal = store.journal();
    Optional<String> cursor = Optional.empty();
    while (true) {
      List<JournalEvent> page = journal.after(cursor, 1_000);
      for (JournalEvent e : page) {
        if (parse(e).getPreviousState() == DecisionState.DECISION_STATE_UNSPECIFIED) {
          creates.merge(e.decisionId(), 1, Integer::sum);
        }
      }
      if (page.size() < 1_000) {
        return creates;
      }
      cursor = Optional.of(page.get(page.size() - 1).cursor());
    }
  }

  private static DecisionEvent parse(JournalEvent e) {
    try {
      return DecisionEvent.parseFrom(e.payload());
    } catch (InvalidProtocolBufferException bad) {
      throw new IllegalStateException("decision event " + e.cursor() + " does not parse", bad);
    }
  }
}
