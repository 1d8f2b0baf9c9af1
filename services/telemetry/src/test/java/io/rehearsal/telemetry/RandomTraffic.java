package io.rehearsal.telemetry;

import static io.rehearsal.telemetry.TestSpans.T0;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Seeded random traces: a "front" request calls "back" 0-3 times in parallel (each answered by a
 * SERVER span) and an external "psp" at most once; some requests fail. Keeps the truth to check an
 * aggregator against.
 */
final class RandomTraffic {

  static final String[] FRONT_ENDPOINTS = {"GET /", "GET /cart", "POST /buy"};

  final List<Span> spans = new ArrayList<>();
  final Map<String, List<Long>> durationsByEndpoint = new HashMap<>();
  final Map<String, Long> errorsByEndpoint = new HashMap<>();
  long backCalls;
  long requestsCallingBack;
  long pspCalls;

  private final SplittableRandom random;
  private long nextId = 1;

  RandomTraffic(long seed, int traces, long spreadNanos) {
    random = new SplittableRandom(seed);
    for (int t = 1; t <= traces; t++) {
      trace(t, T0 + random.nextLong(spreadNanos));
    }
  }

  private void trace(long traceId, long start) {
    String endpoint = FRONT_ENDPOINTS[random.nextInt(FRONT_ENDPOINTS.length)];
    long rootId = nextId++;
    int parallel = random.nextInt(4);
    long childrenEnd = start + 1_000;
    for (int c = 0; c < parallel; c++) {
      childrenEnd = Math.max(childrenEnd, backCall(traceId, rootId, start + 1_000));
    }
    backCalls += parallel;
    requestsCallingBack += parallel > 0 ? 1 : 0;
    if (random.nextInt(4) == 0) {
      pspCalls++;
      long callEnd = childrenEnd + 1_000 + random.nextLong(5_000_000);
      spans.add(TestSpans.client(traceId, nextId++, rootId, "front", "psp", childrenEnd, callEnd));
      childrenEnd = callEnd;
    }
    long end = childrenEnd + random.nextLong(1_000, 20_000_000);
    Span root = TestSpans.server(traceId, rootId, 0, "front", endpoint, start, end);
    record(random.nextInt(10) == 0 ? TestSpans.failed(root) : root);
  }

  private long backCall(long traceId, long parentId, long start) {
    long clientId = nextId++;
    long serverStart = start + 100_000;
    long serverEnd = serverStart + random.nextLong(1_000, 30_000_000);
    long clientEnd = serverEnd + 100_000;
    spans.add(TestSpans.client(traceId, clientId, parentId, "front", "back", start, clientEnd));
    record(
        TestSpans.server(traceId, nextId++, clientId, "back", "GET /item", serverStart, serverEnd));
    return clientEnd;
  }

  private void record(Span server) {
    spans.add(server);
    String key = server.service() + " " + server.endpoint();
    durationsByEndpoint.computeIfAbsent(key, k -> new ArrayList<>()).add(server.durationNanos());
    errorsByEndpoint.merge(key, server.error() ? 1L : 0L, Long::sum);
  }
}
