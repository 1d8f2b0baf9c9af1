package io.rehearsal.calibration;

import io.rehearsal.telemetry.Recording;
import io.rehearsal.telemetry.Span;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The requests of a recording with the calls each made, found from parent links: each CLIENT span
 * belongs to the nearest SERVER/CONSUMER ancestor (through INTERNAL spans) and calls the endpoint
 * whose SERVER span it is the parent of. A CLIENT span nobody answered is attributed by what the
 * answered ones taught: its peer ({@code peer.service} or {@code server.address}) names a service
 * if some call to that peer was ever answered, and its name then picks the endpoint; otherwise the
 * peer is an external dependency. Retries (an attempt to the same target after a failed one) are
 * attempts of one call.
 */
public final class TraceIndex {

  private final List<ServedRequest> requests;
  private final TreeSet<String> endpoints = new TreeSet<>();
  private final TreeSet<String> dependencies = new TreeSet<>();
  private final TreeSet<String> databases = new TreeSet<>();
  private final Map<String, Long> unattributedByTarget = new java.util.TreeMap<>();
  private long unattributed;

  private TraceIndex(Recording recording) {
    Map<Recording.TraceKey, List<Span>> traces = byTrace(recording.spans());
    PeerMap peers = new PeerMap();
    traces.values().forEach(peers::learn);
    List<ServedRequest> out = new ArrayList<>();
    for (List<Span> trace : traces.values()) {
      out.addAll(new TraceRequests(trace, peers).build());
    }
    out.sort(
        Comparator.comparingLong((ServedRequest r) -> r.span().startNanos())
            .thenComparingLong(r -> r.span().spanId()));
    this.requests = List.copyOf(out);
  }

  /** Indexes the requests of {@code recording}. */
  public static TraceIndex of(Recording recording) {
    return new TraceIndex(recording);
  }

  /** Every served request, by start time. */
  public List<ServedRequest> requests() {
    return requests;
  }

  /** The endpoints that served requests, {@code service/endpoint}, sorted. */
  public List<String> endpoints() {
    return List.copyOf(endpoints);
  }

  /** The external dependencies called, sorted. */
  public List<String> dependencies() {
    return List.copyOf(dependencies);
  }

  /** The external dependencies that are databases (their CLIENT spans name a db system). */
  public List<String> databases() {
    return List.copyOf(databases);
  }

  /** CLIENT attempts that could be attributed to no target (or to no request). */
  public long unattributed() {
    return unattributed;
  }

  /** The unattributed CLIENT attempts by what they called (peer, else span name), most first. */
  public List<Map.Entry<String, Long>> unattributedTargets() {
    return unattributedByTarget.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .toList();
  }

  private void unattributed(Span client) {
    unattributed++;
    String target = client.peer().isBlank() ? client.name() : client.peer();
    unattributedByTarget.merge(target, 1L, Long::sum);
  }

  private static Map<Recording.TraceKey, List<Span>> byTrace(List<Span> spans) {
    Map<Recording.TraceKey, List<Span>> traces = new LinkedHashMap<>();
    for (Span span : spans) {
      traces.computeIfAbsent(Recording.TraceKey.of(span), k -> new ArrayList<>(8)).add(span);
    }
    return traces;
  }

  /** Where an unanswered attempt's peer and name lead, learnt from the answered ones. */
  private static final class PeerMap {
    private final Map<String, Map<String, Integer>> serviceByPeer = new HashMap<>();
    private final Map<String, Map<String, Integer>> endpointByPeerName = new HashMap<>();
    private final Map<String, Map<String, Integer>> endpointByCallerPeer = new HashMap<>();

    void learn(List<Span> trace) {
      Map<Long, Span> byId = new HashMap<>();
      trace.forEach(s -> byId.putIfAbsent(s.spanId(), s));
      for (Span server : trace) {
        Span client = server.isRoot() ? null : byId.get(server.parentSpanId());
        if (server.kind().servesRequest() && client != null && client.kind().callsOut()) {
          String endpoint = ref(server);
          count(serviceByPeer, client.peer(), server.service());
          count(endpointByPeerName, client.peer() + '\n' + client.name(), endpoint);
          Span caller = client.requestAbove(byId);
          if (caller != null) {
            count(endpointByCallerPeer, ref(caller) + '\n' + client.peer(), endpoint);
          }
        }
      }
    }

    boolean internal(String peer) {
      return serviceByPeer.containsKey(peer);
    }

    String endpoint(String caller, Span client) {
      String byName = mode(endpointByPeerName.get(client.peer() + '\n' + client.name()));
      return byName != null
          ? byName
          : mode(endpointByCallerPeer.get(caller + '\n' + client.peer()));
    }

    private static void count(Map<String, Map<String, Integer>> map, String key, String value) {
      map.computeIfAbsent(key, k -> new java.util.TreeMap<>()).merge(value, 1, Integer::sum);
    }

    private static String mode(Map<String, Integer> counts) {
      if (counts == null) {
        return null;
      }
      return counts.entrySet().stream()
          .max(Map.Entry.<String, Integer>comparingByValue())
          .map(Map.Entry::getKey)
          .orElse(null);
    }
  }

  static String ref(Span server) {
    return server.service() + "/" + server.endpoint();
  }

  /** Builds the requests of one trace. */
  private final class TraceRequests {
    private final List<Span> trace;
    private final PeerMap peers;
    private final Map<Long, Span> byId = new HashMap<>();
    private final Map<Long, Span> answerByClient = new HashMap<>();
    private final Map<Long, Map<String, List<Attempt>>> attemptsByRequest = new LinkedHashMap<>();
    private final Map<String, Boolean> externalTarget = new HashMap<>();
    private final Map<Long, String> callerOf = new HashMap<>();
    private final Map<Long, Attempt> answered = new HashMap<>();

    TraceRequests(List<Span> trace, PeerMap peers) {
      this.trace = trace;
      this.peers = peers;
      for (Span span : trace) {
        byId.putIfAbsent(span.spanId(), span);
        if (span.kind().servesRequest() && !span.isRoot()) {
          answerByClient.putIfAbsent(span.parentSpanId(), span);
        }
      }
    }

    List<ServedRequest> build() {
      for (Span span : trace) {
        if (span.kind().servesRequest()) {
          attemptsByRequest.computeIfAbsent(span.spanId(), k -> new LinkedHashMap<>());
          endpoints.add(ref(span));
          direct(span);
        } else if (span.kind().callsOut()) {
          client(span);
        }
      }
      List<ServedRequest> out = new ArrayList<>();
      attemptsByRequest.forEach(
          (id, byTarget) -> {
            Span span = byId.get(id);
            Attempt via = answered.get(id);
            out.add(
                new ServedRequest(
                    span,
                    ref(span),
                    calls(byTarget),
                    callerOf.getOrDefault(id, ""),
                    via == null ? Double.NaN : via.outsideServerSeconds()));
          });
      return out;
    }

    private void direct(Span server) {
      Span parent = server.isRoot() ? null : byId.get(server.parentSpanId());
      if (parent != null
          && parent.kind().servesRequest()
          && !parent.service().equals(server.service())) {
        add(parent, ref(server), false, attempt(server, server));
        callerOf.put(server.spanId(), ref(parent));
      }
    }

    private void client(Span client) {
      Span caller = client.requestAbove(byId);
      if (caller == null) {
        unattributed(client);
        return;
      }
      Span answer = answerByClient.get(client.spanId());
      if (answer != null) {
        Attempt attempt = attempt(client, answer);
        add(caller, ref(answer), false, attempt);
        callerOf.put(answer.spanId(), ref(caller));
        answered.put(answer.spanId(), attempt);
      } else if (peers.internal(client.peer())) {
        String endpoint = peers.endpoint(ref(caller), client);
        if (endpoint == null) {
          unattributed(client);
        } else {
          add(caller, endpoint, false, attempt(client, null));
        }
      } else {
        String name = dependencyName(client);
        dependencies.add(name);
        if (client.peer().startsWith(Span.DATABASE_PEER)) {
          databases.add(name);
        }
        add(caller, name, true, attempt(client, null));
      }
    }

    private void add(Span caller, String target, boolean external, Attempt attempt) {
      externalTarget.put(target, external);
      attemptsByRequest
          .computeIfAbsent(caller.spanId(), k -> new LinkedHashMap<>())
          .computeIfAbsent(target, k -> new ArrayList<>())
          .add(attempt);
    }

    private List<Call> calls(Map<String, List<Attempt>> byTarget) {
      List<Call> calls = new ArrayList<>();
      byTarget.forEach(
          (target, attempts) -> calls.addAll(merge(target, externalTarget.get(target), attempts)));
      calls.sort(Comparator.comparingLong(Call::startNanos).thenComparing(Call::target));
      return calls;
    }
  }

  /** Splits attempts to one target into calls: an attempt after a failed one is its retry. */
  static List<Call> merge(String target, boolean external, List<Attempt> attempts) {
    List<Attempt> sorted = new ArrayList<>(attempts);
    sorted.sort(Comparator.comparingLong(Attempt::startNanos));
    List<Call> calls = new ArrayList<>();
    List<Attempt> current = new ArrayList<>();
    for (Attempt attempt : sorted) {
      Attempt last = current.isEmpty() ? null : current.get(current.size() - 1);
      if (last != null && !(last.error() && attempt.startNanos() >= last.endNanos())) {
        calls.add(new Call(target, external, current));
        current = new ArrayList<>();
      }
      current.add(attempt);
    }
    calls.add(new Call(target, external, current));
    return calls;
  }

  private static Attempt attempt(Span span, Span answer) {
    return new Attempt(
        span.startNanos(),
        span.endNanos(),
        span.error(),
        span.httpStatus(),
        answer != null,
        answer == null ? 0 : answer.durationNanos());
  }

  /** A dependency name from a peer (or the span name): no '/', never blank. */
  static String dependencyName(Span client) {
    String peer = client.peer();
    if (peer.startsWith(Span.DATABASE_PEER)) {
      peer = peer.substring(Span.DATABASE_PEER.length()).replace(':', '-');
    }
    String raw = peer.isBlank() ? client.name() : peer;
    String name = raw.trim().replace('/', '_').replace(' ', '_');
    return name.isEmpty() ? "external" : name;
  }
}
