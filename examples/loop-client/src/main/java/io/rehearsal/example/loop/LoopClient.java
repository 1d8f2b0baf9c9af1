package io.rehearsal.example.loop;

import com.google.protobuf.util.JsonFormat;
import io.grpc.Channel;
import io.grpc.Context;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.MetadataUtils;
import io.rehearsal.proto.v1.Decision;
import io.rehearsal.proto.v1.DecisionEvent;
import io.rehearsal.proto.v1.DecisionState;
import io.rehearsal.proto.v1.ExplainRequest;
import io.rehearsal.proto.v1.Explanation;
import io.rehearsal.proto.v1.PolicyGatewayGrpc;
import io.rehearsal.proto.v1.PolicyGatewayGrpc.PolicyGatewayBlockingStub;
import io.rehearsal.proto.v1.RemediationRequest;
import io.rehearsal.proto.v1.RuleResult;
import io.rehearsal.proto.v1.SubmitResponse;
import io.rehearsal.proto.v1.ThresholdCheck;
import io.rehearsal.proto.v1.WatchDecisionsRequest;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A self-healing loop's last step: submit the sandbox's best candidate to the policy gateway, print
 * what the gateway decided and why, then follow the decision until it runs or ends.
 *
 * <pre>
 * java -cp ... io.rehearsal.example.loop.LoopClient --target localhost:9090 \
 *     --token-file .rehearsal/credentials/automation.jwt --request request.json [--wait PT10M]
 * </pre>
 *
 * The request file is a {@code RemediationRequest} in proto JSON: the evaluation id and its
 * best-ranked candidate ({@code Evaluation.ranking[0]}). The token may also come from {@code
 * REHEARSAL_TOKEN}.
 */
public final class LoopClient {

  /** States after which there is nothing left to wait for (EXECUTING: the hook took it). */
  static final Set<DecisionState> SETTLED =
      EnumSet.of(
          DecisionState.DECISION_STATE_REJECTED,
          DecisionState.DECISION_STATE_EXPIRED,
          DecisionState.DECISION_STATE_EXECUTING,
          DecisionState.DECISION_STATE_SUCCEEDED,
          DecisionState.DECISION_STATE_FAILED,
          DecisionState.DECISION_STATE_CANCELLED,
          DecisionState.DECISION_STATE_BLOCKED,
          DecisionState.DECISION_STATE_SHADOWED);

  /** Submit attempts while the gateway answers UNAVAILABLE, and the backoff between them. */
  static final int SUBMIT_ATTEMPTS = 6;

  static final Duration FIRST_BACKOFF = Duration.ofMillis(200);
  static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

  private final PolicyGatewayBlockingStub gateway;
  private final PrintStream out;

  /** A client over {@code channel} that sends {@code token} as a bearer credential. */
  public LoopClient(Channel channel, String token, PrintStream out) {
    Metadata headers = new Metadata();
    headers.put(
        Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + token);
    this.gateway =
        PolicyGatewayGrpc.newBlockingStub(channel)
            .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
    this.out = out;
  }

  /** Runs one submission; exit status 1 when the action will not run, 2 when a call failed. */
  public static void main(String[] args) throws IOException {
    Options options = Options.parse(args);
    RemediationRequest request = readRequest(Path.of(options.require("--request")));
    String token =
        options.has("--token-file")
            ? Files.readString(Path.of(options.get("--token-file"))).strip()
            : System.getenv().getOrDefault("REHEARSAL_TOKEN", "");
    ManagedChannel channel =
        ManagedChannelBuilder.forTarget(options.getOr("--target", "localhost:9090"))
            .usePlaintext() // `./rehearsal up` serves h2c on 9090; use TLS elsewhere
            .build();
    try {
      Duration wait = Duration.parse(options.getOr("--wait", "PT10M"));
      Decision last = new LoopClient(channel, token, System.out).run(request, wait);
      System.exit(refused(last.getState()) ? 1 : 0);
    } catch (StatusRuntimeException e) {
      // e.g. UNAUTHENTICATED (token), PERMISSION_DENIED (role), NOT_FOUND (evaluation)
      System.err.println("the gateway refused the call: " + e.getStatus());
      System.exit(2);
    } finally {
      channel.shutdownNow();
    }
  }

  /**
   * Reads a {@code RemediationRequest} in proto JSON. Without a request id, one is derived from the
   * evaluation and the candidate, so running the loop twice submits once (the gateway returns the
   * stored decision for a known request id).
   */
  public static RemediationRequest readRequest(Path file) throws IOException {
    RemediationRequest.Builder b = RemediationRequest.newBuilder();
    JsonFormat.parser().merge(Files.readString(file), b);
    if (b.getRequestId().isEmpty()) {
      b.setRequestId("loop-" + b.getEvaluationId() + "-" + b.getRemediation().getId());
    }
    return b.build();
  }

  /** Submits, prints the decision and its explanation, follows it for at most {@code wait}. */
  public Decision run(RemediationRequest request, Duration wait) {
    SubmitResponse response = submit(request);
    Decision decision = response.getDecision();
    out.printf(
        "submitted %s: decision %s%n",
        request.getRequestId(), response.getCreated() ? "made" : "already made (a replay)");
    print(decision);
    explain(decision);
    return SETTLED.contains(decision.getState()) ? decision : follow(decision, wait);
  }

  /**
   * Submits, retrying while the gateway answers UNAVAILABLE (overloaded, or its store unreachable:
   * either way nothing was decided) with exponential backoff and full jitter, at most {@link
   * #SUBMIT_ATTEMPTS} times. Every attempt sends the same request id, so a retry can never decide
   * twice: if an earlier attempt was decided after all, the gateway answers with that decision.
   */
  SubmitResponse submit(RemediationRequest request) {
    // Seeded by the request id: the same run waits the same, and many loops do not retry in step.
    Random jitter = new Random(request.getRequestId().hashCode());
    for (int attempt = 1; ; attempt++) {
      try {
        return gateway.withDeadlineAfter(30, TimeUnit.SECONDS).submit(request);
      } catch (StatusRuntimeException e) {
        if (e.getStatus().getCode() != Status.Code.UNAVAILABLE || attempt == SUBMIT_ATTEMPTS) {
          throw e;
        }
        long cap = Math.min(MAX_BACKOFF.toMillis(), FIRST_BACKOFF.toMillis() << (attempt - 1));
        Duration pause = Duration.ofMillis(1 + jitter.nextInt((int) cap));
        out.printf(
            "gateway unavailable (%s); retrying in %d ms with the same request id (attempt %d of"
                + " %d)%n",
            e.getStatus().getDescription(), pause.toMillis(), attempt + 1, SUBMIT_ATTEMPTS);
        sleep(pause);
      }
    }
  }

  private void print(Decision d) {
    out.printf(
        "%s %s (policy %s, evidence %s)%n",
        d.getId(), state(d.getState()), d.getPolicyVersion(), d.getEvidenceHash());
    d.getReasonsList().forEach(r -> out.println("  reason: " + r));
    if (d.getState() == DecisionState.DECISION_STATE_PENDING_APPROVAL) {
      out.printf(
          "  needs %d approval(s) from on-call, %d so far, before %s%n",
          d.getRequiredApprovers(),
          d.getReviewsCount(),
          Instant.ofEpochSecond(d.getExpiresAt().getSeconds()));
    }
  }

  /** Every rule evaluated; Explain needs role oncall, so fall back to what the decision carries. */
  private void explain(Decision d) {
    try {
      Explanation e = gateway.explain(ExplainRequest.newBuilder().setDecisionId(d.getId()).build());
      out.printf("explanation (default deny: %s):%n", e.getDefaultDeny());
      e.getRulesList().forEach(this::printRule);
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() != Status.Code.PERMISSION_DENIED) {
        throw e;
      }
      out.println(
          "explanation: not allowed for this token (Explain needs role oncall);"
              + " matched rules:");
      d.getMatchedRulesList().forEach(this::printRule);
    }
  }

  private void printRule(RuleResult r) {
    out.printf(
        "  rule %s: %s %s %s%n",
        r.getRuleId(), r.getMatched() ? "matched" : "no match", effect(r), r.getReason());
    for (ThresholdCheck c : r.getChecksList()) {
      out.printf(
          "    %s %s %s observed %s: %s%n",
          c.getQuantity(),
          c.getComparison().name().replace("COMPARISON_", ""),
          c.getThreshold(),
          c.hasObserved() ? c.getObserved() : "none",
          c.getPassed() ? "passed" : "failed");
    }
  }

  /**
   * Follows the decision over {@code WatchDecisions}. The first call has no cursor: the gateway
   * sends a snapshot of the live decisions (ours among them unless it already settled) and then
   * every change, so nothing falls between Submit and the watch. If the stream breaks, the watch
   * resumes after the last cursor seen, missing and repeating nothing.
   */
  private Decision follow(Decision decision, Duration wait) {
    long deadline = System.nanoTime() + wait.toNanos();
    String cursor = "";
    Decision last = decision;
    while (System.nanoTime() < deadline) {
      WatchDecisionsRequest watch =
          WatchDecisionsRequest.newBuilder()
              .addTargets(decision.getRequest().getRemediation().getTarget())
              .addEnvironments(decision.getRequest().getEnvironment())
              .setAfterCursor(cursor)
              .build();
      // A cancellable context ends the server stream when we stop reading it.
      try (Context.CancellableContext ctx = Context.current().withCancellation()) {
        Context previous = ctx.attach();
        try {
          Iterator<DecisionEvent> events =
              gateway
                  .withDeadlineAfter(deadline - System.nanoTime(), TimeUnit.NANOSECONDS)
                  .watchDecisions(watch);
          while (events.hasNext()) {
            DecisionEvent event = events.next();
            cursor = event.getCursor();
            Decision d = event.getDecision();
            if (!d.getId().equals(decision.getId()) || d.getRevision() <= last.getRevision()) {
              continue; // another decision, or one we have already printed
            }
            last = d;
            print(d);
            if (SETTLED.contains(d.getState())) {
              return d;
            }
          }
        } catch (StatusRuntimeException e) {
          if (e.getStatus().getCode() == Status.Code.DEADLINE_EXCEEDED) {
            break;
          }
          if (e.getStatus().getCode() != Status.Code.UNAVAILABLE) {
            throw e;
          }
          out.println("watch interrupted (" + e.getStatus() + "), resuming from " + cursor);
          sleep(Duration.ofSeconds(1));
        } finally {
          ctx.detach(previous);
        }
      }
    }
    out.printf("still %s after %s; stopped watching%n", state(last.getState()), wait);
    return last;
  }

  static boolean refused(DecisionState s) {
    return SETTLED.contains(s)
        && s != DecisionState.DECISION_STATE_EXECUTING
        && s != DecisionState.DECISION_STATE_SUCCEEDED;
  }

  private static String state(DecisionState s) {
    return s.name().replace("DECISION_STATE_", "");
  }

  private static String effect(RuleResult r) {
    return r.getEffect().name().replace("POLICY_EFFECT_", "");
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting to retry", e);
    }
  }
}
