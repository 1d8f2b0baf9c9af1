package io.rehearsal.telemetry;

import static io.rehearsal.telemetry.TestSpans.T0;
import static io.rehearsal.telemetry.TestSpans.client;
import static io.rehearsal.telemetry.TestSpans.internal;
import static io.rehearsal.telemetry.TestSpans.server;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TraceCallsTest {

  private record Call(EdgeKey key, long parentId, boolean first) {}

  private final List<Call> calls = new ArrayList<>();
  private final List<Span> unresolved = new ArrayList<>();

  private final TraceCalls.Sink sink =
      new TraceCalls.Sink() {
        @Override
        public void call(EdgeKey key, Span parent, boolean error, boolean firstOfParent) {
          calls.add(new Call(key, parent.spanId(), firstOfParent));
        }

        @Override
        public void unresolved(Span call) {
          unresolved.add(call);
        }
      };

  @Test
  void shouldAttributeCallThroughInternalSpansToAnsweringServerWhenTraceIsComplete() {
    List<Span> trace =
        List.of(
            server(1, 1, 0, "front", "GET /", T0, T0 + 100),
            internal(1, 2, 1, "front", T0 + 1, T0 + 90),
            client(1, 3, 2, "front", "cart", T0 + 2, T0 + 80),
            server(1, 4, 3, "cart", "GET /cart", T0 + 3, T0 + 70));

    TraceCalls.resolve(trace, sink);

    assertThat(calls)
        .containsExactly(
            new Call(new EdgeKey("front", "GET /", "cart", "GET /cart", false), 1, true));
    assertThat(unresolved).isEmpty();
  }

  @Test
  void shouldNameDependencyWhenNoServerSpanAnswered() {
    List<Span> trace =
        List.of(
            server(1, 1, 0, "pay", "POST /charge", T0, T0 + 100),
            client(1, 2, 1, "pay", "psp.example.com", T0 + 1, T0 + 90),
            client(1, 3, 1, "pay", "", T0 + 1, T0 + 90));

    TraceCalls.resolve(trace, sink);

    assertThat(calls)
        .extracting(Call::key)
        .containsExactly(
            new EdgeKey("pay", "POST /charge", "psp.example.com", "GET", true),
            new EdgeKey("pay", "POST /charge", "unknown", "GET", true));
  }

  @Test
  void shouldMarkOnlyFirstCallOfParentWhenParentCallsTwice() {
    List<Span> trace =
        List.of(
            server(1, 1, 0, "front", "GET /", T0, T0 + 100),
            client(1, 2, 1, "front", "db", T0 + 1, T0 + 10),
            client(1, 3, 1, "front", "db", T0 + 11, T0 + 20));

    TraceCalls.resolve(trace, sink);

    assertThat(calls).extracting(Call::first).containsExactly(true, false);
  }

  @Test
  void shouldReportUnresolvedWhenParentIsMissing() {
    Span orphan = client(1, 2, 99, "loadgen", "front", T0, T0 + 10);

    TraceCalls.resolve(List.of(orphan), sink);

    assertThat(calls).isEmpty();
    assertThat(unresolved).containsExactly(orphan);
  }

  @Test
  void shouldCountDirectParentLinkWhenCallerSentNoClientSpan() {
    List<Span> trace =
        List.of(
            server(1, 1, 0, "front", "GET /", T0, T0 + 100),
            server(1, 2, 1, "cart", "GET /cart", T0 + 1, T0 + 50));

    TraceCalls.resolve(trace, sink);

    assertThat(calls)
        .containsExactly(
            new Call(new EdgeKey("front", "GET /", "cart", "GET /cart", false), 1, true));
  }
}
