package io.rehearsal.gateway.slack;

import io.rehearsal.gateway.Fixtures;
import io.rehearsal.gateway.decision.DecisionDesk;
import io.rehearsal.policy.GuardSettings;
import io.rehearsal.policy.PolicyEngine;
import io.rehearsal.policy.PolicySet;
import io.rehearsal.proto.v1.Decision;
import io.rehearsal.proto.v1.Environment;
import io.rehearsal.proto.v1.Evaluation;
import io.rehearsal.proto.v1.Remediation;
import io.rehearsal.proto.v1.RemediationRequest;
import io.rehearsal.proto.v1.Target;
import io.rehearsal.store.RedisStore;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Decisions waiting for approval, stored as the gateway stores them, and Slack click payloads. */
final class SlackFixtures {

  static final String EVALUATION = "eval-slack-1";
  static final String REQUESTER = "carol@example.com";
  static final String SENTENCE = "restart-checkout restores every SLO (time to recover 40 s)";
  static final Path POLICY = Path.of("src/test/resources/policy/gateway-test.yaml");

  private SlackFixtures() {}

  /** A desk over {@code store} with the gateway's test policy. */
  static DecisionDesk desk(RedisStore store, Clock clock) {
    PolicyEngine engine = new PolicyEngine(PolicySet.load(POLICY), GuardSettings.DEFAULTS, clock);
    return new DecisionDesk(
        store.decisions(), store.audit(), store.evaluations(), engine, Duration.ofHours(1), clock);
  }

  /** A production restart (one approver) or rollback (two), waiting for approval. */
  static Decision pending(DecisionDesk desk, String requestId, boolean twoApprovers) {
    Remediation r = twoApprovers ? rollback() : restart();
    RemediationRequest request =
        RemediationRequest.newBuilder()
            .setRequestId(requestId)
            .setRemediation(r)
            .setIncidentId("inc-77")
            .setEnvironment(Environment.ENVIRONMENT_PRODUCTION)
            .setEvaluationId(EVALUATION)
            .setRequester(REQUESTER)
            .setReason("checkout p99 above SLO")
            .build();
    return desk.submit(request).decision();
  }

  static Remediation restart() {
    return Remediation.newBuilder()
        .setId("restart-checkout")
        .setRestart(Remediation.Restart.newBuilder().setRolling(true).setMaxUnavailable(1))
        .setTarget(Target.newBuilder().setService("checkout"))
        .setSummary("rolling restart of checkout")
        .build();
  }

  static Remediation rollback() {
    return Remediation.newBuilder()
        .setId("rollback-checkout")
        .setRollback(Remediation.Rollback.newBuilder().setToVersion("1.41.2"))
        .setTarget(Target.newBuilder().setService("checkout"))
        .build();
  }

  /** A succeeded evaluation of both remediations, stored as the sandbox stores it. */
  static Evaluation storeEvaluation(RedisStore store, Instant at) {
    return Fixtures.storeEvaluation(
        store, at, EVALUATION, "inc-77", SENTENCE, List.of(restart(), rollback()));
  }

  /** The form body Slack sends when {@code user} clicks {@code verdict} on a decision's message. */
  static String clickBody(
      String user, Interaction.Verdict verdict, String decisionId, long revision, String ts) {
    String json =
        "{\"type\":\"block_actions\",\"user\":{\"id\":\""
            + user
            + "\",\"username\":\"someone\",\"team_id\":\"T0001\"},"
            + "\"api_app_id\":\"A0001\",\"team\":{\"id\":\"T0001\",\"domain\":\"rehearsal\"},"
            + "\"container\":{\"type\":\"message\",\"message_ts\":\""
            + ts
            + "\",\"channel_id\":\"C0APPROVALS\",\"is_ephemeral\":false},"
            + "\"trigger_id\":\"1.2.3\",\"channel\":{\"id\":\"C0APPROVALS\",\"name\":\"approvals\"},"
            + "\"response_url\":\"https://hooks.slack.com/actions/T0001/1/abc\","
            + "\"actions\":[{\"action_id\":\""
            + verdict.actionId()
            + "\",\"block_id\":\"b1\",\"type\":\"button\",\"value\":\""
            + Interaction.buttonValue(decisionId, revision)
            + "\",\"action_ts\":\"1700000001.000001\"}]}";
    return "payload=" + URLEncoder.encode(json, StandardCharsets.UTF_8);
  }
}
