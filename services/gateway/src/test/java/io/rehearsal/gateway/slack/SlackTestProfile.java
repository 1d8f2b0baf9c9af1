package io.rehearsal.gateway.slack;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/**
 * The gateway with Slack approvals on, the gateway's test policy, and the Web API pointed at a
 * {@link SlackStandIn} started before the application.
 */
public class SlackTestProfile implements QuarkusTestProfile {

  static final String SECRET = "quarkus-test-signing-secret";

  @Override
  public Map<String, String> getConfigOverrides() {
    return Map.of(
        "rehearsal.gateway.slack.enabled",
        "true",
        "rehearsal.gateway.slack.signing-secret",
        SECRET,
        "rehearsal.gateway.slack.bot-token",
        "xoxb-quarkus-test",
        "rehearsal.gateway.slack.channel",
        SlackHarness.CHANNEL,
        "rehearsal.gateway.slack.users.U0ALICE",
        "alice@example.com",
        "rehearsal.gateway.slack.users.U0CAROL",
        SlackFixtures.REQUESTER,
        "rehearsal.gateway.policy-file",
        SlackFixtures.POLICY.toString(),
        "rehearsal.gateway.page-url",
        SlackHarness.PAGE);
  }

  @Override
  public List<TestResourceEntry> testResources() {
    return List.of(new TestResourceEntry(StandIn.class));
  }

  /** Starts the Slack stand-in and points the gateway at it. */
  public static class StandIn implements QuarkusTestResourceLifecycleManager {

    static volatile SlackStandIn slack;

    @Override
    public Map<String, String> start() {
      slack = SlackStandIn.start();
      return Map.of("rehearsal.gateway.slack.api-url-prefix", slack.urlPrefix());
    }

    @Override
    public void stop() {
      slack.close();
    }
  }
}
