package io.rehearsal.gateway.decision;

import io.rehearsal.gateway.mapping.Circumstances;
import io.rehearsal.gateway.mapping.ExplanationMapper;
import io.rehearsal.gateway.mapping.PolicyInputMapper;
import io.rehearsal.policy.Effect;
import io.rehearsal.policy.PolicyEngine;
import io.rehearsal.policy.Verdict;
import io.rehearsal.proto.v1.ApproveRequest;
import io.rehearsal.proto.v1.CancelRequest;
import io.rehearsal.proto.v1.Decision;
import io.rehearsal.proto.v1.DecisionState;
import io.rehearsal.proto.v1.ExplainRequest;
import io.rehearsal.proto.v1.Explanation;
import io.rehearsal.proto.v1.RejectRequest;
import io.rehearsal.proto.v1.RemediationRequest;
import io.rehearsal.store.AuditLog;
import io.rehearsal.store.DecisionJournal;
import io.rehearsal.store.Decisions;
import io.rehearsal.store.Evaluations;
import io.rehearsal.store.RateLimits;
import io.rehearsal.store.Reads;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

/**
 * Where remediation requests become decisions: validates a submission, fetches its evidence from
 * the store, asks the policy engine, and stores the decision and its audit entry before answering;
 * then serves reads and the reviews that move a decision through its {@link Transition lifecycle}.
 *
 * <p>Idempotent on request_id: the decision id is derived from it, so a replay finds the stored
 * decision (and any number of concurrent replays create one). Fail closed: when Redis cannot be
 * reached the store's exception propagates and nothing is decided.
 */
public final class DecisionDesk {

  private static final Pattern DECISION_ID = Pattern.compile("dec-[0-9a-f]{32}");

  private final DecisionRecords records;
  private final EvidenceLookup evidence;
  private final PolicyEngine engine;
  private final Duration defaultTtl;
  private final Clock clock;
  private final Reviews reviews;
  private final Executions executions;
  private final Circumstances.Source circumstances;

  /**
   * @param decisions where decisions are read
   * @param journal where decisions are written (create and compare-and-set), with their watch
   *     events and hook deliveries
   * @param audit the hash-chained audit log every change is appended to
   * @param evaluations the sandbox's stored evaluations, where evidence comes from
   * @param engine the policy engine
   * @param defaultTtl how long a decision may wait when neither request nor policy says
   * @param clock the gateway's clock (creation, expiry, review times)
   * @param circumstances the kill switch, freezes, history and automation budget the engine sees,
   *     and where an automatic approval takes its token
   * @param approvers the groups of reviewers, whatever channel they review through
   * @param history what an approval records in its target's action history
   */
  public DecisionDesk(
      Decisions decisions,
      DecisionJournal journal,
      AuditLog audit,
      Evaluations evaluations,
      PolicyEngine engine,
      Duration defaultTtl,
      Clock clock,
      Circumstances.Source circumstances,
      ApproverDirectory approvers,
      HistoryPolicy history) {
    if (defaultTtl.isNegative() || defaultTtl.isZero()) {
      throw new IllegalArgumentException("defaultTtl must be positive, but was " + defaultTtl);
    }
    this.records = new DecisionRecords(decisions, journal, audit, history);
    this.evidence = new EvidenceLookup(evaluations);
    this.engine = engine;
    this.defaultTtl = defaultTtl;
    this.clock = clock;
    this.circumstances = circumstances;
    this.reviews = new Reviews(records, clock, approvers);
    this.executions =
        new Executions(
            records,
            journal == null ? Optional.empty() : Optional.of(journal.ledger("outcomes")),
            clock);
  }

  /**
   * A desk with no approver groups known and no action history recorded (any approver may approve a
   * decision whose rule names no groups).
   */
  public DecisionDesk(
      Decisions decisions,
      DecisionJournal journal,
      AuditLog audit,
      Evaluations evaluations,
      PolicyEngine engine,
      Duration defaultTtl,
      Clock clock,
      Circumstances.Source circumstances) {
    this(
        decisions,
        journal,
        audit,
        evaluations,
        engine,
        defaultTtl,
        clock,
        circumstances,
        ApproverDirectory.NONE,
        HistoryPolicy.OFF);
  }

  /** Hand-offs to the hooks and outcome reports, on the same records. */
  public Executions executions() {
    return executions;
  }

  /**
   * A desk whose writes neither append watch events nor enqueue hook deliveries, and which keeps no
   * outcome ledger: for tools and tests that only decide and review. The gateway uses the journaled
   * constructor.
   */
  public DecisionDesk(
      Decisions decisions,
      AuditLog audit,
      Evaluations evaluations,
      PolicyEngine engine,
      Duration defaultTtl,
      Clock clock) {
    this(decisions, null, audit, evaluations, engine, defaultTtl, clock, Circumstances.NONE_SOURCE);
  }

  /** The version (content hash) of the policy set this desk decides with. */
  public String policyVersion() {
    return engine.policies().version();
  }

  /**
   * Decides {@code request}, or returns the decision already made for its request_id.
   *
   * @throws GatewayException INVALID_ARGUMENT, NOT_FOUND (evaluation or evidence), ALREADY_EXISTS
   *     (request_id used for another request), FAILED_PRECONDITION (evidence of another action)
   */
  public Submitted submit(RemediationRequest request) {
    return Reads.await(submitAsync(request));
  }

  /**
   * {@link #submit} without a thread waiting on Redis: the future completes with the decision, or
   * fails with what {@code submit} throws, once the decision and its audit entry are stored. Every
   * step after the first read runs where its read completed (the Redis client's I/O thread), so
   * none of them blocks.
   */
  public CompletableFuture<Submitted> submitAsync(RemediationRequest request) {
    try {
      RequestValidator.validate(request);
      String id = decisionId(request.getRequestId());
      Instant now = clock.instant();
      // Everything a decision reads is in flight at once: one round trip instead of one per
      // record. A replay needs only the stored decision; the other reads are then left unused.
      CompletableFuture<Optional<StoredDecision>> stored = records.getAsync(id);
      Optional<Reading> reading =
          request.getEvaluationId().isEmpty()
              ? Optional.empty()
              : Optional.of(
                  new Reading(
                      evidence.findAsync(request.getEvaluationId(), request.getRemediation()),
                      circumstances.at(PolicyInputMapper.action(request), now)));
      return stored.thenCompose(
          existing ->
              existing.isPresent()
                  ? replay(existing.get(), request)
                  : decideAndCreate(id, request, now, reading)
                      .thenCompose(
                          created ->
                              created.created()
                                  ? Reads.done(
                                      new Submitted(
                                          created.record().orElseThrow().decision(), true))
                                  : replay(created.record().orElseThrow(), request)));
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /** The current decision; NOT_FOUND for an unknown id. */
  public Decision get(String decisionId) {
    return Reads.await(getAsync(decisionId));
  }

  /** {@link #get} without waiting; a malformed id fails at once, without a read. */
  public CompletableFuture<Decision> getAsync(String decisionId) {
    return loadAsync(decisionId).thenApply(StoredDecision::decision);
  }

  /** The explanation of a decision, or a dry run of a request (nothing is recorded). */
  public Explanation explain(ExplainRequest request) {
    return switch (request.getSubjectCase()) {
      case DECISION_ID -> load(request.getDecisionId()).explanation();
      case REQUEST -> dryRun(request.getRequest());
      case SUBJECT_NOT_SET ->
          throw GatewayException.invalid(
              "subject", "exactly one of decision_id or request is required");
    };
  }

  /** Records an approval; see {@link Reviews#approve}. */
  public Decision approve(ApproveRequest request) {
    Reviews.validate(request);
    return reviews.approve(request, current(request.getDecisionId()));
  }

  /** Records a rejection; see {@link Reviews#reject}. */
  public Decision reject(RejectRequest request) {
    Reviews.validate(request);
    return reviews.reject(request, current(request.getDecisionId()));
  }

  /** Withdraws a decision; see {@link Reviews#cancel}. */
  public Decision cancel(CancelRequest request) {
    Reviews.validate(request);
    return reviews.cancel(request, current(request.getDecisionId()));
  }

  /** The decision id of a request_id: {@code dec-} and 128 bits of its SHA-256. */
  public static String decisionId(String requestId) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(requestId.getBytes(StandardCharsets.UTF_8));
      return "dec-" + HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  private StoredDecision load(String decisionId) {
    return Reads.await(loadAsync(decisionId));
  }

  private CompletableFuture<StoredDecision> loadAsync(String decisionId) {
    if (!DECISION_ID.matcher(decisionId).matches()) {
      return CompletableFuture.failedFuture(unknown(decisionId));
    }
    return records
        .getAsync(decisionId)
        .thenApply(found -> found.orElseThrow(() -> unknown(decisionId)));
  }

  private static GatewayException unknown(String decisionId) {
    return GatewayException.of(
        GatewayException.Reason.NOT_FOUND, "decision '" + decisionId + "' is unknown");
  }

  /**
   * The decision a review changes, after making sure its current revision is audited (a change
   * whose audit append failed is repaired before the next one, so the chain holds every revision).
   */
  private StoredDecision current(String decisionId) {
    return records.audited(load(decisionId));
  }

  private CompletableFuture<Submitted> replay(StoredDecision stored, RemediationRequest request) {
    if (!stored.decision().getRequest().equals(request)) {
      return CompletableFuture.failedFuture(
          GatewayException.of(
              GatewayException.Reason.ALREADY_EXISTS,
              "request_id '"
                  + request.getRequestId()
                  + "' was already used for a different request (decision "
                  + stored.decision().getId()
                  + "); use a new request_id"));
    }
    return records
        .auditedAsync(stored)
        .thenApply(audited -> new Submitted(audited.decision(), false));
  }

  /** The reads a decision with evidence waits for, in flight together. */
  private record Reading(
      CompletableFuture<EvidenceLookup.Found> evidence,
      CompletableFuture<Circumstances> circumstances) {}

  /**
   * Decides {@code request} on what was read and creates the decision. An automatic ALLOW takes its
   * token from the automation budget in the same write; when a bucket is empty nothing is written,
   * and the request is decided again with that budget used up (so the explanation shows the
   * rate-limit guard), which never yields another ALLOW.
   */
  private CompletableFuture<DecisionRecords.Created> decideAndCreate(
      String id, RemediationRequest request, Instant now, Optional<Reading> reading) {
    if (reading.isEmpty()) {
      return records.createAsync(pendingEvidence(id, request, now), Optional.empty());
    }
    return reading
        .get()
        .evidence()
        .thenCombine(reading.get().circumstances(), Judging::new)
        .thenCompose(
            judging -> {
              Verdict verdict =
                  engine.decide(input(request, Optional.of(judging.found()), judging.seen()));
              Optional<RateLimits.Take> token =
                  verdict.effect() == Effect.ALLOW
                      ? circumstances.token(PolicyInputMapper.action(request), now)
                      : Optional.empty();
              return records
                  .createAsync(decided(id, request, now, verdict, judging.found()), token)
                  .thenCompose(
                      created ->
                          created.overBudget().isEmpty()
                              ? Reads.done(created)
                              : records.createAsync(
                                  decided(
                                      id,
                                      request,
                                      now,
                                      overBudget(request, judging, created.overBudget().get()),
                                      judging.found()),
                                  Optional.empty()));
            });
  }

  /** What a decision is judged on: its evidence and the circumstances it was read with. */
  private record Judging(EvidenceLookup.Found found, Circumstances seen) {}

  /**
   * The verdict of a request whose automation budget turned out used up when its token was taken.
   */
  private Verdict overBudget(
      RemediationRequest request, Judging judging, RateLimits.Budget usedUp) {
    Verdict verdict =
        engine.decide(
            input(
                request,
                Optional.of(judging.found()),
                judging.seen().withBudget(Circumstances.budget(usedUp))));
    if (verdict.effect() == Effect.ALLOW) { // the built-in guard makes this unreachable
      throw new IllegalStateException(
          "the policy allowed " + request.getRequestId() + " with its automation budget used up");
    }
    return verdict;
  }

  /** Revision 1 of decision {@code id}, before its verdict. */
  private Decision.Builder base(String id, RemediationRequest request, Instant now) {
    return Decision.newBuilder()
        .setId(id)
        .setRequest(request)
        .setRevision(1)
        .setCreatedAt(Timestamps.of(now))
        .setUpdatedAt(Timestamps.of(now))
        .setPolicyVersion(policyVersion());
  }

  /** The decision a verdict makes, with its explanation. */
  private StoredDecision decided(
      String id,
      RemediationRequest request,
      Instant now,
      Verdict verdict,
      EvidenceLookup.Found found) {
    Decision.Builder base = base(id, request, now);
    DecisionState state = Verdicts.state(verdict);
    Transition.of(DecisionState.DECISION_STATE_UNSPECIFIED, state);
    base.setState(state)
        .addAllReasons(verdict.reasons())
        .addAllMatchedRules(ExplanationMapper.matched(verdict))
        .setEvidenceHash(found.evidence().getEvidenceHash())
        .setEvaluationId(request.getEvaluationId())
        .setRequiredApprovers(verdict.approvers().count())
        .addAllApproverGroups(verdict.approvers().groups())
        .setPolicyVersion(verdict.policyVersion());
    if (state != DecisionState.DECISION_STATE_REJECTED) {
      base.setExpiresAt(Timestamps.of(now.plus(ttl(request, verdict.expiry()))));
    }
    Explanation explanation =
        ExplanationMapper.explanation(verdict).toBuilder()
            .setDecisionId(id)
            .setDecisionRevision(1)
            .build();
    return new StoredDecision(base.build(), explanation);
  }

  private StoredDecision pendingEvidence(String id, RemediationRequest request, Instant now) {
    Decision.Builder base = base(id, request, now);
    DecisionState state = Transition.SUBMITTED_WITHOUT_EVIDENCE.to();
    base.setState(state)
        .addReasons("waiting for sandbox evidence: the request names no evaluation")
        .setExpiresAt(Timestamps.of(now.plus(ttl(request, Optional.empty()))));
    Explanation explanation =
        Explanation.newBuilder()
            .setDecisionId(id)
            .setDecisionRevision(1)
            .setPolicyVersion(policyVersion())
            .build();
    return new StoredDecision(base.build(), explanation);
  }

  private Explanation dryRun(RemediationRequest request) {
    RequestValidator.validate(request);
    Optional<EvidenceLookup.Found> found =
        request.getEvaluationId().isEmpty()
            ? Optional.empty()
            : Optional.of(evidence.find(request.getEvaluationId(), request.getRemediation()));
    Circumstances seen =
        Reads.await(circumstances.at(PolicyInputMapper.action(request), clock.instant()));
    return ExplanationMapper.explanation(engine.decide(input(request, found, seen)));
  }

  private static io.rehearsal.policy.PolicyInput input(
      RemediationRequest request, Optional<EvidenceLookup.Found> found, Circumstances seen) {
    return PolicyInputMapper.input(
        request,
        found.map(EvidenceLookup.Found::evaluation),
        found.map(EvidenceLookup.Found::evidence),
        seen);
  }

  /** The request's ttl capped by the policy's, else the policy's, else the gateway default. */
  private Duration ttl(RemediationRequest request, Optional<Duration> policy) {
    if (!request.hasTtl()) {
      return policy.orElse(defaultTtl);
    }
    Duration asked = Timestamps.duration(request.getTtl());
    return policy.filter(p -> p.compareTo(asked) < 0).orElse(asked);
  }
}
